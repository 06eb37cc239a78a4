"""What a phone is told about its Idempotency-Key: a key it may not use is
refused in plain words, and a replayed answer is the first answer exactly (its
status and its kind of content too), so the phone handles it the same way."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import httpx2 as httpx
import pytest
from starlette.requests import Request
from starlette.responses import Response

from server.api.endpoint import endpoint
from server.commands import idempotency
from server.commands.models import CommandAnswer
from tests import factories
from tests.conftest import ORIGIN

LONGEST_KEY = 100


def _new_item() -> dict:
    return {"id": str(uuid.uuid4()), "kind": "going_well", "text": "my words"}


async def test_a_key_too_long_is_refused_in_plain_words_and_nothing_is_stored(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    item = _new_item()
    refused = await client.post(
        "/api/contributions", json=item, headers={"Idempotency-Key": "k" * (LONGEST_KEY + 1)}
    )
    assert refused.status_code == 422
    assert refused.json()["errors"] == [
        {"field": "Idempotency-Key", "code": "invalid", "message": "This is not in the right form."}
    ]
    assert (await client.get(f"/api/contributions/{item['id']}")).status_code == 404


async def test_a_key_of_the_longest_allowed_length_works(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    sent = await client.post(
        "/api/contributions", json=_new_item(), headers={"Idempotency-Key": "k" * LONGEST_KEY}
    )
    assert sent.status_code == 201, sent.text


async def test_a_replayed_create_gets_the_same_status_and_content_type(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    item, headers = _new_item(), {"Idempotency-Key": "create-1"}
    first = await client.post("/api/contributions", json=item, headers=headers)
    again = await client.post("/api/contributions", json=item, headers=headers)
    assert again.headers["idempotent-replayed"] == "true"
    assert (again.status_code, again.headers["content-type"], again.json()) == (
        first.status_code,
        first.headers["content-type"],
        first.json(),
    )
    assert first.status_code == 201


async def test_a_replayed_withdrawal_says_its_words_are_forgotten_and_keeps_none(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    item = _new_item()
    await client.post("/api/contributions", json=item)
    await client.put(f"/api/contributions/{item['id']}/audience", json={"audience": "my_worker"})
    url, headers = f"/api/contributions/{item['id']}/withdraw", {"Idempotency-Key": "w-1"}
    first = await client.post(url, headers=headers)
    again = await client.post(url, headers=headers)
    assert first.status_code == again.status_code == 200
    assert again.json() == {"id": item["id"], "words_forgotten": True}
    assert (await CommandAnswer.get(key="w-1")).body == ""


async def test_editing_one_draft_forgets_the_words_of_that_draft_only(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    edited, other = _new_item(), _new_item()
    for key, item in (("create-edited", edited), ("create-other", other)):
        await client.post("/api/contributions", json=item, headers={"Idempotency-Key": key})
    await client.patch(f"/api/contributions/{edited['id']}", json={"version": 1, "text": "new"})
    kept = await CommandAnswer.get(key="create-edited")
    assert (kept.body, kept.words_forgotten) == ("", True)
    again = await client.post(
        "/api/contributions", json=other, headers={"Idempotency-Key": "create-other"}
    )
    assert (again.headers["idempotent-replayed"], again.json()["text"]) == ("true", "my words")


async def test_a_replayed_delete_still_has_no_content(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    item = _new_item()
    await client.post("/api/contributions", json=item)
    headers = {"Idempotency-Key": "del-1"}
    first = await client.delete(f"/api/contributions/{item['id']}", headers=headers)
    again = await client.delete(f"/api/contributions/{item['id']}", headers=headers)
    assert (first.status_code, again.status_code) == (204, 204)
    assert again.headers["idempotent-replayed"] == "true"
    assert (again.content, again.headers.get("content-type", "")) == (b"", "")


@pytest.fixture
async def asks_to_choose(app):
    """A command that answers 300 Multiple Choices: not a success, so not kept."""
    runs = []

    async def choose(request: Request) -> Response:
        runs.append(request)
        return Response(status_code=300)

    app.router.routes.insert(
        0, endpoint("POST", "/test/choose", choose, summary="test", tag="test")
    )
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url=ORIGIN, headers={"Origin": ORIGIN}
    ) as http:
        yield http, runs


async def test_only_a_successful_answer_is_kept_for_a_replay(asks_to_choose):
    http, runs = asks_to_choose
    world = await factories.world()
    await factories.act_as(http, world.young_person)
    for _ in range(2):
        answer = await http.post("/test/choose", headers={"Idempotency-Key": "choose-1"})
        assert answer.status_code == 300 and "idempotent-replayed" not in answer.headers
    assert len(runs) == 2
    assert not await CommandAnswer.filter(key="choose-1").exists()


async def test_kept_answers_last_a_day_whatever_the_servers_own_clock_says(
    client, server_time_zone
):
    server_time_zone("Pacific/Kiritimati")  # UTC+14
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    await client.post("/api/contributions", json=_new_item(), headers={"Idempotency-Key": "k-1"})
    almost_a_day = datetime.now(UTC) - timedelta(hours=23)
    await CommandAnswer.all().update(created_at=almost_a_day)
    assert await idempotency.forget_old() == 0
    await CommandAnswer.all().update(created_at=almost_a_day - timedelta(hours=2))
    assert await idempotency.forget_old() == 1
