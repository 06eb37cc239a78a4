import uuid
from datetime import UTC, date, datetime, timedelta

from server.meetings.models import Meeting, ViewRequest
from tests import factories


def soon(days=10):
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


async def test_schedule_a_meeting_and_ask_for_views(client):
    world = await factories.world()
    await factories.act_as(client, world.teammate)
    made = await client.post(
        f"/api/circles/{world.circle.id}/meetings",
        json={"kind": "team_around_the_family", "starts_at": soon(), "place": "School"},
    )
    assert made.status_code == 201, made.text
    meeting = made.json()
    assert meeting["kind_label"] == "Team around the family meeting"
    assert meeting["not_asked"] == ["Sam", "Mia", "Alex"]
    due = (date.today() + timedelta(days=5)).isoformat()
    asked = await client.post(
        f"/api/meetings/{meeting['id']}/view-requests",
        json={"member_ids": [str(world.young_person.id), str(world.parent.id)], "due_on": due},
    )
    assert asked.status_code == 200
    assert asked.json()["not_asked"] == ["Mia"]
    by_name = {m["name"]: m for m in asked.json()["members"]}
    assert by_name["Sam"]["asked"] and by_name["Sam"]["due_on"] == due
    assert await ViewRequest.all().count() == 2


async def test_shared_views_are_counted_but_drafts_stay_invisible(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    due = (date.today() + timedelta(days=2)).isoformat()
    await client.post(
        f"/api/meetings/{world.meeting.id}/view-requests",
        json={"member_ids": [str(world.young_person.id)], "due_on": due},
    )
    await factories.act_as(client, world.young_person)
    for audience in ("just_me", "my_meeting", "my_worker"):
        await client.post(
            "/api/contributions",
            json={
                "id": str(uuid.uuid4()),
                "kind": "message",
                "text": audience,
                "audience": audience,
                "meeting_id": str(world.meeting.id),
            },
        )
    await factories.act_as(client, world.lead)
    lead_view = (await client.get(f"/api/meetings/{world.meeting.id}")).json()
    await factories.act_as(client, world.teammate)
    team_view = (await client.get(f"/api/meetings/{world.meeting.id}")).json()
    assert {m["name"]: m["shared_count"] for m in lead_view["members"]}["Sam"] == 2
    assert {m["name"]: m["shared_count"] for m in team_view["members"]}["Sam"] == 1


async def test_bad_meeting_input_is_refused_and_changes_nothing(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    past = await client.post(
        f"/api/circles/{world.circle.id}/meetings",
        json={"kind": "child_in_need_review", "starts_at": soon(-1)},
    )
    assert past.status_code == 422 and past.json()["errors"][0]["field"] == "starts_at"
    naive = await client.post(
        f"/api/circles/{world.circle.id}/meetings",
        json={"kind": "child_in_need_review", "starts_at": "2030-01-01T10:00:00"},
    )
    assert naive.status_code == 422
    url = f"/api/meetings/{world.meeting.id}/view-requests"
    cases = [
        ({"member_ids": [str(world.young_person.id)], "due_on": "2020-01-01"}, "due_on"),
        (
            {
                "member_ids": [str(world.young_person.id)],
                "due_on": (date.today() + timedelta(days=30)).isoformat(),
            },
            "due_on",
        ),
        (
            {"member_ids": [str(world.other_young_person.id)], "due_on": date.today().isoformat()},
            "member_ids",
        ),
    ]
    for body, field in cases:
        response = await client.post(url, json=body)
        assert response.status_code == 422 and response.json()["errors"][0]["field"] == field
    assert await ViewRequest.all().count() == 0
    assert await Meeting.all().count() == 1


async def test_another_circles_meeting_is_not_found(client):
    world = await factories.world()
    await factories.act_as(client, world.outsider)
    assert (await client.get(f"/api/meetings/{world.meeting.id}")).status_code == 404
    await factories.act_as(client, world.parent)
    assert (await client.get(f"/api/meetings/{world.meeting.id}")).status_code == 404
