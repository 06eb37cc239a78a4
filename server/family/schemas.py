from __future__ import annotations

from pydantic import BaseModel

from server.meetings.schemas import MeetingSummary


class PersonSummary(BaseModel):
    name: str
    agency_label: str


class CircleSummary(BaseModel):
    name: str


class ContributionCounts(BaseModel):
    total: int
    shared: int


class FamilyHome(BaseModel):
    name: str
    role: str
    circle: CircleSummary
    lead_practitioner: PersonSummary | None
    upcoming_meetings: list[MeetingSummary]
    contributions: ContributionCounts
