"""Reading meetings."""

from __future__ import annotations

from datetime import datetime, timezone
from uuid import UUID

from server.meetings.models import Meeting


async def upcoming(circle_ids: list[UUID]) -> list[Meeting]:
    """Meetings still to come in these circles, soonest first."""
    if not circle_ids:
        return []
    return await Meeting.filter(
        circle_id__in=circle_ids, starts_at__gte=datetime.now(timezone.utc)
    ).order_by("starts_at")
