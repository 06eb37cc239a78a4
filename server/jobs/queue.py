"""The job queue: enqueue, claim (one worker per job, even with many workers),
finish, retry with backoff."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise import connections
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.jobs.models import Job

LEASE = timedelta(minutes=2)
MAX_ATTEMPTS = 8

# PostgreSQL: SKIP LOCKED lets racing workers each take a different job.
_CLAIM_POSTGRES = """
UPDATE job SET locked_until = $1, attempts = attempts + 1
WHERE id = (
  SELECT id FROM job
  WHERE done_at IS NULL AND run_at <= $2 AND (locked_until IS NULL OR locked_until < $2)
  ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED
) RETURNING id
"""
# SQLite runs one writer at a time, so the same statement is already exclusive.
_CLAIM_SQLITE = """
UPDATE job SET locked_until = ?, attempts = attempts + 1
WHERE id = (
  SELECT id FROM job
  WHERE done_at IS NULL AND run_at <= ? AND (locked_until IS NULL OR locked_until < ?)
  ORDER BY run_at LIMIT 1
) RETURNING id
"""


def _now() -> datetime:
    return datetime.now(UTC)


async def enqueue(
    kind: str,
    payload: dict[str, Any],
    *,
    run_at: datetime | None = None,
    dedupe_key: str | None = None,
) -> Job | None:
    """Adds a job; with a dedupe key already queued, adds nothing and returns None."""
    try:
        # A savepoint: inside a request's transaction, a duplicate must not spoil
        # the rest of it (PostgreSQL aborts a transaction after any error).
        async with in_transaction():
            return await Job.create(
                kind=kind, payload=payload, run_at=run_at or _now(), dedupe_key=dedupe_key
            )
    except IntegrityError:
        return None


async def claim() -> Job | None:
    connection = connections.get("default")
    now = _now()
    until = now + LEASE
    if connection.capabilities.dialect == "postgres":
        rows = await connection.execute_query_dict(_CLAIM_POSTGRES, [until, now])
    else:
        # Same text form Tortoise stores, so SQLite compares like with like.
        rows = await connection.execute_query_dict(_CLAIM_SQLITE, [str(until), str(now), str(now)])
    if not rows:
        return None
    return await Job.get(id=rows[0]["id"])


async def finish(job: Job) -> None:
    await Job.filter(id=job.id).update(done_at=_now(), locked_until=None)


async def defer(job: Job, until: datetime) -> None:
    """Not now (quiet hours): run later, without counting this as a try."""
    await Job.filter(id=job.id).update(
        run_at=until, locked_until=None, attempts=max(0, job.attempts - 1)
    )


async def fail(job: Job, error: str) -> None:
    """Try again later, waiting longer each time; give up after MAX_ATTEMPTS."""
    if job.attempts >= MAX_ATTEMPTS:
        await Job.filter(id=job.id).update(
            done_at=_now(), locked_until=None, last_error=f"gave up: {error}"[:2000]
        )
        return
    wait = timedelta(seconds=30 * 2**job.attempts)
    await Job.filter(id=job.id).update(
        run_at=_now() + wait, locked_until=None, last_error=error[:2000]
    )
