from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel


class PersonRef(BaseModel):
    id: str
    name: str


class AuditEntry(BaseModel):
    id: int
    at: datetime
    action: str
    practitioner: PersonRef | None
    member: PersonRef | None
    circle_id: str | None
    subject_type: str
    subject_id: str


class AuditPage(BaseModel):
    entries: list[AuditEntry]
    #: The next (older) page: pass it back as ?before=; none on the last page.
    next: str | None
