from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel


class PersonRef(BaseModel):
    id: str
    name: str


class AuditEntry(BaseModel):
    at: datetime
    action: str
    practitioner: PersonRef | None
    member: PersonRef | None
    circle_id: str | None
    subject_type: str
    subject_id: str


class AuditPage(BaseModel):
    entries: list[AuditEntry]
    #: True when there were more than the page shows: narrow the search.
    more: bool
