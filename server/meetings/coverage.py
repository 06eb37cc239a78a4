"""Voice coverage of one meeting: facts computed from the records, never typed in.

The meeting's *run-up* is the time since the circle's previous meeting (or since
the circle began) until this one starts. For the run-up it counts:
- each family member: asked for their views or not, how many whole days before
  the meeting they were asked, and whether they shared something for it;
- how many plan items quote family words by the meeting (and the young person's);
- disagreements with the plan raised, and how many the team answered;
- calls for help ("I need to talk to someone now"), how many were acknowledged,
  and the longest wait in minutes for those acknowledged.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from pydantic import BaseModel

from server.auth.actor import Actor
from server.circles.models import FamilyMember, FamilyRole, who_they_are
from server.family.models import UrgentRequest
from server.meetings.models import Meeting, ViewRequest
from server.meetings.service import meeting_for_team
from server.sharing import family_words

YOUNG = (FamilyRole.YOUNG_PERSON.value, FamilyRole.CHILD.value)


class MemberCoverage(BaseModel):
    name: str
    role_label: str
    #: Whole days between being asked and the meeting; None: never asked.
    asked_days_before: int | None
    shared: bool


class VoiceCoverage(BaseModel):
    meeting_id: UUID
    members: list[MemberCoverage]
    family_words_in_plan: int
    young_peoples_words_in_plan: int
    disagreements_raised: int
    disagreements_answered: int
    urgent_requests: int
    urgent_acknowledged: int
    longest_minutes_to_acknowledge: int | None


async def _run_up_start(meeting: Meeting) -> datetime | None:
    before = (
        await Meeting.filter(circle_id=meeting.circle_id, starts_at__lt=meeting.starts_at)
        .order_by("-starts_at")
        .first()
    )
    return None if before is None else before.starts_at


async def coverage(actor: Actor, meeting_id: UUID, gettext: Callable[[str], str]) -> VoiceCoverage:
    meeting = await meeting_for_team(actor, meeting_id)
    since, until = await _run_up_start(meeting), meeting.starts_at
    members = await FamilyMember.filter(circle_id=meeting.circle_id, created_at__lt=until).order_by(
        "created_at"
    )
    asked = {r.member_id: r for r in await ViewRequest.filter(meeting_id=meeting.id)}
    shared = await family_words.shared_counts(meeting.circle_id, meeting.id, since, until)
    quoted = await family_words.quoted_in_plan(meeting.circle_id, until)
    raised, answered = await family_words.disagreements(meeting.circle_id, since, until)
    urgent = UrgentRequest.filter(circle_id=meeting.circle_id, created_at__lt=until)
    if since is not None:
        urgent = urgent.filter(created_at__gte=since)
    calls = await urgent.values_list("created_at", "acknowledged_at")
    waits = [(seen - sent).total_seconds() // 60 for sent, seen in calls if seen is not None]
    return VoiceCoverage(
        meeting_id=meeting.id,
        members=[
            MemberCoverage(
                name=m.name,
                role_label=who_they_are(m.role, m.age_band, gettext),
                asked_days_before=(until - asked[m.id].created_at).days if m.id in asked else None,
                shared=shared.get(m.id, 0) > 0,
            )
            for m in members
        ],
        family_words_in_plan=sum(quoted.values()),
        young_peoples_words_in_plan=sum(quoted.get(role, 0) for role in YOUNG),
        disagreements_raised=raised,
        disagreements_answered=answered,
        urgent_requests=len(calls),
        urgent_acknowledged=len(waits),
        longest_minutes_to_acknowledge=int(max(waits)) if waits else None,
    )
