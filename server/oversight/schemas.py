from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel


class Escalation(BaseModel):
    """A disagreement sent to this manager, waiting for their answer. The
    family's comment shows only where the sharing policy lets this manager
    read it (`comment_for` says for whom it is otherwise)."""

    answer_id: UUID
    circle_id: UUID
    circle_name: str
    lead_name: str | None
    member_name: str
    role_label: str
    section_label: str
    #: The plan item's words when the team wrote them; None for a family
    #: member's quoted words (those follow their author's sharing choice).
    item_text: str | None
    answer_label: str
    comment: str | None
    comment_for: str | None
    response: str
    escalated_at: datetime


class Overdue(BaseModel):
    """A call for help nobody acknowledged within the set time."""

    urgent_id: UUID
    circle_id: UUID
    circle_name: str
    lead_name: str | None
    member_name: str
    role_label: str
    at: datetime


class NeverAsked(BaseModel):
    """A meeting held where a family member was never asked for their views."""

    circle_id: UUID
    circle_name: str
    lead_name: str | None
    meeting_id: UUID
    meeting_at: datetime
    never_asked: list[str]


class Person(BaseModel):
    id: UUID
    name: str


class TeamOversight(BaseModel):
    id: UUID
    name: str
    duty_contact_id: UUID | None
    #: Who may be named the team's duty contact: its active practitioners.
    people: list[Person]


class Oversight(BaseModel):
    teams: list[TeamOversight]
    escalations: list[Escalation]
    overdue_minutes: int
    overdue: list[Overdue]
    never_asked: list[NeverAsked]
