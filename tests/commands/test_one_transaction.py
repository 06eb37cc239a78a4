"""One transaction per state-changing request: a crash leaves all or nothing, so a
phone's retry after a server failure runs at once; and family words do not outlive
their item in the store of kept answers."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx2 as httpx
import pytest
from pydantic import BaseModel
from starlette.requests import Request

from server.api.endpoint import endpoint
from server.auth.sessions import current_actor
from server.commands.models import CommandAnswer
from server.contributions.models import Contribution
from server.jobs.tidy import tidy
from tests import factories
from tests.conftest import ORIGIN


class Note(BaseModel):
    id: uuid.UUID
    text: str


def crash_once():
    """A command that writes, then fails the first time (a bug, a lost database)."""
    failures = [RuntimeError("the server fell over half way")]

    async def write_then_crash(request: Request, body: Note) -> Note:
        actor = await current_actor(request)
        assert actor.member is not None
        await Contribution.create(
            id=body.id,
            circle_id=actor.member.circle_id,
            author_id=actor.member.id,
            kind="going_well",
            text=body.text,
        )
        if failures:
            raise failures.pop()
        return body

    return write_then_crash


@pytest.fixture
async def crashing(app) -> AsyncIterator[httpx.AsyncClient]:
    app.router.routes.insert(
        0,
        endpoint(
            "POST",
            "/test/crash",
            crash_once(),
            body=Note,
            response=Note,
            status=201,
            summary="test",
            tag="test",
        ),
    )
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(
        transport=transport, base_url=ORIGIN, headers={"Origin": ORIGIN}
    ) as http:
        yield http


async def test_a_crash_half_way_leaves_nothing_and_the_retry_runs_at_once(crashing):
    world = await factories.world()
    await factories.act_as(crashing, world.young_person)
    note = {"id": str(uuid.uuid4()), "text": "half-written words"}
    headers = {"Idempotency-Key": "crash-1"}
    failed = await crashing.post("/test/crash", json=note, headers=headers)
    assert failed.status_code == 500
    assert await Contribution.filter(id=note["id"]).count() == 0
    assert await CommandAnswer.filter(key="crash-1").count() == 0
    retried = await crashing.post("/test/crash", json=note, headers=headers)
    assert retried.status_code == 201
    assert await Contribution.filter(id=note["id"]).count() == 1


async def _send(client, method, url, key, body=None):
    answer = await client.request(method, url, json=body, headers={"Idempotency-Key": key})
    assert answer.status_code < 300, answer.text
    return answer


async def test_a_withdrawn_items_words_are_not_kept_with_its_answers(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    item = str(uuid.uuid4())
    url = f"/api/contributions/{item}"
    created = await _send(
        client,
        "POST",
        "/api/contributions",
        "c-1",
        {"id": item, "kind": "worried_about", "text": "canary-withdrawn"},
    )
    await _send(client, "PUT", url + "/audience", "c-2", {"audience": "my_worker"})
    await _send(client, "POST", url + "/withdraw", "c-3")
    kept = " ".join(a.body for a in await CommandAnswer.all())
    assert "canary-withdrawn" not in kept
    replay = await client.post(
        "/api/contributions",
        headers={"Idempotency-Key": "c-1"},
        json={"id": item, "kind": "worried_about", "text": "canary-withdrawn"},
    )
    assert replay.status_code == created.status_code
    assert replay.json() == {"id": item, "words_forgotten": True}
    assert replay.headers["idempotent-replayed"] == "true"
    # The author still has their own words.
    assert (await client.get(url)).json()["text"] == "canary-withdrawn"


async def test_a_deleted_drafts_words_leave_no_trace_in_kept_answers(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    item = str(uuid.uuid4())
    await _send(
        client,
        "POST",
        "/api/contributions",
        "d-1",
        {"id": item, "kind": "going_well", "text": "canary-first-draft"},
    )
    await _send(
        client,
        "PATCH",
        f"/api/contributions/{item}",
        "d-2",
        {"version": 1, "text": "canary-second-draft"},
    )
    assert "canary-first-draft" not in " ".join(a.body for a in await CommandAnswer.all())
    await _send(client, "DELETE", f"/api/contributions/{item}", "d-3")
    assert "canary" not in " ".join(a.body for a in await CommandAnswer.all())


async def test_kept_answers_are_deleted_after_a_day(client, settings):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    await _send(
        client,
        "POST",
        "/api/contributions",
        "t-1",
        {"id": str(uuid.uuid4()), "kind": "going_well", "text": "words"},
    )
    assert (await tidy(settings, datetime.now(UTC)))["command_answers"] == 0
    later = datetime.now(UTC) + timedelta(hours=25)
    assert (await tidy(settings, later))["command_answers"] == 1
    assert await CommandAnswer.all().count() == 0


async def test_the_same_item_sent_twice_at_once_is_stored_once_without_a_server_error(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    for _ in range(5):
        body = {"id": str(uuid.uuid4()), "kind": "going_well", "text": "at once"}
        answers = await asyncio.gather(
            *[client.post("/api/contributions", json=body) for _ in range(2)]
        )
        assert sorted(a.status_code for a in answers) in ([200, 201], [201, 409]), [
            a.text for a in answers
        ]
        assert await Contribution.filter(id=body["id"]).count() == 1
