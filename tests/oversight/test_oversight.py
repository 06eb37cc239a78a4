"""A team manager's oversight: for the circles whose lead works in a team they
manage, the escalated disagreements waiting for their answer, calls for help
nobody acknowledged in time, and meetings where a family member was never asked."""

from datetime import UTC, datetime, timedelta

from server.circles.models import FamilyMember
from server.family.models import UrgentRequest
from server.meetings.models import Meeting, MeetingKind, ViewRequest
from tests import factories
from tests.plans.helpers import managed


async def _oversight(client, person, status=200):
    await factories.act_as(client, person)
    answer = await client.get("/api/oversight")
    assert answer.status_code == status, answer.text
    return answer.json()


async def test_a_manager_sees_overdue_calls_and_members_never_asked(client, settings):
    world = await factories.world()
    team, maya = await managed(world)
    _, wes = await managed(world, "Wes West", "wes@example.test", lead=False)
    late = datetime.now(UTC) - timedelta(minutes=settings.urgent_acknowledge_minutes + 5)
    old = await UrgentRequest.create(member=world.young_person, circle=world.circle)
    await UrgentRequest.filter(id=old.id).update(created_at=late)
    await UrgentRequest.create(member=world.child, circle=world.circle)  # not late yet
    held = await Meeting.create(
        circle=world.circle,
        kind=MeetingKind.CHILD_IN_NEED_REVIEW,
        starts_at=datetime.now(UTC) - timedelta(days=2),
    )
    joined = datetime.now(UTC) - timedelta(days=30)
    await FamilyMember.filter(circle=world.circle).update(created_at=joined)
    await ViewRequest.create(meeting=held, member=world.young_person, due_on=held.starts_at.date())

    seen = await _oversight(client, maya)
    assert [t["name"] for t in seen["teams"]] == [team.name]
    assert [(o["member_name"], o["circle_name"], o["lead_name"]) for o in seen["overdue"]] == [
        ("Sam", "Sam and Mia", "Priya Shah")
    ]
    assert [(n["meeting_id"], n["never_asked"]) for n in seen["never_asked"]] == [
        (str(held.id), ["Alex", "Mia"])
    ]
    # The meeting next week has not happened: nobody is "never asked" for it yet.
    assert seen["overdue_minutes"] == settings.urgent_acknowledge_minutes

    other = await _oversight(client, wes)
    assert (other["escalations"], other["overdue"], other["never_asked"]) == ([], [], [])
    await UrgentRequest.filter(id=old.id).update(acknowledged_at=datetime.now(UTC))
    assert (await _oversight(client, maya))["overdue"] == []


async def test_only_managers_have_oversight(client):
    world = await factories.world()
    await managed(world)
    for person in (world.lead, world.teammate):
        await _oversight(client, person, 403)
    await _oversight(client, world.young_person, 403)


async def test_the_manager_sees_who_may_be_the_duty_contact(client):
    world = await factories.world()
    team, maya = await managed(world)
    [shown] = (await _oversight(client, maya))["teams"]
    assert {p["name"] for p in shown["people"]} == {"Maya Khan", "Priya Shah"}
    assert shown["duty_contact_id"] is None
    await client.put(
        f"/api/teams/{team.id}/duty-contact", json={"practitioner_id": str(world.lead.id)}
    )
    [shown] = (await _oversight(client, maya))["teams"]
    assert shown["duty_contact_id"] == str(world.lead.id)
