from __future__ import annotations

from pydantic import BaseModel

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
