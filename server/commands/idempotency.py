"""Idempotency-Key for state-changing requests (the offline outbox sends one with
every command). The first answer below 500 is kept and given again for the same
key and request; the same key with a different request is refused."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response
from tortoise.exceptions import IntegrityError

from server.auth.sessions import current_actor
from server.commands.models import CommandAnswer
from server.errors import Conflict, Invalid
from server.i18n import N_

MAX_KEY = 100
#: A first attempt still "running" after this long died with its process.
ABANDONED_AFTER = timedelta(minutes=2)


class KeyReused(Conflict):
    code = "idempotency-key-reused"
    title = N_("This was already sent with different words. Nothing was changed.")


class StillWorking(Conflict):
    code = "still-working"
    title = N_("This is still being saved. Please wait a moment.")


async def _fingerprint(request: Request) -> str:
    digest = hashlib.sha256(f"{request.method} {request.url.path}\n".encode())
    digest.update(await request.body())
    return digest.hexdigest()


async def once(request: Request, key: str, run: Callable[[], Awaitable[Response]]) -> Response:
    if not key or len(key) > MAX_KEY:
        raise Invalid.on("Idempotency-Key", N_("This is not in the right form."))
    actor = await current_actor(request)
    person = str(actor.person.id)
    fingerprint = await _fingerprint(request)
    try:
        record = await CommandAnswer.create(person_id=person, key=key, request_hash=fingerprint)
    except IntegrityError:
        earlier = await CommandAnswer.get(person_id=person, key=key)
        if earlier.request_hash != fingerprint:
            raise KeyReused() from None
        if earlier.status == 0:
            if datetime.now(timezone.utc) - earlier.created_at < ABANDONED_AFTER:
                raise StillWorking() from None
            # The process answering it died mid-request: nothing was kept, so run it again.
            await earlier.delete()
            return await once(request, key, run)
        return Response(earlier.body, status_code=earlier.status, media_type=earlier.media_type,
                        headers={"Idempotent-Replayed": "true"})
    try:
        response = await run()
    except Exception:
        await record.delete()  # let a retry run it afresh
        raise
    if response.status_code >= 500:
        await record.delete()
        return response
    await CommandAnswer.filter(id=record.id).update(
        status=response.status_code, media_type=response.media_type or "",
        body=bytes(response.body).decode())
    return response
