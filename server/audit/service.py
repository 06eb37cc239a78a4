"""Recording who did what. Family words never go into an audit event: only ids."""

from __future__ import annotations

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
