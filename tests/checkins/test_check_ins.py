"""After a meeting: "How was it for you?" on each family member's home, answered
with faces by question key, private unless they share it, read by exactly the
audience they chose; practitioners who attended reflect on the same questions."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from server.audit.models import AuditEvent
from server.checkins.models import CheckIn, Reflection
from server.checkins.questions import Question, Window, window
from server.meetings.models import Meeting, MeetingKind
from tests import factories

HAPPY = {"listened": 3, "helped_decide": 3, "told_honestly": 3, "got_help": 3}


@pytest.fixture
async def world():
    world = await factories.world()
    world.past = await Meeting.create(
        circle=world.circle,
        kind=MeetingKind.TEAM_AROUND_THE_FAMILY,
        starts_at=datetime.now(UTC) - timedelta(hours=2),
    )
    # Members were added before the meeting.
    for person in (world.young_person, world.parent, world.child):
        person.created_at = datetime.now(UTC) - timedelta(days=60)
        await person.save(update_fields=["created_at"])
    return world


def _path(meeting):
    return f"/api/family/check-ins/{meeting.id}"


async def test_a_meeting_that_has_passed_asks_how_it_was(client, world):
    await factories.act_as(client, world.young_person)
    home = (await client.get("/api/family/home")).json()
    # The meeting still to come is not asked about.
    assert [c["meeting_id"] for c in home["check_ins"]] == [str(world.past.id)]
    assert home["check_ins"][0]["mine"] is None
    assert home["check_ins"][0]["kind_label"] == "Team around the family meeting"

    answer = {"listened": 3, "helped_decide": 1, "got_help": 2, "anything_else": "Too long"}
    saved = await client.put(_path(world.past), json=answer)
    assert saved.status_code == 200, saved.text
    assert saved.json()["audience_label"] == "Just me"

    stored = await CheckIn.get(member_id=world.young_person.id)
    assert (stored.listened, stored.helped_decide, stored.told_honestly, stored.got_help) == (
        3,
        1,
        None,
        2,
    )
    assert stored.audience == "just_me"
    home = (await client.get("/api/family/home")).json()
    assert home["check_ins"][0]["mine"]["anything_else"] == "Too long"


async def test_answering_again_replaces_the_answer(client, world):
    await factories.act_as(client, world.young_person)
    await client.put(_path(world.past), json={"listened": 1})
    again = await client.put(_path(world.past), json={"listened": 3, "audience": "my_worker"})
    assert again.status_code == 200
    assert await CheckIn.filter(member_id=world.young_person.id).count() == 1
    stored = await CheckIn.get(member_id=world.young_person.id)
    assert (stored.listened, stored.audience) == (3, "my_worker")


async def test_a_meeting_still_to_come_cannot_be_answered(client, world):
    await factories.act_as(client, world.young_person)
    refused = await client.put(_path(world.meeting), json=HAPPY)
    assert refused.status_code == 409
    assert refused.headers["content-type"] == "application/problem+json"
    assert "has not happened yet" in refused.json()["title"]
    assert await CheckIn.all().count() == 0


@pytest.mark.parametrize(
    "body",
    [{}, {"anything_else": "hi"}, {"listened": 4}, {"listened": 0}, {"listened": "3"}, {"x": 1}],
)
async def test_bad_answers_are_refused_and_change_nothing(client, world, body):
    await factories.act_as(client, world.young_person)
    refused = await client.put(_path(world.past), json=body)
    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    assert await CheckIn.all().count() == 0


async def test_another_familys_meeting_is_not_found(client, world):
    await factories.act_as(client, world.other_young_person)
    refused = await client.put(_path(world.past), json=HAPPY)
    assert refused.status_code == 404
    assert await CheckIn.all().count() == 0


async def _seen_by(client, person, meeting):
    await factories.act_as(client, person)
    shown = await client.get(f"/api/meetings/{meeting.id}/check-ins")
    assert shown.status_code == 200, shown.text
    return [(c["name"], c["anything_else"]) for c in shown.json()["shared_with_me"]]


async def test_answers_are_private_until_shared_with_the_worker(client, world):
    await factories.act_as(client, world.young_person)
    await client.put(_path(world.past), json={**HAPPY, "anything_else": "Sam's words"})
    assert await _seen_by(client, world.lead, world.past) == []
    assert await _seen_by(client, world.teammate, world.past) == []

    await factories.act_as(client, world.young_person)
    await client.put(
        _path(world.past), json={**HAPPY, "anything_else": "Sam's words", "audience": "my_worker"}
    )
    assert await _seen_by(client, world.lead, world.past) == [("Sam", "Sam's words")]
    # "My worker" is the lead only, as for any item.
    assert await _seen_by(client, world.teammate, world.past) == []
    read = await AuditEvent.get(action="check_ins_read", practitioner_id=world.lead.id)
    assert read.circle_id == world.circle.id and len(read.items) == 1

    await factories.act_as(client, world.young_person)
    await client.put(_path(world.past), json={**HAPPY, "audience": "my_meeting"})
    assert await _seen_by(client, world.teammate, world.past) == [("Sam", "")]


async def test_the_outbox_sends_a_check_in_in_a_batch_once(client, world):
    await factories.act_as(client, world.young_person)
    command = {
        "key": str(uuid.uuid4()),
        "method": "PUT",
        "path": _path(world.past),
        "body": {"listened": 2},
    }
    for _ in range(2):
        response = await client.post("/api/commands/batch", json={"commands": [command]})
        [answer] = response.json()["answers"]
        assert answer["status"] == 200, answer
    assert answer["replayed"] is True
    assert await CheckIn.all().count() == 1


async def test_practitioners_who_attended_reflect_on_the_same_questions(client, world):
    await factories.act_as(client, world.teammate)
    path = f"/api/meetings/{world.past.id}/reflection"
    saved = await client.put(
        path, json={"listened": 3, "helped_decide": 1, "told_honestly": 1, "got_help": 3}
    )
    assert saved.status_code == 200, saved.text
    assert saved.json()["window"] == "for"
    shown = (await client.get(f"/api/meetings/{world.past.id}/check-ins")).json()
    assert shown["my_reflection"]["helped_decide"] == 1
    assert await Reflection.filter(practitioner_id=world.teammate.id).count() == 1

    assert (
        await client.put(f"/api/meetings/{world.meeting.id}/reflection", json=HAPPY)
    ).status_code == 409
    await factories.act_as(client, world.outsider)
    assert (await client.put(path, json=HAPPY)).status_code == 404
    await factories.act_as(client, world.young_person)
    assert (await client.put(path, json=HAPPY)).status_code == 404
    assert await Reflection.all().count() == 1


@pytest.mark.parametrize(
    ("faces", "expected"),
    [
        ({"listened": 3, "got_help": 3, "told_honestly": 3, "helped_decide": 2}, Window.WITH),
        ({"listened": 3, "got_help": 2, "told_honestly": 3, "helped_decide": 3}, Window.WITH),
        ({"listened": 1, "got_help": 2, "told_honestly": 3, "helped_decide": 3}, Window.TO),
        ({"listened": 3, "got_help": 3, "told_honestly": 2, "helped_decide": 2}, Window.FOR),
        ({"listened": 2, "got_help": 2, "told_honestly": 2, "helped_decide": 2}, Window.NOT),
        ({"listened": 3, "got_help": 3, "told_honestly": 3}, None),
        ({}, None),
    ],
)
def test_where_a_check_in_sits_in_the_window(faces, expected):
    assert window({Question(key): value for key, value in faces.items()}) == expected


async def test_my_data_holds_my_check_ins(client, world):
    await factories.act_as(client, world.young_person)
    await client.put(
        _path(world.past), json={"listened": 3, "got_help": 1, "anything_else": "Too many people"}
    )
    text = (await client.get("/api/family/my-data")).text
    assert "My check-ins after meetings" in text
    assert "Did people listen to what you said? Yes" in text
    assert "Did you get the help you were promised? No" in text
    assert "Did you help decide" not in text  # not answered
    assert "Too many people" in text
    assert "Who can see it now: Just me" in text
