"""Counting failed tries in the database, so every web process sees them.

A limit blocks a key for the rest of its window only: a child who forgets their
PIN waits minutes, not days, and their worker can always send a new invitation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from server.auth.models import Attempt
from server.errors import TooManyTries


@dataclass(frozen=True)
class Limit:
    name: str
    tries: int
    window: timedelta


PASSWORD = Limit("password", tries=10, window=timedelta(minutes=15))
PIN = Limit("pin", tries=5, window=timedelta(minutes=10))
INVITATION = Limit("invitation", tries=20, window=timedelta(minutes=15))


def _key(limit: Limit, subject: str) -> str:
    return f"{limit.name}:{subject}"[:200]


async def ensure_allowed(limit: Limit, subject: str) -> None:
    now = datetime.now(timezone.utc)
    since = now - limit.window
    recent = Attempt.filter(key=_key(limit, subject), at__gte=since)
    if await recent.count() >= limit.tries:
        oldest = await recent.order_by("at").first()
        assert oldest is not None
        wait = (oldest.at + limit.window - now).total_seconds()
        raise TooManyTries(retry_after_seconds=int(wait) + 1)


async def record_failure(limit: Limit, subject: str) -> None:
    await Attempt.create(key=_key(limit, subject), at=datetime.now(timezone.utc))


async def clear(limit: Limit, subject: str) -> None:
    await Attempt.filter(key=_key(limit, subject)).delete()


async def forget_old(older_than: timedelta = timedelta(days=1)) -> int:
    return await Attempt.filter(at__lt=datetime.now(timezone.utc) - older_than).delete()
