"""Recording who did what. Family words never go into an audit event: only ids."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

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


async def forget_before(cutoff: datetime) -> int:
    """Deletes audit records made before `cutoff` (the retention schedule);
    returns how many."""
    return await AuditEvent.filter(at__lt=cutoff).delete()
