"""'I need to talk to someone now' cannot be missed: it waits for the lead on every
screen until they acknowledge it, the young person then sees who has seen it, and
the whole team is told too when the young person chose "my meeting"."""

from datetime import UTC, datetime, timedelta

from server.family.models import UrgentRequest
from server.family.urgent import overdue
from server.jobs.models import Job
from server.settings import Settings
from tests import factories


async def _waiting(client, practitioner):
    await factories.act_as(client, practitioner)
    answer = await client.get("/api/urgent")
    assert answer.status_code == 200, answer.text
    return answer.json()["waiting"]


async def test_the_lead_sees_it_until_they_acknowledge_and_the_young_person_sees_who(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    assert (await client.post("/api/family/urgent")).status_code == 201
    home = (await client.get("/api/family/home")).json()
    assert home["urgent"]["acknowledged_by"] is None
    [waiting] = await _waiting(client, world.lead)
    assert waiting["name"] == "Sam" and waiting["circle_name"] == "Sam and Mia"
    assert waiting["role_label"] == "Young person, 12 to 15"
    assert await _waiting(client, world.teammate) == []
    await factories.act_as(client, world.lead)
    seen = await client.post(f"/api/urgent/{waiting['id']}/acknowledgement")
    assert seen.status_code == 200, seen.text
    assert await _waiting(client, world.lead) == []
    await factories.act_as(client, world.young_person)
    told = (await client.get("/api/family/home")).json()["urgent"]
    assert told["acknowledged_by"] == "Priya Shah" and told["acknowledged_at"]
    told = [job.payload for job in await Job.filter(kind="notify")]
    assert {"person": "member", "id": str(world.young_person.id), "reason": "urgent_seen"} in told


async def test_the_team_sees_it_too_when_they_chose_my_meeting(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    await client.post("/api/family/urgent")
    assert (await client.post("/api/family/urgent/my-meeting")).status_code == 201
    assert await UrgentRequest.all().count() == 1  # the same call for help, told wider
    [waiting] = await _waiting(client, world.teammate)
    await factories.act_as(client, world.teammate)
    assert (await client.post(f"/api/urgent/{waiting['id']}/acknowledgement")).status_code == 200
    assert await _waiting(client, world.lead) == []
    await factories.act_as(client, world.young_person)
    assert (await client.get("/api/family/home")).json()["urgent"]["acknowledged_by"] == "Tom Evans"


async def test_others_cannot_acknowledge_and_it_stays_waiting(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    await client.post("/api/family/urgent")
    [waiting] = await _waiting(client, world.lead)
    for someone in (world.teammate, world.outsider):
        await factories.act_as(client, someone)
        refused = await client.post(f"/api/urgent/{waiting['id']}/acknowledgement")
        assert refused.status_code == 404
    assert len(await _waiting(client, world.lead)) == 1


async def test_one_left_unacknowledged_past_the_setting_is_overdue_for_the_lead(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    await client.post("/api/family/urgent")
    settings = Settings(urgent_acknowledge_minutes=120)
    now = datetime.now(UTC)
    assert await overdue(settings, now) == []
    [(request, told)] = await overdue(settings, now + timedelta(minutes=121))
    assert request.member_id == world.young_person.id
    assert [p.name for p in told] == ["Priya Shah"]
