from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from server.api.fields import Line, Moment
from server.meetings.models import MEETING_KIND_LABELS, Meeting, MeetingKind


class MeetingSummary(BaseModel):
    id: str
    kind: str
    kind_label: str
    starts_at: datetime
    place: str

    @classmethod
    def of(cls, meeting: Meeting, gettext: Callable[[str], str]) -> MeetingSummary:
        return cls(
            id=str(meeting.id),
            kind=meeting.kind.value,
            kind_label=gettext(MEETING_KIND_LABELS[meeting.kind]),
            starts_at=meeting.starts_at,
            place=meeting.place,
        )


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MeetingNew(Strict):
    kind: MeetingKind
    starts_at: Moment
    place: Line = Field(default="", max_length=200)


class ViewsWanted(Strict):
    member_ids: list[UUID] = Field(min_length=1, max_length=20)
    due_on: date


class MemberViews(BaseModel):
    id: UUID
    name: str
    role_label: str
    asked: bool
    due_on: date | None
    #: Where their views are: not asked, asked, seen (they opened the request) or
    #: shared (something this practitioner may read).
    views: Literal["not_asked", "asked", "seen", "shared"]
    seen_at: datetime | None
    #: How many things they shared that this practitioner may read, for this meeting.
    shared_count: int


class MeetingDetail(MeetingSummary):
    circle_id: UUID
    members: list[MemberViews]
    #: Family members nobody has asked for their views: the team should ask itself why.
    not_asked: list[str]


class AskedForViews(BaseModel):
    """A request for views, as the person asked sees it on their home screen."""

    meeting: MeetingSummary
    asked_by: str | None
    due_on: date
    #: They shared something for this meeting (or since they were asked).
    answered: bool
