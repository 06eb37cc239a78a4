"""Recording who did what. Family words never go into an audit event: only ids."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from tortoise.expressions import Q

from server.audit.models import AuditEvent


async def record(
    action: str,
    *,
    practitioner: Any = None,
    member: Any = None,
    circle_id: Any = None,
    subject: Any = None,
) -> AuditEvent:
    return await AuditEvent.create(
        action=action,
        practitioner=practitioner,
        member=member,
        circle_id=circle_id,
        subject_type=type(subject).__name__ if subject is not None else "",
        subject_id=str(subject.pk) if subject is not None else "",
    )


async def record_reads(action: str, practitioner_id: Any, reads: Iterable[tuple[Any, Any]]) -> None:
    """A practitioner read family words: one event for each (circle id, subject)
    they were shown, written together, so the author can see who read what."""
    now = datetime.now(UTC)
    await AuditEvent.bulk_create(
        [
            AuditEvent(
                action=action,
                at=now,
                practitioner_id=practitioner_id,
                circle_id=circle_id,
                subject_type=type(subject).__name__,
                subject_id=str(subject.pk),
            )
            for circle_id, subject in reads
        ]
    )


#: The most records one search shows (the newest first); narrow it to see more.
SEARCH_LIMIT = 1000


@dataclass(frozen=True)
class AuditSearch:
    """What to look for: a person (practitioner or family member), a circle, and
    local days from `since` to `until`, both included."""

    person: UUID | None = None
    circle: UUID | None = None
    since: date | None = None
    until: date | None = None
    timezone: str = "UTC"
    #: A manager's view: only these circles, or what these practitioners did.
    within_circles: list[UUID] | None = None
    within_practitioners: list[UUID] | None = None


def _start_of(day: date, timezone: str) -> datetime:
    return datetime.combine(day, time.min, ZoneInfo(timezone)).astimezone(UTC)


async def search(query: AuditSearch, limit: int = SEARCH_LIMIT) -> list[AuditEvent]:
    """Audit records matching `query`, newest first, with who they are about."""
    found = AuditEvent.all()
    if query.person is not None:
        found = found.filter(Q(practitioner_id=query.person) | Q(member_id=query.person))
    if query.circle is not None:
        found = found.filter(circle_id=query.circle)
    if query.since is not None:
        found = found.filter(at__gte=_start_of(query.since, query.timezone))
    if query.until is not None:
        found = found.filter(at__lt=_start_of(query.until + timedelta(days=1), query.timezone))
    if query.within_circles is not None or query.within_practitioners is not None:
        found = found.filter(
            Q(circle_id__in=query.within_circles or [])
            | Q(practitioner_id__in=query.within_practitioners or [])
        )
    return await found.order_by("-at", "-id").limit(limit).select_related("practitioner", "member")
