"""Idempotency-Key for state-changing requests (the offline outbox sends one with
every command).

- A command that succeeded (2xx) is kept with its answer, in the same transaction
  as its changes: the same key and request get that answer again, marked
  `Idempotent-Replayed: true`, and change nothing more.
- The same key with another request (other words, another path) is refused.
- A refused command (4xx) changed nothing and is not kept: sending it again runs it
  again, and gets whatever answer is true by then.
- Family words do not outlive their item here: when an item is edited, deleted or
  withdrawn, earlier answers about it forget their words (a replay then says so,
  and the phone fetches the item afresh); every answer is deleted after
  KEEP_ANSWERS (the phone retries within minutes; a later retry is safe anyway,
  because items carry their own ids and versions)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from tortoise.expressions import Q

from server.auth.sessions import current_actor
from server.commands.models import CommandAnswer
from server.errors import Conflict, Invalid
from server.i18n import N_

#: Items deleted or withdrawn by the request being answered.
_gone_now: ContextVar[frozenset[str]] = ContextVar("gone_now", default=frozenset())
MAX_KEY = 100
KEEP_ANSWERS = timedelta(hours=24)
REPLAYED = {"Idempotent-Replayed": "true"}


class KeyReused(Conflict):
    code = "idempotency-key-reused"
    title = N_("This was already sent with different words. Nothing was changed.")


async def _fingerprint(request: Request) -> str:
    digest = hashlib.sha256(f"{request.method} {request.url.path}\n".encode())
    digest.update(await request.body())
    return digest.hexdigest()


def _check_key(key: str) -> None:
    if not key or len(key) > MAX_KEY:
        raise Invalid.on("Idempotency-Key", N_("This is not in the right form."))


async def earlier_answer(request: Request, key: str) -> Response | None:
    """The kept answer to this key, for this person and this very request; None
    if there is none; KeyReused if the key was used for something else."""
    _check_key(key)
    actor = await current_actor(request)
    return await _replay(str(actor.person.id), key, await _fingerprint(request))


async def _replay(person_id: str, key: str, fingerprint: str) -> Response | None:
    earlier = await CommandAnswer.get_or_none(person_id=person_id, key=key)
    if earlier is None:
        return None
    if earlier.request_hash != fingerprint:
        raise KeyReused()
    if earlier.words_forgotten:
        body = {"id": earlier.subject_id, "words_forgotten": True}
        return JSONResponse(body, status_code=earlier.status, headers=REPLAYED)
    return Response(
        earlier.body, status_code=earlier.status, media_type=earlier.media_type, headers=REPLAYED
    )


async def once(request: Request, key: str, run: Callable[[], Awaitable[Response]]) -> Response:
    """Runs the command unless this key already has an answer. The caller holds the
    request's transaction, so the answer is kept together with the changes."""
    _check_key(key)
    person_id = str((await current_actor(request)).person.id)
    fingerprint = await _fingerprint(request)
    replay = await _replay(person_id, key, fingerprint)
    if replay is not None:
        return replay
    token = _gone_now.set(frozenset())
    try:
        response = await run()
        gone = _gone_now.get()
    finally:
        _gone_now.reset(token)
    if 200 <= response.status_code < 300:
        body = bytes(response.body).decode()
        subject = _subject_of(body)
        forgotten = subject in gone
        await CommandAnswer.create(
            person_id=person_id,
            key=key,
            request_hash=fingerprint,
            status=response.status_code,
            media_type=response.media_type or "",
            body="" if forgotten else body,
            subject_id=subject,
            words_forgotten=forgotten,
        )
    return response


def _subject_of(body: str) -> str:
    """The id of the item an answer is about, so its words can be forgotten."""
    try:
        parsed: Any = json.loads(body) if body else None
    except ValueError:
        # Equivalent mutants: any subject that is no item's id is the same here.
        return ""  # pragma: no mutate
    found = parsed.get("id") if isinstance(parsed, dict) else None
    return str(found) if found is not None else ""


async def forget_words_about(person_id: Any, subject_id: Any, *, gone: bool = False) -> None:
    """An item was edited, narrowed, deleted or withdrawn: earlier answers about
    it keep nothing of its words — its author's, and anyone's that quoted it (a
    plan item brought in from it names it). `gone` (deleted, withdrawn): nor does
    this request's."""
    about = Q(person_id=str(person_id), subject_id=str(subject_id)) | Q(
        body__contains=str(subject_id)
    )
    await CommandAnswer.filter(about).update(body="", words_forgotten=True)
    if gone:
        _gone_now.set(_gone_now.get() | {str(subject_id)})


async def forget_old(now: datetime | None = None) -> int:
    """Deletes answers older than KEEP_ANSWERS; returns how many."""
    cutoff = (now or datetime.now(UTC)) - KEEP_ANSWERS
    return await CommandAnswer.filter(created_at__lt=cutoff).delete()
