from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from server.api.fields import Line
from server.circles.models import AgeBand, FamilyRole
from server.i18n import LANGUAGES
from server.meetings.schemas import MeetingSummary


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class InvitationMade(BaseModel):
    """Shown once to the practitioner, to pass on to the family member."""

    code: str
    link: str
    expires_at: datetime


class CircleNew(Strict):
    name: Line = Field(min_length=1, max_length=200)


class MemberNew(Strict):
    name: Line = Field(min_length=1, max_length=100, description="What they like to be called")
    role: FamilyRole
    age_band: AgeBand
    locale: str = Field(default="en", pattern="^(" + "|".join(LANGUAGES) + ")$")


class TeammateNew(Strict):
    email: Line = Field(min_length=3, max_length=254)


class LeadChoice(Strict):
    practitioner_id: UUID


class MemberOut(BaseModel):
    id: UUID
    name: str
    role: FamilyRole
    role_label: str
    age_band: AgeBand
    locale: str
    joined: bool


class TeammateOut(BaseModel):
    id: UUID
    name: str
    agency_label: str
    is_lead: bool


class CircleDetail(BaseModel):
    id: UUID
    name: str
    closed_at: datetime | None
    is_lead: bool
    #: The lead, or the lead's manager: may change who is in the circle and publish.
    may_govern: bool
    members: list[MemberOut]
    team: list[TeammateOut]
    meetings: list[MeetingSummary]


class MemberAdded(BaseModel):
    member: MemberOut
    invitation: InvitationMade
