"""Counting failed tries in the database, so every web process sees them.

Too many failed tries at one key (an email, a phone, an address) pause it. A
pause soon after another is one step of a run and may be longer, up to a cap of
hours, never days: a child who forgets their PIN waits, and their worker can
always send a new invitation. A day without a pause ends the run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from math import ceil

from server.auth.models import Attempt, Lockout
from server.errors import TooManyTries


@dataclass(frozen=True)
class Limit:
    name: str
    #: This many failed tries within `window` start a pause.
    tries: int
    window: timedelta
    #: How long the 1st, 2nd, 3rd… pause of a run lasts; the last one repeats.
    pauses: tuple[timedelta, ...]
    #: A pause this long after the last one ended starts a new run.
    calm: timedelta = timedelta(days=1)

    def pause(self, step: int) -> timedelta:
        return self.pauses[min(step, len(self.pauses)) - 1]


def _minutes(*counts: int) -> tuple[timedelta, ...]:
    return tuple(timedelta(minutes=count) for count in counts)


# Wrong passwords count per (account, address), so a stranger typing Priya's
# email from elsewhere pauses only their own address, never Priya at hers; and per
# address, so one address guessing many accounts is paused too.
PASSWORD = Limit("password", tries=10, window=timedelta(minutes=15), pauses=_minutes(15))
ADDRESS = Limit("address", tries=30, window=timedelta(minutes=15), pauses=_minutes(15))
# Every "forgot your password?" counts, per address: it sends email.
RESET = Limit("reset", tries=5, window=timedelta(minutes=15), pauses=_minutes(15))
INVITATION = Limit("invitation", tries=20, window=timedelta(minutes=15), pauses=_minutes(15))
# Wrong PINs add up over a day, so slow guessing is paused too; with pauses
# growing to four hours, trying every 4-digit PIN would take about a year.
PIN = Limit("pin", tries=5, window=timedelta(days=1), pauses=_minutes(10, 30, 60, 120, 240))


def _key(limit: Limit, subject: str) -> str:
    return f"{limit.name}:{subject}"[:200]


def _now() -> datetime:
    return datetime.now(UTC)


def seconds_until(moment: datetime) -> int:
    return max(1, ceil((moment - _now()).total_seconds()))


async def ensure_allowed(limit: Limit, subject: str) -> None:
    """Refuses (429, with how long to wait) while the key is paused."""
    paused = (
        await Lockout.filter(key=_key(limit, subject), until__gt=_now()).order_by("-until").first()
    )
    if paused is not None:
        raise TooManyTries(retry_after_seconds=seconds_until(paused.until))


async def record_failure(limit: Limit, subject: str) -> Lockout | None:
    """Counts a failed try; returns the pause it starts, if it is one too many."""
    key, now = _key(limit, subject), _now()
    await Attempt.create(key=key, at=now)
    if await Attempt.filter(key=key, at__gte=now - limit.window).count() < limit.tries:
        return None
    # Only the request whose delete takes the tries starts the pause, even if two race.
    if await Attempt.filter(key=key).delete() < limit.tries:
        return None
    last = await Lockout.filter(key=key).order_by("-until").first()
    step = last.step + 1 if last is not None and now - last.until < limit.calm else 1
    return await Lockout.create(key=key, at=now, until=now + limit.pause(step), step=step)


async def clear(limit: Limit, subject: str) -> None:
    """The right secret: its holder is not guessing, so tries and pauses start afresh."""
    key = _key(limit, subject)
    await Attempt.filter(key=key).delete()
    await Lockout.filter(key=key).delete()


async def forget_old(older_than: timedelta = timedelta(days=1)) -> int:
    """Deletes tries and ended runs of pauses that can no longer count."""
    since = _now() - older_than
    tries = await Attempt.filter(at__lt=since).delete()
    return tries + await Lockout.filter(until__lt=since).delete()
