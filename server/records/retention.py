"""The retention schedule (README, "Records management"), run once a day by the
worker. It deletes by date only and records how many rows of each kind went,
never what they said."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server.audit.service import forget_before
from server.auth.models import Attempt, Lockout, Session
from server.circles.models import Circle, FamilyMember
from server.commands.models import CommandAnswer
from server.jobs.models import Delivery, Job
from server.records.models import RecordsEvent
from server.settings import Settings
from server.sharing import family_words

log = logging.getLogger("alongside.records")
YEAR = timedelta(days=365)


#: Local hour the daily run is due: when nobody is using the service.
RUN_AT_HOUR = 2


def next_run(now: datetime, settings: Settings) -> tuple[datetime, str]:
    """When the next daily run is due (the next 02:00 where the service is), and
    its job's dedupe key: however many workers ask, one job per day."""
    local = now.astimezone(ZoneInfo(settings.timezone))
    due = datetime.combine(local.date(), time(RUN_AT_HOUR), tzinfo=local.tzinfo)
    if due <= local:
        due = datetime.combine(local.date() + timedelta(days=1), time(RUN_AT_HOUR), local.tzinfo)
    return due, f"retention:{due.date().isoformat()}"


async def _delete(rows: QuerySet[Any]) -> int:
    """Deletes; returns how many rows it named (SQLite's own count adds the rows
    that went with them)."""
    count = await rows.count()
    await rows.delete()
    return count


async def _closed_circles(before: datetime) -> dict[str, int]:
    """Circles closed before `before`, with everything the family wrote there
    (their rows go with the circle)."""
    circles = Circle.filter(closed_at__lt=before)
    ids = await circles.values_list("id", flat=True)
    counts = {
        "family_members": await FamilyMember.filter(circle_id__in=ids).count(),
        **await family_words.count_in_circles(ids),
    }
    counts["circles"] = await _delete(Circle.filter(id__in=ids))
    return counts


async def _technical(before: datetime) -> dict[str, int]:
    done = Job.filter(done_at__lt=before)
    deliveries = await Delivery.filter(job_id__in=await done.values_list("id", flat=True)).count()
    return {
        "sessions": await Session.filter(last_seen_at__lt=before).delete(),
        "attempts": await Attempt.filter(at__lt=before).delete(),
        "lockouts": await Lockout.filter(until__lt=before).delete(),
        "command_answers": await CommandAnswer.filter(created_at__lt=before).delete(),
        "deliveries": deliveries,
        "jobs": await _delete(Job.filter(done_at__lt=before)),
    }


async def apply_retention(settings: Settings, now: datetime | None = None) -> dict[str, int]:
    """Deletes what is past its time; returns, and records, how many of each."""
    now = now or datetime.now(UTC)
    async with in_transaction():
        counts = {
            **await _closed_circles(now - settings.retention_closed_years * YEAR),
            **await _technical(now - timedelta(days=settings.retention_technical_days)),
            "audit_events": await forget_before(now - settings.retention_audit_years * YEAR),
        }
        await RecordsEvent.create(action="retention", done_by="worker", counts=counts)
    log.info("retention schedule applied: %s", counts)
    return counts
