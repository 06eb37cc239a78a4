"""Recording who did what. Family words never go into an audit event: only ids."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from tortoise.expressions import Q

from server.audit.models import AuditEvent, ItemRead


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


async def record_reads(
    action: str, practitioner_id: Any, reads: Iterable[tuple[Any, Any]], subject_type: str
) -> None:
    """A practitioner read family words: one event for each circle (a request
    reads one) naming every item (circle id, item id) they were shown, and each
    item's latest read by them kept in `ItemRead`, so the author can see who
    read what without anyone searching the audit."""
    shown: dict[Any, list[str]] = defaultdict(list)
    for circle_id, subject_id in reads:
        shown[circle_id].append(str(subject_id))
    if not shown:
        return
    now = datetime.now(UTC)
    await AuditEvent.bulk_create(
        [
            AuditEvent(
                action=action,
                at=now,
                practitioner_id=practitioner_id,
                circle_id=circle_id,
                subject_type=subject_type,
                items=items,
            )
            for circle_id, items in shown.items()
        ]
    )
    await _keep_latest(action, practitioner_id, shown, now)


#: "Read by" is kept to the minute: a reader's read of an item within a minute
#: of the last one kept leaves the summary as it is (the audit has every read),
#: so reading a plan again and again writes one record, not one per item.
KEPT_TO = timedelta(minutes=1)


async def _keep_latest(
    action: str, practitioner_id: Any, shown: dict[Any, list[str]], now: datetime
) -> None:
    items = {item for listed in shown.values() for item in listed}
    fresh = await ItemRead.filter(
        action=action, subject_id__in=items, practitioner_id=practitioner_id, at__gt=now - KEPT_TO
    ).values_list("subject_id", flat=True)
    # Sorted, so two requests upserting the same rows take their locks in one order.
    stale = sorted(items - {str(item) for item in fresh})
    if stale:
        await ItemRead.bulk_create(
            [
                ItemRead(action=action, subject_id=item, practitioner_id=practitioner_id, at=now)
                for item in stale
            ],
            on_conflict=["action", "subject_id", "practitioner_id"],
            update_fields=["at"],
        )


async def forget_before(cutoff: datetime) -> int:
    """Deletes audit records made before `cutoff` (the retention schedule), and
    "read by" summaries as old; returns how many audit records."""
    await ItemRead.filter(at__lt=cutoff).delete()
    return await AuditEvent.filter(at__lt=cutoff).delete()


#: A page of a search: 50 records unless asked for more, and never more than 200.
PAGE_SIZE = 50
MOST_ON_A_PAGE = 200


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


@dataclass(frozen=True)
class Place:
    """Where a page ends: the last record shown, by (at, id). The next page is what
    comes before it, newest first, so records made since never shift the pages."""

    at: datetime
    id: int


def _start_of(day: date, timezone: str) -> datetime:
    return datetime.combine(day, time.min, ZoneInfo(timezone)).astimezone(UTC)


async def search(
    query: AuditSearch, limit: int = PAGE_SIZE, before: Place | None = None
) -> list[AuditEvent]:
    """Audit records matching `query`, newest first (by time, then id), from just
    before `before`, with who they are about. Ordered and cut on the (at, id) index."""
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
    if before is not None:
        # (at, id) < (before): "at <=" bounds the index range; the rest picks within it.
        found = found.filter(at__lte=before.at).filter(Q(at__lt=before.at) | Q(id__lt=before.id))
    return await found.order_by("-at", "-id").limit(limit).select_related("practitioner", "member")


async def search_all(
    query: AuditSearch, before: Place | None = None, chunk: int = 500
) -> AsyncIterator[AuditEvent]:
    """Every record matching `query` (before `before`), newest first, read a chunk
    at a time."""
    while True:
        found = await search(query, limit=chunk, before=before)
        for event in found:
            yield event
        if len(found) < chunk:
            return
        before = Place(at=found[-1].at, id=found[-1].id)
