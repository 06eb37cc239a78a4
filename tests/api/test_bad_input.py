"""Input the server cannot keep — null where words belong, numbers too big for
the database, hidden control characters — is a clear, translated 4xx problem
that changes nothing (on SQLite and PostgreSQL, which refuses NUL in text)."""

from __future__ import annotations

import uuid

from server.circles.models import Circle, FamilyMember
from server.contributions.models import Contribution
from server.meetings.models import Meeting
from server.plans.models import PlanItem
from tests import factories

PROBLEM = "application/problem+json"


def assert_refused(response, field: str, status: int = 422) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    assert [error["field"] for error in response.json()["errors"]] == [field]


async def _plan_item(client, world) -> dict:
    await factories.act_as(client, world.lead)
    response = await client.post(
        f"/api/circles/{world.circle.id}/plan/items",
        json={"section": "working_well", "text": "Weekly visits"},
    )
    assert response.status_code == 201
    return response.json()


async def _draft(client, world) -> dict:
    await factories.act_as(client, world.young_person)
    response = await client.post(
        "/api/contributions",
        json={"id": str(uuid.uuid4()), "kind": "going_well", "text": "School is better"},
    )
    assert response.status_code == 201
    return response.json()


async def test_null_text_is_a_clear_error(client):
    world = await factories.world()
    item = await _plan_item(client, world)
    for field in ("text", "section"):
        response = await client.patch(f"/api/plan-items/{item['id']}", json={field: None})
        assert_refused(response, field)
    kept = await PlanItem.get(id=item["id"])
    assert (kept.text, kept.section) == ("Weekly visits", "working_well")
    draft = await _draft(client, world)
    for field in ("text", "scale_question"):
        response = await client.patch(
            f"/api/contributions/{draft['id']}", json={"version": 1, field: None}
        )
        assert_refused(response, field)
    assert response.json()["errors"][0]["message"] == "Please type some words here."
    kept = await Contribution.get(id=draft["id"])
    assert (kept.text, kept.version) == ("School is better", 1)


async def test_null_errors_are_in_the_readers_language(client):
    """Once the session says who is asking, in the language they chose (Polish),
    whatever the browser asks for."""
    world = await factories.world()
    draft = await _draft(client, world)
    await FamilyMember.filter(id=world.young_person.id).update(locale="pl")
    response = await client.patch(
        f"/api/contributions/{draft['id']}",
        headers={"Accept-Language": "en"},
        json={"version": 1, "text": None},
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "Wpisz tu jakieś słowa."


async def test_a_version_number_too_big_for_the_database_is_simply_not_found(client):
    world = await factories.world()
    await _plan_item(client, world)
    assert (await client.post(f"/api/circles/{world.circle.id}/plan/publish")).status_code == 201
    export = f"/api/circles/{world.circle.id}/plan/versions/{{}}/export"
    assert (await client.get(export.format(1))).status_code == 200
    for number in ("99999999999999999999", "2147483648", "0"):
        response = await client.get(export.format(number))
        assert response.status_code == 404, number
        assert response.headers["content-type"] == PROBLEM


async def test_version_numbers_in_bodies_must_fit_the_database(client):
    world = await factories.world()
    draft = await _draft(client, world)
    response = await client.patch(
        f"/api/contributions/{draft['id']}",
        json={"version": 99999999999999999999, "text": "Changed"},
    )
    assert_refused(response, "version")
    seen = await client.post("/api/family/plan/seen", json={"version": 2**31})
    assert_refused(seen, "version")
    assert (await Contribution.get(id=draft["id"])).text == "School is better"


async def test_control_characters_are_refused_in_names_and_text(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    circle = f"/api/circles/{world.circle.id}"
    for hidden in ("\x00", "\x07", "\x1b[2J", "\x7f", "\u0085", "\t", "\n"):
        assert_refused(await client.post("/api/circles", json={"name": f"Sam{hidden}"}), "name")
        member = {"name": f"Kim{hidden}", "role": "child", "age_band": "8_11"}
        assert_refused(await client.post(f"{circle}/members", json=member), "name")
        meeting = {
            "kind": "child_in_need_review",
            "place": f"Hall{hidden}",
            "starts_at": world.meeting.starts_at.isoformat(),
        }
        assert_refused(await client.post(f"{circle}/meetings", json=meeting), "place")
    for hidden in ("\x00", "\x07", "\x0b", "\u0085"):
        item = {"section": "working_well", "text": f"Visits{hidden}"}
        assert_refused(await client.post(f"{circle}/plan/items", json=item), "text")
    await factories.act_as(client, world.young_person)
    words = {"id": str(uuid.uuid4()), "kind": "going_well", "text": "School\x00 is better"}
    message = (await client.post("/api/contributions", json=words)).json()["errors"][0]["message"]
    assert message == "This has hidden characters that cannot be saved. Please type it again."
    assert await Circle.all().count() == 2 and await FamilyMember.all().count() == 4
    assert await Meeting.all().count() == 1 and not await PlanItem.exists()
    assert not await Contribution.exists()


async def test_tabs_and_new_lines_are_kept_in_long_text(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    text = "School is better.\n\n\tMaths too.\r\nAnd art."
    response = await client.post(
        "/api/contributions", json={"id": str(uuid.uuid4()), "kind": "going_well", "text": text}
    )
    assert response.status_code == 201
    assert (await Contribution.get(id=response.json()["id"])).text == text


async def test_a_meeting_beyond_the_calendar_is_a_clear_error(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    response = await client.post(
        f"/api/circles/{world.circle.id}/meetings",
        json={"kind": "child_in_need_review", "starts_at": "9999-12-31T23:59:59-14:00"},
    )
    assert_refused(response, "starts_at")
    assert response.json()["errors"][0]["message"] == "Please choose a date nearer to today."
    assert await Meeting.all().count() == 1


async def test_too_short_speaks_of_one_character_not_1_characters(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    empty = await client.post("/api/circles", json={"name": ""})
    assert_refused(empty, "name")
    assert empty.json()["errors"][0]["message"] == "Please write at least 1 character."
    short = await client.post(f"/api/circles/{world.circle.id}/team", json={"email": "a@"})
    assert short.json()["errors"][0]["message"] == "Please write at least 3 characters."
    assert not await Circle.filter(name="").exists()
