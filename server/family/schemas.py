from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from server.checkins.schemas import CheckInDue
from server.meetings.schemas import AskedForViews, MeetingSummary


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


class UrgentShown(BaseModel):
    """Their last "I need to talk to someone now", and who has seen it."""

    sent_at: datetime
    acknowledged_at: datetime | None
    acknowledged_by: str | None


class UrgentWaiting(BaseModel):
    """A call for help waiting for someone on the team to acknowledge it."""

    id: UUID
    name: str
    role_label: str
    circle_id: UUID
    circle_name: str
    at: datetime
    for_my_meeting: bool


class UrgentWaitingList(BaseModel):
    waiting: list[UrgentWaiting]


class UrgentSeen(BaseModel):
    acknowledged_at: datetime


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
    #: Who asked for their views, for which meeting, by when; answered or not.
    view_requests: list[AskedForViews]
    #: Meetings that have happened: "How was it for you?" (answered or not).
    check_ins: list[CheckInDue]
    contributions: ContributionCounts
    urgent: UrgentShown | None


class SimpleMode(BaseModel):
    model_config = ConfigDict(extra="forbid")

    simple_mode: bool = Field(strict=True)


class UrgentSent(BaseModel):
    sent_at: datetime
