"""Push notifications end to end through a local push service that checks the
VAPID signature and decrypts every message."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from server.i18n import I18n
from server.jobs import queue
from server.jobs.models import Job
from server.jobs.worker import run_one
from server.meetings.models import Meeting, MeetingKind, ViewRequest
from server.notifications.models import PushSubscription
from tests import factories

LONDON = ZoneInfo("Europe/London")
TODAY = date.today()
AFTERNOON = datetime(TODAY.year, TODAY.month, TODAY.day, 14, 0, tzinfo=LONDON)
LATE_EVENING = datetime(TODAY.year, TODAY.month, TODAY.day, 22, 30, tzinfo=LONDON)
NEUTRAL_TITLES = {"You have a new message"}


async def subscribe(client, person, device, push_service):
    await factories.act_as(client, person)
    response = await client.post(
        "/api/push/subscriptions", json=device.subscription(push_service.url)
    )
    assert response.status_code == 204, response.text


async def drain(app, now):
    """Runs every due job, as the worker would, at the given time."""
    i18n = I18n()
    while (job := await queue.claim()) is not None:
        await run_one(job, app.state.settings, i18n, now=now)


async def test_messages_are_signed_encrypted_and_say_nothing_about_the_family(
    app, client, push_service
):
    world = await factories.world()
    await subscribe(client, world.lead, push_service.device("priya-phone"), push_service)
    await subscribe(client, world.teammate, push_service.device("tom-phone"), push_service)
    await factories.act_as(client, world.young_person)
    await client.post(
        "/api/contributions",
        json={
            "id": str(uuid.uuid4()),
            "kind": "worried_about",
            "audience": "my_worker",
            "text": "Dad shouts at night",
        },
    )
    await client.post("/api/family/urgent")
    await drain(app, AFTERNOON)
    assert push_service.refused == []
    assert sorted(r.device for r in push_service.received) == ["priya-phone", "priya-phone"]
    for message in push_service.received:
        assert message.payload["title"] in NEUTRAL_TITLES
        text = str(message.payload)
        for secret in ("Dad shouts", "Sam", "Mia", "Alex", "Priya", "Civic Centre"):
            assert secret not in text
        assert message.topic and len(message.topic) <= 32


async def test_messages_follow_the_persons_language(app, client, push_service):
    world = await factories.world()
    world.lead.locale = "pl"
    await world.lead.save()
    await subscribe(client, world.lead, push_service.device("priya-phone"), push_service)
    await factories.act_as(client, world.young_person)
    await client.post("/api/family/urgent")
    await drain(app, AFTERNOON)
    [message] = push_service.received
    assert message.payload["title"] not in NEUTRAL_TITLES  # Polish, not English


async def test_children_are_not_notified_in_quiet_hours_but_nothing_is_dropped(
    app, client, push_service
):
    world = await factories.world()
    await subscribe(client, world.young_person, push_service.device("sam-phone"), push_service)
    await subscribe(client, world.parent, push_service.device("alex-phone"), push_service)
    await factories.act_as(client, world.lead)
    await client.post(
        f"/api/meetings/{world.meeting.id}/view-requests",
        json={
            "member_ids": [str(world.young_person.id), str(world.parent.id)],
            "due_on": (TODAY + timedelta(days=3)).isoformat(),
        },
    )
    await drain(app, LATE_EVENING)
    assert [r.device for r in push_service.received] == ["alex-phone"]
    waiting = await Job.filter(kind="notify", done_at=None)
    assert len(waiting) == 1
    assert waiting[0].run_at.astimezone(LONDON).hour == 7
    await Job.filter(id=waiting[0].id).update(run_at=datetime.now(UTC))
    await drain(app, AFTERNOON)
    assert sorted(r.device for r in push_service.received) == ["alex-phone", "sam-phone"]


async def test_a_device_the_push_service_says_is_gone_is_forgotten(app, client, push_service):
    world = await factories.world()
    await subscribe(client, world.lead, push_service.device("old-phone"), push_service)
    await subscribe(client, world.lead, push_service.device("new-phone"), push_service)
    push_service.gone.add("old-phone")
    await factories.act_as(client, world.young_person)
    await client.post("/api/family/urgent")
    await drain(app, AFTERNOON)
    assert [r.device for r in push_service.received] == ["new-phone"]
    remaining = await PushSubscription.all().values_list("endpoint", flat=True)
    assert [e.rsplit("/", 1)[1] for e in remaining] == ["new-phone"]
    assert not await Job.filter(done_at=None).exists()


async def test_reminders_go_three_days_and_one_day_before_to_those_who_have_not_shared(
    app, client, push_service
):
    world = await factories.world()
    await subscribe(client, world.parent, push_service.device("alex-phone"), push_service)
    await subscribe(client, world.young_person, push_service.device("sam-phone"), push_service)
    await factories.act_as(client, world.lead)
    await client.post(
        f"/api/meetings/{world.meeting.id}/view-requests",
        json={
            "member_ids": [str(world.young_person.id), str(world.parent.id)],
            "due_on": (TODAY + timedelta(days=3)).isoformat(),
        },
    )
    reminders = await Job.filter(kind="meeting_reminder").order_by("run_at")
    starts = world.meeting.starts_at
    assert [(starts - j.run_at).days for j in reminders] == [3, 3, 1, 1]
    await factories.act_as(client, world.young_person)  # Sam shares; Alex does not
    await client.post(
        "/api/contributions",
        json={
            "id": str(uuid.uuid4()),
            "kind": "message",
            "audience": "my_meeting",
            "text": "hi",
            "meeting_id": str(world.meeting.id),
        },
    )
    await drain(app, AFTERNOON)  # the "views requested" messages
    push_service.received.clear()
    await Job.filter(kind="meeting_reminder").update(run_at=datetime.now(UTC))
    await drain(app, AFTERNOON)
    assert [r.device for r in push_service.received] == ["alex-phone", "alex-phone"]


async def test_push_settings_need_a_signed_in_person(client):
    assert (await client.get("/api/push/key")).status_code == 401
    world = await factories.world()
    await factories.act_as(client, world.child)
    assert len((await client.get("/api/push/key")).json()["public_key"]) > 80
    bad = await client.post(
        "/api/push/subscriptions",
        json={"endpoint": "javascript:alert(1)", "keys": {"p256dh": "x", "auth": "y"}},
    )
    assert bad.status_code == 422


async def test_two_workers_racing_send_each_reminder_once(app, client, push_service, settings):
    world = await factories.world()
    await subscribe(client, world.parent, push_service.device("alex-phone"), push_service)
    meetings = []
    for n in range(12):
        meeting = await Meeting.create(
            circle=world.circle,
            kind=MeetingKind.CHILD_IN_NEED_REVIEW,
            starts_at=datetime.now(UTC) + timedelta(days=2 + n),
        )
        await ViewRequest.create(meeting=meeting, member=world.parent, due_on=TODAY)
        await queue.enqueue(
            "meeting_reminder",
            {"meeting": str(meeting.id), "member": str(world.parent.id)},
            dedupe_key=f"race-{n}",
        )
        meetings.append(meeting)
    env = {
        **os.environ,
        "ALONGSIDE_DATA_DIR": str(settings.data_dir),
        "ALONGSIDE_DATABASE_URL": settings.database_url,
        "ALONGSIDE_SECRET_KEY": app.state.settings.secret_key,
        "ALONGSIDE_VAPID_PRIVATE_KEY": app.state.settings.vapid_private_key,
        "ALONGSIDE_PUSH_SERVICES": push_service.url,
    }
    workers = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "server.cli",
            "worker",
            "--until-idle",
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        for _ in range(2)
    ]
    outputs = [await worker.communicate() for worker in workers]
    assert all(worker.returncode == 0 for worker in workers), outputs
    assert len(push_service.received) == 12
    assert len({r.topic for r in push_service.received}) == 12
    # Every due job is done (the daily retention run waits for the night).
    assert not await Job.filter(done_at=None, run_at__lte=datetime.now(UTC)).exists()
