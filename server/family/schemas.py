from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from server.meetings.schemas import MeetingSummary


class PersonSummary(BaseModel):
    name: str
    agency_label: str


class Joined(BaseModel):
    """A practitioner from another organisation who joined the family's circle."""

    name: str
    agency_label: str
    joined_at: datetime


class CircleSummary(BaseModel):
    name: str
    #: When the circle closed: its family can still read, but nobody reads new words.
    closed_at: datetime | None


class ContributionCounts(BaseModel):
    total: int
    shared: int


class FamilyHome(BaseModel):
    name: str
    role: str
    is_carer: bool
    simple_mode: bool
    sharing_explained: bool
    circle: CircleSummary
    lead_practitioner: PersonSummary | None
    #: "Tom Evans, school, joined your circle on …": newest first.
    joined_from_other_organisations: list[Joined]
    upcoming_meetings: list[MeetingSummary]
    contributions: ContributionCounts


class SimpleMode(BaseModel):
    model_config = ConfigDict(extra="forbid")

    simple_mode: bool = Field(strict=True)


class UrgentSent(BaseModel):
    sent_at: datetime
