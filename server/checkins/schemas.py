from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from server.api.fields import Text
from server.checkins.questions import Face, Window
from server.contributions.models import Audience

MAX_ANYTHING_ELSE = 2000


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Faces(Strict):
    """Each question by its key; a face from 1 (sad) to 3 (happy), or skipped."""

    listened: Face | None = Field(default=None, strict=True)
    helped_decide: Face | None = Field(default=None, strict=True)
    told_honestly: Face | None = Field(default=None, strict=True)
    got_help: Face | None = Field(default=None, strict=True)


class CheckInAnswer(Faces):
    """A family member's check-in after a meeting. Sending it again replaces it."""

    anything_else: Text = Field(default="", max_length=MAX_ANYTHING_ELSE)
    audience: Audience = Audience.JUST_ME  # private unless they choose


class CheckInOut(BaseModel):
    meeting_id: UUID
    listened: int | None
    helped_decide: int | None
    told_honestly: int | None
    got_help: int | None
    anything_else: str
    audience: Audience
    audience_label: str
    updated_at: datetime


class CheckInDue(BaseModel):
    """A meeting that has happened: "How was it for you?" (mine: their answers)."""

    meeting_id: UUID
    kind_label: str
    starts_at: datetime
    mine: CheckInOut | None


class ReflectionOut(BaseModel):
    meeting_id: UUID
    listened: int | None
    helped_decide: int | None
    told_honestly: int | None
    got_help: int | None
    window: Window | None


class SharedCheckIn(BaseModel):
    """A family member's check-in, shown to someone in its audience."""

    name: str
    role_label: str
    listened: int | None
    helped_decide: int | None
    told_honestly: int | None
    got_help: int | None
    anything_else: str
    audience_label: str
    updated_at: datetime


class MeetingCheckIns(BaseModel):
    """After a meeting, for its team: my reflection and check-ins shared with me.
    How many family members answered, never who, when they chose "just me"."""

    my_reflection: ReflectionOut | None
    shared_with_me: list[SharedCheckIn]
