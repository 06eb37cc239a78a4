"""Technical records that have done their job are deleted on a schedule: kept
command answers after a day, failed-attempt counters after a day, and sessions past
their lifetime. Counts are logged, never contents."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from server.auth import attempts
from server.auth.models import Session
from server.commands import idempotency
from server.settings import Settings

log = logging.getLogger("alongside.tidy")
EVERY = timedelta(hours=1)


async def tidy(settings: Settings, now: datetime | None = None) -> dict[str, int]:
    now = now or datetime.now(UTC)
    counts = {
        "command_answers": await idempotency.forget_old(now),
        "attempts": await attempts.forget_old(),
        "sessions": await Session.filter(
            created_at__lt=now - timedelta(hours=settings.session_max_hours)
        ).delete(),
    }
    log.info("tidied %s", counts)
    return counts
