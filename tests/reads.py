"""What the audit says practitioners read: each read request is one record naming
every item it showed; here it is spread out again, one (reader, item, circle) per
item, in the order the reads happened."""

from __future__ import annotations

from typing import Any

from server.audit.models import AuditEvent, ItemRead


async def reads(action: str, **where: Any) -> list[tuple[Any, str, Any]]:
    events = await AuditEvent.filter(action=action, **where).order_by("id")
    return [(e.practitioner_id, item, e.circle_id) for e in events for item in e.items]


async def forget_reads(action: str) -> None:
    """Starts a test's count of reads from nothing (the audit and its summary)."""
    await AuditEvent.filter(action=action).delete()
    await ItemRead.filter(action=action).delete()
