from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from server.meetings.schemas import MeetingSummary


class CircleCard(BaseModel):
    id: str
    name: str
    is_lead: bool
    member_count: int
    next_meeting: MeetingSummary | None


class PractitionerHome(BaseModel):
    name: str
    agency_label: str
    circles: list[CircleCard]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class InvitationLink(Strict):
    """The token from a one-time link (sent in the body, so it is in no URL log)."""

    token: str = Field(min_length=10, max_length=100)


class PasswordChoice(InvitationLink):
    password: str = Field(
        min_length=12, max_length=200, description="At least 12 characters; a phrase is best"
    )


class Welcome(BaseModel):
    name: str
    email: str
