"""The question "How was it for you?" reaches each family member's phone after a meeting: once,
only to those who have not answered yet, inside quiet hours for children, and never
from a closed circle."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.circles.models import Circle, FamilyMember
from server.jobs.models import Job
from server.meetings.models import Meeting
from server.notifications.triggers import CHECK_IN_AFTER
from tests import factories
from tests.notifications.test_push import AFTERNOON, LATE_EVENING, drain, subscribe

ANSWER = {"listened": 3, "helped_decide": 2, "told_honestly": 3, "got_help": 2}


async def _meeting_that_has_passed(client, world) -> Meeting:
    """The lead schedules a meeting; then its time passes."""
    await factories.act_as(client, world.lead)
    scheduled = await client.post(
        f"/api/circles/{world.circle.id}/meetings",
        json={
            "kind": "child_in_need_review",
            "starts_at": (datetime.now(UTC) + timedelta(days=2)).isoformat(),
        },
    )
    assert scheduled.status_code == 201, scheduled.text
    meeting = await Meeting.get(id=scheduled.json()["id"])
    job = await Job.get(kind="check_in", dedupe_key=f"check-in:{meeting.id}")
    assert job.run_at == meeting.starts_at + CHECK_IN_AFTER
    passed = datetime.now(UTC) - CHECK_IN_AFTER - timedelta(minutes=5)
    await Meeting.filter(id=meeting.id).update(starts_at=passed)
    joined = passed - timedelta(days=30)
    await FamilyMember.filter(circle_id=world.circle.id).update(created_at=joined)
    await Job.filter(id=job.id).update(run_at=datetime.now(UTC))
    return meeting


async def test_those_who_have_not_answered_are_asked_once_after_the_meeting(
    app, client, push_service
):
    world = await factories.world()
    await subscribe(client, world.parent, push_service.device("alex-phone"), push_service)
    await subscribe(client, world.young_person, push_service.device("sam-phone"), push_service)
    meeting = await _meeting_that_has_passed(client, world)
    await factories.act_as(client, world.young_person)
    answered = await client.put(f"/api/family/check-ins/{meeting.id}", json=ANSWER)
    assert answered.status_code == 200, answered.text

    await drain(app, AFTERNOON)
    assert [r.device for r in push_service.received] == ["alex-phone"]
    assert {r.payload["title"] for r in push_service.received} == {"You have a new message"}
    await drain(app, AFTERNOON)  # nothing is sent twice
    assert len(push_service.received) == 1


async def test_a_child_is_asked_after_quiet_hours(app, client, push_service):
    world = await factories.world()
    await subscribe(client, world.child, push_service.device("mia-phone"), push_service)
    await _meeting_that_has_passed(client, world)
    await drain(app, LATE_EVENING)
    assert push_service.received == []
    waiting = [
        job
        for job in await Job.filter(kind="notify", done_at=None)
        if job.payload["id"] == str(world.child.id)
    ]
    assert len(waiting) == 1 and waiting[0].run_at > LATE_EVENING  # waits until morning


async def test_nobody_is_asked_from_a_closed_circle_or_before_they_joined(
    app, client, push_service
):
    world = await factories.world()
    await subscribe(client, world.parent, push_service.device("alex-phone"), push_service)
    meeting = await _meeting_that_has_passed(client, world)
    await Circle.filter(id=world.circle.id).update(closed_at=datetime.now(UTC))
    await drain(app, AFTERNOON)
    assert push_service.received == []

    await Circle.filter(id=world.circle.id).update(closed_at=None)
    await Job.filter(kind="check_in").update(done_at=None, run_at=datetime.now(UTC))
    await FamilyMember.filter(id=world.parent.id).update(
        created_at=meeting.starts_at + timedelta(minutes=1)
    )
    await drain(app, AFTERNOON)
    assert push_service.received == []


async def test_someone_removed_from_the_circle_is_not_asked(app, client, push_service):
    world = await factories.world()
    await subscribe(client, world.parent, push_service.device("alex-phone"), push_service)
    await subscribe(client, world.young_person, push_service.device("sam-phone"), push_service)
    await _meeting_that_has_passed(client, world)
    await FamilyMember.filter(id=world.parent.id).update(removed_at=datetime.now(UTC))
    await drain(app, AFTERNOON)
    assert [r.device for r in push_service.received] == ["sam-phone"]
