from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from pydantic import BaseModel

from server.meetings.models import MEETING_KIND_LABELS, Meeting


class MeetingSummary(BaseModel):
    id: str
    kind: str
    kind_label: str
    starts_at: datetime
    place: str

    @classmethod
    def of(cls, meeting: Meeting, gettext: Callable[[str], str]) -> MeetingSummary:
        return cls(
            id=str(meeting.id), kind=meeting.kind.value,
            kind_label=gettext(MEETING_KIND_LABELS[meeting.kind]),
            starts_at=meeting.starts_at, place=meeting.place,
        )
