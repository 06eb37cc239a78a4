"""The worker process: takes due jobs from the database queue and runs them.
Run as many as needed; each job is taken by one worker at a time."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from tortoise import Tortoise

from server.db import tortoise_config
from server.email.service import EmailNotSent, run_email
from server.family import urgent
from server.i18n import I18n
from server.jobs import queue, tidy
from server.jobs.models import Job
from server.notifications.push import PushFailed
from server.notifications.service import run_notify
from server.notifications.triggers import run_check_in, run_meeting_reminder
from server.records import retention
from server.records.retention import apply_retention
from server.settings import Settings

log = logging.getLogger("alongside.worker")
#: How often the worker looks for calls for help nobody acknowledged in time.
OVERDUE_EVERY = timedelta(minutes=1)


async def run_one(job: Job, settings: Settings, i18n: I18n, now: datetime | None = None) -> None:
    now = now or datetime.now(UTC)
    try:
        if job.kind == "notify":
            if not await run_notify(job, settings, i18n, now):
                return  # deferred for quiet hours
        elif job.kind == "meeting_reminder":
            await run_meeting_reminder(job)
        elif job.kind == "check_in":
            await run_check_in(job)
        elif job.kind == "retention":
            await apply_retention(settings, now)
        elif job.kind == "email":
            await run_email(job, settings, i18n)
        else:
            raise ValueError(f"unknown job kind {job.kind!r}")
    except (PushFailed, EmailNotSent) as error:
        await queue.fail(job, str(error))
        return
    except Exception as error:  # a bad job must not stop the worker
        log.exception("job %s failed", job.id)
        await queue.fail(job, repr(error))
        return
    await queue.finish(job)


async def work(settings: Settings, *, until_idle: bool = False, poll_seconds: float = 5.0) -> int:
    """Runs jobs until stopped (or, with until_idle, until none is due). Returns
    how many jobs it took."""
    await Tortoise.init(config=tortoise_config(settings.db_url))
    i18n = I18n(default=settings.default_locale)
    taken = 0
    tidied_at: datetime | None = None
    checked_at: datetime | None = None
    try:
        while True:
            now = datetime.now(UTC)
            if tidied_at is None or now - tidied_at >= tidy.EVERY:
                await tidy.tidy(settings, now)
                due, key = retention.next_run(now, settings)
                await queue.enqueue("retention", {}, run_at=due, dedupe_key=key)
                tidied_at = now
            if checked_at is None or now - checked_at >= OVERDUE_EVERY:
                await urgent.tell_overdue(settings, now)
                checked_at = now
            job = await queue.claim()
            if job is None:
                if until_idle:
                    return taken
                await asyncio.sleep(poll_seconds)
                continue
            taken += 1
            await run_one(job, settings, i18n)
    finally:
        await Tortoise.close_connections()
