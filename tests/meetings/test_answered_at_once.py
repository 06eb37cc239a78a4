"""Whether each request for views is answered is worked out for all of a person's
requests at once: their home asks the database as many questions for three
meetings as for one, and says the same as asking one meeting at a time would."""

import uuid
from datetime import UTC, date, datetime, timedelta

from server.contributions.models import Contribution
from server.meetings.models import Meeting, MeetingKind, ViewRequest
from tests import factories
from tests.queries import counted_get


async def _asked(world, days: int) -> Meeting:
    meeting = await Meeting.create(
        circle=world.circle,
        kind=MeetingKind.CHILD_IN_NEED_REVIEW,
        starts_at=datetime.now(UTC) + timedelta(days=days),
    )
    await ViewRequest.create(
        meeting=meeting, member=world.young_person, due_on=date.today() + timedelta(days=1)
    )
    return meeting


async def _share(client, meeting_id=None, audience="my_worker") -> str:
    item = str(uuid.uuid4())
    body = {"id": item, "kind": "worried_about", "text": "words", "audience": audience}
    if meeting_id is not None:
        body["meeting_id"] = str(meeting_id)
    sent = await client.post("/api/contributions", json=body)
    assert sent.status_code == 201, sent.text
    return item


async def _answered(client) -> dict[str, bool]:
    home = (await client.get("/api/family/home")).json()
    return {asked["meeting"]["id"]: asked["answered"] for asked in home["view_requests"]}


async def _queries_for_home(client, caplog) -> int:
    home, queries = await counted_get(client, caplog, "/api/family/home")
    assert home.status_code == 200
    return queries


async def test_the_home_asks_as_many_questions_for_three_meetings_as_for_one(client, caplog):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    await _asked(world, 3)
    await _queries_for_home(client, caplog)  # marks the request seen
    one = await _queries_for_home(client, caplog)
    await _asked(world, 4)
    await _asked(world, 5)
    await _queries_for_home(client, caplog)
    assert await _queries_for_home(client, caplog) == one


async def test_each_request_is_answered_by_its_own_meetings_words_or_words_for_no_meeting(
    client,
):
    """Words for no meeting in particular answer the requests made before they were
    shared, not those made after."""
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    now = datetime.now(UTC)
    early = await _share(client)  # for no meeting, before anyone asked
    await Contribution.filter(id=early).update(created_at=now - timedelta(days=3))
    first, second, third = [str((await _asked(world, days)).id) for days in (3, 4, 5)]
    await ViewRequest.filter(meeting_id=first).update(created_at=now - timedelta(days=2))
    assert await _answered(client) == {first: False, second: False, third: False}
    await _share(client, first, audience="just_me")  # a draft answers nothing
    await _share(client, second)
    assert await _answered(client) == {first: False, second: True, third: False}
    await Contribution.filter(id=early).update(created_at=now - timedelta(days=1))
    assert await _answered(client) == {first: True, second: True, third: False}
    await Contribution.filter(id=early).update(created_at=datetime.now(UTC))
    assert await _answered(client) == {first: True, second: True, third: True}
    await Contribution.filter(id=early).update(withdrawn_at=datetime.now(UTC))
    assert await _answered(client) == {first: False, second: True, third: False}
