"""A phone's backlog is kept with one commit (one flush to disk, however long the
backlog), and no answer ever says "kept" for words the database did not keep."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from pydantic import BaseModel
from starlette.requests import Request
from tortoise import connections
from tortoise.backends.base.client import TransactionContextPooled
from tortoise.backends.sqlite.client import SqliteTransactionContext

from server.api.endpoint import endpoint
from server.commands import routes as command_routes
from server.contributions.models import Contribution
from tests import factories
from tests.commands.test_batch import BATCH, _create

BACKLOG = 30


@pytest.fixture
def transactions_begun(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Each outermost transaction begun (a savepoint inside one is not counted):
    on PostgreSQL and SQLite alike, each costs a commit and a flush to disk."""
    begun: list[str] = []
    for context in (TransactionContextPooled, SqliteTransactionContext):
        original = context.__aenter__

        async def counted(self, _original=original):
            begun.append(type(self).__name__)
            return await _original(self)

        monkeypatch.setattr(context, "__aenter__", counted)
    yield begun


async def test_a_backlog_is_kept_with_one_commit(client, transactions_begun):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    backlog = [_create(f"words {n}") for n in range(BACKLOG)]
    transactions_begun.clear()
    answer = await client.post(BATCH, json={"commands": [command for _, command in backlog]})
    assert [a["status"] for a in answer.json()["answers"]] == [201] * BACKLOG
    assert len(transactions_begun) == 1
    assert await Contribution.filter(id__in=[item for item, _ in backlog]).count() == BACKLOG


class Done(BaseModel):
    id: str


async def _swallows_a_database_error(request: Request) -> Done:
    """A command with a bug: a statement fails, and it carries on as if it had not."""
    with contextlib.suppress(Exception):
        await connections.get("default").execute_query("SELECT * FROM no_such_table")
    return Done(id="done")


@pytest.fixture
def buggy_command(app, monkeypatch: pytest.MonkeyPatch) -> str:
    path = "/test/swallowing"
    route = endpoint(
        "POST",
        path,
        _swallows_a_database_error,
        response=Done,
        one_transaction=False,
        summary="test",
        tag="test",
    )
    app.router.routes.insert(0, route)
    monkeypatch.setattr(command_routes, "ALLOWED", [*command_routes.ALLOWED, route])
    return path


async def test_no_answer_says_kept_for_words_the_database_did_not_keep(client, buggy_command):
    """PostgreSQL turns the COMMIT of a transaction spoiled by an unseen error into a
    ROLLBACK without a word. Whatever the database, either the answers say what was
    kept, or the batch fails whole and keeps nothing (the phone keeps everything and
    sends it again): never a 201 for words that were rolled back."""
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    first, before = _create("before the bug")
    second, after = _create("after the bug")
    bug = {"key": "bug-1", "method": "POST", "path": buggy_command, "body": None}
    answer = await client.post(BATCH, json={"commands": [before, bug, after]})
    kept = await Contribution.filter(id__in=[first, second]).count()
    if answer.status_code == 200:
        assert [a["status"] for a in answer.json()["answers"]] == [201, 200, 201]
        assert kept == 2
    else:
        assert answer.status_code == 500
        assert answer.headers["content-type"] == "application/problem+json"
        assert kept == 0
