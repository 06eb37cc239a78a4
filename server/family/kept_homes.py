"""A family member's home, kept in memory while nothing it shows has changed.

The home is about ten statements; a phone asks for it each time the app opens.
A home is kept by (person, their circle's count of changes, language). The
database counts every write to what a home shows (`CircleChanges`, migration
0019), and each request reads that count with the session in one statement, so:
- a change anywhere, by any process, is seen on the next request;
- the session is still checked in the database every time: a retired phone, a
  removed person or an expired session is refused at once;
- the parts that follow the clock (meetings still to come, check-ins due, calls
  for help this week) are at most `KEEP_FOR` late, and the time it takes to make
  the home again.

When several requests want the same home at once, one makes it and the others
wait for it. When a home is only past its time (nothing it shows has changed),
one request makes it again and the others are answered with the one kept
meanwhile: under load, making a home waits for a database connection ten times,
and no one else needs to wait for that."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar
from uuid import UUID

from cachetools import TTLCache
from starlette.requests import Request
from starlette.responses import Response

from server.api.endpoint import json_answer
from server.auth.sessions import current_actor, family_session_as_is, session_token
from server.family import service
from server.family.schemas import FamilyHome
from server.i18n import request_language, translator_for

#: Seconds a home is kept at most, however little changed.
KEEP_FOR = 10
#: A home is forgotten this many times `KEEP_FOR` after it was made.
FORGET_AFTER = 6
#: Homes kept per process at most (about 1 KB each), least recently used go first.
KEEP_AT_MOST = 10_000

Key = tuple[UUID, int, str]
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Together(Generic[K, V]):
    """Requests that want the same thing at the same time: the first makes it and
    the others wait for it. If making it fails, each waiter makes its own."""

    def __init__(self) -> None:
        self._making: dict[K, asyncio.Future[V | None]] = {}

    async def once(self, key: K, make: Callable[[], Awaitable[V]]) -> V:
        making = self._making.get(key)
        if making is not None:
            # Shielded: a waiter that gives up must not cancel the others' answer.
            made = await asyncio.shield(making)
            return made if made is not None else await make()
        future: asyncio.Future[V | None] = asyncio.get_running_loop().create_future()
        self._making[key] = future
        made = None
        try:
            made = await make()
            return made
        finally:
            del self._making[key]
            future.set_result(made)  # None when making failed

    def busy(self, key: K) -> bool:
        return key in self._making


class KeptHomes:
    def __init__(
        self,
        at_most: int = KEEP_AT_MOST,
        seconds: float = KEEP_FOR,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        #: (when its making began, the home), least recently used go first. A home
        #: past its time may answer while its next is made; after `FORGET_AFTER`
        #: times its time, used or not, it is dropped (when the next home is kept).
        self._kept: TTLCache[Key, tuple[float, bytes]] = TTLCache(
            maxsize=at_most, ttl=seconds * FORGET_AFTER, timer=clock
        )
        self._seconds = seconds
        self._clock = clock
        self._making: Together[Key, bytes] = Together()
        #: Sessions being refreshed (their once-a-minute touch), by token.
        self.refreshing: Together[str, bool] = Together()

    async def get(self, key: Key, make: Callable[[], Awaitable[bytes]]) -> bytes:
        kept = self._kept.get(key)
        if kept is not None:
            began, home = kept
            if self._clock() - began < self._seconds or self._making.busy(key):
                return home  # in time, or its next is being made

        async def make_and_keep() -> bytes:
            began = self._clock()
            home = await make()
            self._kept[key] = (began, home)
            return home

        return await self._making.once(key, make_and_keep)


async def answer(request: Request) -> FamilyHome | Response:
    """GET /api/family/home: the kept home, or a new one if anything changed."""
    kept: KeptHomes = request.app.state.kept_homes
    session = await family_session_as_is(request)
    if session is None:
        # current_actor refuses, ends or refreshes the session. A phone's requests
        # that come together when its refresh falls due refresh it once; each then
        # checks the session again for itself.
        token = session_token(request) or ""
        await kept.refreshing.once(token, lambda: _signed_in(request))
        session = await family_session_as_is(request)
    if session is None:  # a live session, but not a family member's: refused there
        return await service.home(await current_actor(request), translator_for(request).gettext)
    request.state.locale = session.locale
    key = (session.member_id, session.circle_changes, request_language(request))

    async def make() -> bytes:
        home = await service.home(await current_actor(request), translator_for(request).gettext)
        return home.model_dump_json().encode()

    return json_answer(request, await kept.get(key, make), secret=False)


async def _signed_in(request: Request) -> bool:
    await current_actor(request)
    return True
