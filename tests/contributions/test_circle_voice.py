"""What the team sees of a family's words: only what was shared with them, each
read audited and shown to the author, withdrawn words replaced by a marker."""

import uuid

from server.audit.models import AuditEvent
from tests import factories
from tests.reads import reads


async def _write(client, person, text, audience):
    await factories.act_as(client, person)
    body = {"id": str(uuid.uuid4()), "kind": "worried_about", "text": text, "audience": audience}
    response = await client.post("/api/contributions", json=body)
    assert response.status_code == 201
    return body["id"]


async def _voice(client, practitioner, circle):
    await factories.act_as(client, practitioner)
    response = await client.get(f"/api/circles/{circle.id}/voice")
    assert response.status_code == 200, response.text
    return response.json()


async def test_the_lead_sees_my_worker_items_and_the_team_sees_my_meeting_items(client):
    world = await factories.world()
    await _write(client, world.young_person, "private", "just_me")
    await _write(client, world.young_person, "for my worker", "my_worker")
    await _write(client, world.young_person, "for the meeting", "my_meeting")
    await _write(client, world.parent, "for the family", "my_family_too")
    lead = await _voice(client, world.lead, world.circle)
    team = await _voice(client, world.teammate, world.circle)
    assert {i["text"] for i in lead["items"]} == {
        "for my worker",
        "for the meeting",
        "for the family",
    }
    assert {i["text"] for i in team["items"]} == {"for the meeting", "for the family"}
    item = next(i for i in lead["items"] if i["text"] == "for my worker")
    assert (item["author_name"], item["author_role_label"]) == ("Sam", "Young person, 12 to 15")


async def test_reads_are_audited_and_the_author_sees_who_read_and_when(client):
    world = await factories.world()
    shared = await _write(client, world.young_person, "for my worker", "my_worker")
    await _write(client, world.young_person, "private", "just_me")
    await _voice(client, world.lead, world.circle)
    assert await reads("read_contribution") == [(world.lead.id, shared, world.circle.id)]
    await factories.act_as(client, world.young_person)
    mine = {i["text"]: i for i in (await client.get("/api/contributions")).json()["items"]}
    assert [(r["name"], r["label"]) for r in mine["for my worker"]["read_by"]] == [
        ("Priya Shah", "your worker")
    ]
    assert mine["private"]["read_by"] == []


async def test_withdrawn_words_leave_only_a_dated_marker(client):
    world = await factories.world()
    item = await _write(client, world.young_person, "the words", "my_meeting")
    await client.post(f"/api/contributions/{item}/withdraw")
    voice = await _voice(client, world.teammate, world.circle)
    [marker] = voice["items"]
    assert marker["text"] is None and marker["withdrawn_at"] is not None
    assert "the words" not in str(voice)
    assert not await AuditEvent.filter(action="read_contribution").exists()


async def test_narrowing_takes_effect_at_once(client):
    world = await factories.world()
    item = await _write(client, world.young_person, "the words", "my_meeting")
    assert (await _voice(client, world.teammate, world.circle))["items"]
    await factories.act_as(client, world.young_person)
    await client.put(f"/api/contributions/{item}/audience", json={"audience": "my_worker"})
    assert (await _voice(client, world.teammate, world.circle))["items"] == []
    assert len((await _voice(client, world.lead, world.circle))["items"]) == 1


async def test_another_circles_team_gets_not_found(client):
    world = await factories.world()
    await _write(client, world.young_person, "the words", "my_meeting")
    await factories.act_as(client, world.outsider)
    response = await client.get(f"/api/circles/{world.circle.id}/voice")
    assert response.status_code == 404
    assert not await AuditEvent.filter(action="read_contribution").exists()


async def test_an_urgent_request_reaches_the_lead_only(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    first = await client.post("/api/family/urgent")
    again = await client.post("/api/family/urgent")  # a second tap is the same call
    assert first.status_code == 201 and again.json() == first.json()
    lead = await _voice(client, world.lead, world.circle)
    assert [u["name"] for u in lead["urgent"]] == ["Sam"]
    assert (await _voice(client, world.teammate, world.circle))["urgent"] == []


async def test_a_withdrawal_marker_shows_only_to_those_who_could_read_the_words(client):
    """Kills mutant P15: `withdrawn_markers` giving every practitioner on the team
    a marker, even for words that were only ever shared with the lead."""
    world = await factories.world()
    for_worker = await _write(client, world.young_person, "for my worker", "my_worker")
    for_meeting = await _write(client, world.young_person, "for the meeting", "my_meeting")
    for item in (for_worker, for_meeting):
        assert (await client.post(f"/api/contributions/{item}/withdraw")).status_code == 200
    markers = {}
    for practitioner in (world.lead, world.teammate):
        items = (await _voice(client, practitioner, world.circle))["items"]
        assert all(i["text"] is None and i["withdrawn_at"] for i in items)
        markers[practitioner.name] = {i["id"] for i in items}
    assert markers == {"Priya Shah": {for_worker, for_meeting}, "Tom Evans": {for_meeting}}
