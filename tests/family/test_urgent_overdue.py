"""A call for help nobody acknowledged in time goes to the lead's manager and to
the duty contact named for the lead's team, by push and email, once; they then
see it and may acknowledge it."""

from datetime import UTC, datetime, timedelta

from server.family.models import UrgentRequest
from server.family.urgent import tell_overdue
from server.jobs.models import Job
from tests import factories
from tests.plans.helpers import managed


async def _told(kind):
    jobs = await Job.filter(kind=kind)
    if kind == "email":
        return sorted((j.payload["to"], j.payload["template"]) for j in jobs)
    return sorted((j.payload["id"], j.payload["reason"]) for j in jobs)


async def _duty_contact(client, world, team, manager):
    dee = await factories.practitioner(
        await world.lead.organisation, "dee@example.test", "Dee Duty", team=team
    )
    await factories.act_as(client, manager)
    named = await client.put(
        f"/api/teams/{team.id}/duty-contact", json={"practitioner_id": str(dee.id)}
    )
    assert named.status_code == 200, named.text
    assert named.json()["duty_contact_name"] == "Dee Duty"
    return dee


async def test_an_overdue_call_for_help_reaches_the_manager_and_duty_contact_once(client, settings):
    world = await factories.world()
    team, maya = await managed(world)
    dee = await _duty_contact(client, world, team, maya)
    await factories.act_as(client, world.young_person)
    assert (await client.post("/api/family/urgent")).status_code == 201
    await Job.all().delete()

    now = datetime.now(UTC)
    assert await tell_overdue(settings, now) == 0  # not late yet
    later = now + timedelta(minutes=settings.urgent_acknowledge_minutes + 1)
    assert await tell_overdue(settings, later) == 1
    assert await _told("notify") == sorted(
        [(str(maya.id), "urgent_overdue"), (str(dee.id), "urgent_overdue")]
    )
    assert await _told("email") == [
        ("dee@example.test", "urgent_overdue"),
        ("maya@example.test", "urgent_overdue"),
    ]
    for job in await Job.filter(kind="email"):
        assert "Sam" not in repr(job.payload)
    assert await tell_overdue(settings, later + timedelta(minutes=5)) == 0
    assert await Job.all().count() == 4  # no repeats on the next tick

    # They now see it waiting, and either may acknowledge it.
    await factories.act_as(client, dee)
    [waiting] = (await client.get("/api/urgent")).json()["waiting"]
    await factories.act_as(client, maya)
    assert (await client.get("/api/urgent")).json()["waiting"] == [waiting]
    seen = await client.post(f"/api/urgent/{waiting['id']}/acknowledgement")
    assert seen.status_code == 200, seen.text
    await factories.act_as(client, world.young_person)
    told = (await client.get("/api/family/home")).json()["urgent"]
    assert told["acknowledged_by"] == "Maya Khan"


async def test_an_acknowledged_call_is_not_overdue_and_others_are_not_told(client, settings):
    world = await factories.world()
    await managed(world)
    _, wes = await managed(world, "Wes West", "wes@example.test", lead=False)
    await factories.act_as(client, world.young_person)
    await client.post("/api/family/urgent")
    later = datetime.now(UTC) + timedelta(minutes=settings.urgent_acknowledge_minutes + 1)
    await tell_overdue(settings, later)
    await factories.act_as(client, wes)
    assert (await client.get("/api/urgent")).json()["waiting"] == []
    await UrgentRequest.all().update(overdue_told_at=None, acknowledged_at=datetime.now(UTC))
    await Job.all().delete()
    assert await tell_overdue(settings, later) == 0
    assert await Job.all().count() == 0


async def test_with_nobody_named_the_lead_is_told_again(client, settings):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    await client.post("/api/family/urgent")
    await Job.all().delete()
    later = datetime.now(UTC) + timedelta(minutes=settings.urgent_acknowledge_minutes + 1)
    assert await tell_overdue(settings, later) == 1
    assert await _told("notify") == [(str(world.lead.id), "urgent_overdue")]


async def test_only_a_member_of_the_team_can_be_its_duty_contact(client):
    world = await factories.world()
    team, maya = await managed(world)
    await factories.act_as(client, maya)
    path = f"/api/teams/{team.id}/duty-contact"
    refused = await client.put(path, json={"practitioner_id": str(world.teammate.id)})
    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    await factories.act_as(client, world.lead)  # in the team, not its manager
    mine = await client.put(path, json={"practitioner_id": str(world.lead.id)})
    assert mine.status_code == 403
