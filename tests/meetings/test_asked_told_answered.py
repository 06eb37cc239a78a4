"""A request for views reaches the person asked: on their home (who asked, for which
meeting, by when), seen when they open it, answered when they share for it; the
meeting page shows each person as asked, seen or shared."""

import uuid
from datetime import date, timedelta

from tests import factories


async def _ask(client, world, *members, days=3):
    await factories.act_as(client, world.lead)
    due = (date.today() + timedelta(days=days)).isoformat()
    answer = await client.post(
        f"/api/meetings/{world.meeting.id}/view-requests",
        json={"member_ids": [str(m.id) for m in members], "due_on": due},
    )
    assert answer.status_code == 200, answer.text
    return due


async def _states(client, world):
    await factories.act_as(client, world.lead)
    shown = (await client.get(f"/api/meetings/{world.meeting.id}")).json()
    return {m["name"]: m["views"] for m in shown["members"]}


async def _share(client, member, meeting_id, audience):
    await factories.act_as(client, member)
    sent = await client.post(
        "/api/contributions",
        json={
            "id": str(uuid.uuid4()),
            "kind": "want_to_happen",
            "text": "I want to stay at my school",
            "audience": audience,
            "meeting_id": str(meeting_id),
        },
    )
    assert sent.status_code == 201, sent.text


async def test_the_request_shows_on_their_home_with_who_asked_and_by_when(client):
    world = await factories.world()
    due = await _ask(client, world, world.young_person)
    await factories.act_as(client, world.young_person)
    home = (await client.get("/api/family/home")).json()
    [asked] = home["view_requests"]
    assert asked["asked_by"] == "Priya Shah"
    assert asked["meeting"]["id"] == str(world.meeting.id)
    assert asked["meeting"]["kind_label"] == "Child in need review"
    assert asked["due_on"] == due
    assert asked["answered"] is False
    await factories.act_as(client, world.parent)
    assert (await client.get("/api/family/home")).json()["view_requests"] == []


async def test_the_meeting_page_shows_asked_seen_shared_or_nothing_yet(client):
    world = await factories.world()
    await _ask(client, world, world.young_person, world.child)
    assert await _states(client, world) == {"Sam": "asked", "Mia": "asked", "Alex": "not_asked"}
    await factories.act_as(client, world.young_person)
    await client.get("/api/family/home")
    assert (await _states(client, world))["Sam"] == "seen"
    await _share(client, world.young_person, world.meeting.id, "my_worker")
    assert (await _states(client, world))["Sam"] == "shared"
    await factories.act_as(client, world.young_person)
    [asked] = (await client.get("/api/family/home")).json()["view_requests"]
    assert asked["answered"] is True


async def test_a_draft_does_not_answer_the_request(client):
    world = await factories.world()
    await _ask(client, world, world.young_person)
    await _share(client, world.young_person, world.meeting.id, "just_me")
    [asked] = (await client.get("/api/family/home")).json()["view_requests"]
    assert asked["answered"] is False
    assert (await _states(client, world))["Sam"] == "seen"


async def test_a_request_for_a_meeting_that_has_passed_leaves_the_home(client):
    world = await factories.world()
    await _ask(client, world, world.young_person)
    world.meeting.starts_at = world.meeting.starts_at - timedelta(days=30)
    await world.meeting.save()
    await factories.act_as(client, world.young_person)
    assert (await client.get("/api/family/home")).json()["view_requests"] == []
