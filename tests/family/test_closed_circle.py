"""When a circle closes, its family can still sign in, read their own words and
plan, change or stop sharing, and download their data; nobody on the team reads
new words there, so new words, answers and calls for help are refused — the call
for help with the numbers to ring — and no notification is queued."""

import uuid
from datetime import date, timedelta

import pytest

from server.audit.models import AuditEvent
from server.contributions.models import AudienceChange, Contribution
from server.family.models import UrgentRequest
from server.jobs.models import Job
from server.notifications.triggers import run_meeting_reminder
from server.plans.models import PlanAnswer
from tests import factories
from tests.auth.test_pins import joined_on_a_phone, pauses_in_a_row
from tests.plans import helpers

CLOSED = "This circle has closed. Nobody reads new words here."


async def _closed_circle(client):
    """Sam's circle, with a draft, a shared worry and a published plan, then closed."""
    world = await factories.world()
    draft = await helpers.share(client, world.young_person, "my draft", "just_me")
    shared = await helpers.share(client, world.young_person, "Dad shouts", "my_worker")
    item = await helpers.add(client, world.lead, world.circle, "Priya visits every week")
    await helpers.publish(client, world.lead, world.circle)
    await factories.act_as(client, world.lead)
    assert (await client.post(f"/api/circles/{world.circle.id}/close")).status_code == 200
    await Job.all().delete()  # what was queued while the circle was open
    await factories.act_as(client, world.young_person)
    return world, draft, shared, item["id"]


async def _everything(world):
    """What a refused change must leave as it was."""
    return (
        sorted((c.text, c.audience, c.version) for c in await Contribution.all()),
        await AudienceChange.all().count(),
        await PlanAnswer.all().count(),
        await UrgentRequest.all().count(),
        await Job.all().count(),
    )


FAMILY_WRITES = {
    "write": lambda ids: (
        "POST",
        "/api/contributions",
        {
            "id": str(uuid.uuid4()),
            "kind": "worried_about",
            "text": "new words",
            "audience": "my_worker",
        },
    ),
    "edit a draft": lambda ids: (
        "PATCH",
        f"/api/contributions/{ids['draft']}",
        {"version": 1, "text": "changed"},
    ),
    "answer the plan": lambda ids: (
        "POST",
        f"/api/family/plan/items/{ids['item']}/answer",
        {"answer": "disagree", "comment": "no"},
    ),
}


@pytest.mark.parametrize("change", FAMILY_WRITES)
async def test_new_words_and_answers_are_refused_and_nothing_changes(client, change):
    world, draft, _, item = await _closed_circle(client)
    before = await _everything(world)
    method, path, body = FAMILY_WRITES[change]({"draft": draft, "item": item})
    response = await client.request(method, path, json=body)
    assert response.status_code == 409, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"].endswith("/circle-closed")
    assert response.json()["title"] == CLOSED
    assert await _everything(world) == before


async def test_the_refusal_is_in_the_persons_language(client):
    await _closed_circle(client)
    await client.put("/api/me/locale", json={"locale": "pl"})
    response = await client.post(
        "/api/contributions",
        json={"id": str(uuid.uuid4()), "kind": "message", "text": "hi", "audience": "just_me"},
    )
    assert response.status_code == 409 and response.json()["title"] != CLOSED


async def test_a_call_for_help_is_refused_with_the_numbers_to_ring(client):
    world, _, _, _ = await _closed_circle(client)
    before = await _everything(world)
    response = await client.post("/api/family/urgent")
    assert response.status_code == 409
    problem = response.json()
    assert problem["type"].endswith("/circle-closed-call-instead")
    assert "999" in problem["title"] and "Childline" in problem["title"]
    assert "0800 1111" in problem["title"] and "nobody will be told" in problem["title"]
    assert problem["numbers"] == ["999", "0800 1111"]
    assert await _everything(world) == before


async def test_reading_and_choosing_who_sees_still_work_and_tell_nobody(client):
    _, draft, shared, _ = await _closed_circle(client)
    home = (await client.get("/api/family/home")).json()
    assert home["circle"]["closed_at"] is not None
    mine = (await client.get("/api/contributions")).json()["items"]
    assert {i["text"] for i in mine} == {"my draft", "Dad shouts"}
    assert (await client.get("/api/family/plan")).json()["items"][0]["text"] == (
        "Priya visits every week"
    )
    assert (await client.get("/api/family/you-said")).status_code == 200
    assert "Dad shouts" in (await client.get("/api/family/my-data")).text
    wider = await client.put(
        f"/api/contributions/{shared}/audience", json={"audience": "my_meeting"}
    )
    assert wider.status_code == 200 and wider.json()["audience"] == "my_meeting"
    assert (await client.post(f"/api/contributions/{shared}/withdraw")).status_code == 200
    assert (await client.delete(f"/api/contributions/{draft}")).status_code == 204
    assert await Job.all().count() == 0


async def test_nobody_is_reminded_to_share_views_in_a_closed_circle(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    asked = await client.post(
        f"/api/meetings/{world.meeting.id}/view-requests",
        json={
            "member_ids": [str(world.young_person.id)],
            "due_on": (date.today() + timedelta(days=3)).isoformat(),
        },
    )
    assert asked.status_code == 200, asked.text
    await client.post(f"/api/circles/{world.circle.id}/close")
    await Job.filter(kind="notify").delete()
    reminders = await Job.filter(kind="meeting_reminder")
    assert reminders
    for reminder in reminders:
        await run_meeting_reminder(reminder)
    assert not await Job.filter(kind="notify").exists()


async def _joined_on_a_phone_then_closed(client):
    """Sam joined on this phone (signed out now); then the lead closed the circle."""
    world = await factories.world()
    await joined_on_a_phone(client, world.young_person)
    device = client.cookies.get("alongside-device")
    await factories.act_as(client, world.lead)
    await client.post(f"/api/circles/{world.circle.id}/close")
    client.cookies.clear()
    client.cookies.set("alongside-device", device)
    return world


async def test_a_closed_circles_family_can_still_sign_in(client):
    await _joined_on_a_phone_then_closed(client)
    signed_in = await client.post("/api/sessions/family", json={"pin": "2468"})
    assert signed_in.status_code == 200 and signed_in.json()["name"] == "Sam"


async def test_a_closed_circles_team_is_never_told_of_sign_in_trouble(client):
    await _joined_on_a_phone_then_closed(client)
    await pauses_in_a_row(client, (10, 30, 60))
    assert await Job.all().count() == 0
    assert await AuditEvent.filter(action="pin_paused").count() == 3
