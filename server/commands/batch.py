"""Running a batch of outbox commands inside one HTTP request.

Each command goes through the very endpoint code that would answer it on its own
(validation, rules, its Idempotency-Key, its own transaction), so it gets the
answer it would have got alone: stored, replayed, conflict or refused. One
refusal does not stop the others, except those that name it in `after`.

The batch is kept with one commit: each command's own transaction is a savepoint
inside the batch's, so a refused or failed command still undoes only its own
changes, but a backlog of 100 costs one flush to disk, not 100 (on a busy disk,
each flush can take long enough to hold a phone's backlog for seconds). A crash
part way keeps none of it; the phone, with no answer, sends it all again."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from starlette.routing import BaseRoute, Match
from starlette.types import Message, Scope
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from server.auth.sessions import current_actor
from server.commands.schemas import (
    MAX_BYTES,
    MAX_COMMANDS,
    Batch,
    BatchAnswers,
    BatchCommand,
    CommandAnswer,
)
from server.errors import AppError, Forbidden, Invalid, ServerFault, TooLarge, problem
from server.i18n import N_

log = logging.getLogger("alongside.commands")
#: Headers of the batch that are not passed on to its commands.
_OWN_HEADERS = {b"content-length", b"content-type", b"idempotency-key"}


class WaitsForEarlier(AppError):
    status = 424
    code = "waits-for-earlier"
    title = N_("This waits until what was sent before it is saved.")


async def run_batch(request: Request, batch: Batch, allowed: Sequence[BaseRoute]) -> BatchAnswers:
    actor = await current_actor(request)  # checks the session and its CSRF token once
    if actor.member is None:
        raise Forbidden()
    if len(batch.commands) > MAX_COMMANDS or len(await request.body()) > MAX_BYTES:
        raise TooLarge(max_commands=MAX_COMMANDS, max_bytes=MAX_BYTES)
    routes = [_route_for(request, allowed, index, one) for index, one in enumerate(batch.commands)]
    not_done: set[str] = set()
    answers = []
    async with in_transaction() as transaction:
        for one, route in zip(batch.commands, routes, strict=True):
            if one.after is not None and one.after in not_done:
                answer = _refused(request, one.key, WaitsForEarlier())
            else:
                answer = await _run_one(request, route, one)
            if not 200 <= answer.status < 300:
                not_done.add(one.key)
            answers.append(answer)
        await _still_whole(transaction)
    return BatchAnswers(answers=answers)


async def _still_whole(transaction: BaseDBAsyncClient) -> None:
    """PostgreSQL turns the COMMIT of a transaction spoiled by an error nobody saw
    into a ROLLBACK without a word, which would answer "kept" for words that were
    not. A statement in a spoiled transaction fails instead: the whole batch then
    fails, and the phone keeps every command and sends it again."""
    await transaction.execute_query("SELECT 1")


def _scope_for(request: Request, one: BatchCommand, raw: bytes) -> Scope:
    headers = [(k, v) for k, v in request.scope["headers"] if k not in _OWN_HEADERS]
    headers.append((b"idempotency-key", one.key.encode()))
    if one.body is not None:
        headers += [(b"content-type", b"application/json")]
    headers.append((b"content-length", str(len(raw)).encode()))
    path = one.path.split("?")[0]
    # The state is shared: the batch's actor is looked up once, not per command.
    return {
        **request.scope,
        "method": one.method,
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": headers,
    }


def _route_for(
    request: Request, allowed: Sequence[BaseRoute], index: int, one: BatchCommand
) -> BaseRoute:
    """Only the commands the phone's outbox sends; anything else refuses the whole
    batch before any of it runs."""
    scope = _scope_for(request, one, b"")
    for route in allowed:
        match, _ = route.matches(scope)
        if match == Match.FULL:
            return route
    raise Invalid.on(f"commands.{index}.path", N_("This cannot be sent in a batch."))


async def _run_one(request: Request, route: BaseRoute, one: BatchCommand) -> CommandAnswer:
    raw = b"" if one.body is None else _as_sent_alone(one.body)
    scope = _scope_for(request, one, raw)
    _, child = route.matches(scope)
    scope.update(child)
    sent: dict[str, Any] = {"status": 500, "headers": [], "body": b""}

    async def receive() -> Message:
        return {"type": "http.request", "body": raw, "more_body": False}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            sent["status"], sent["headers"] = message["status"], message.get("headers", [])
        elif message["type"] == "http.response.body":
            sent["body"] += message.get("body", b"")

    try:
        await route.handle(scope, receive, send)
    except Exception:
        log.exception("unexpected error in a batch: %s %s", one.method, scope["path"])
        return _refused(request, one.key, ServerFault())
    return _answer(one.key, sent)


def _as_sent_alone(body: Any) -> bytes:
    """The body as the phone's JSON.stringify writes it, so a command sent alone
    and then in a batch is the same request (the same Idempotency-Key fingerprint)."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def _answer(key: str, sent: dict[str, Any]) -> CommandAnswer:
    headers = {k.decode().lower(): v.decode() for k, v in sent["headers"]}
    retry_after = headers.get("retry-after", "")
    return CommandAnswer(
        key=key,
        status=sent["status"],
        body=json.loads(sent["body"]) if sent["body"] else None,
        replayed=headers.get("idempotent-replayed") == "true",
        retry_after=int(retry_after) if retry_after.isdigit() else None,
    )


def _refused(request: Request, key: str, error: AppError) -> CommandAnswer:
    response = problem(request, error)
    return _answer(key, {"status": response.status_code, "headers": [], "body": response.body})
