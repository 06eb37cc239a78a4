"""The rules for check-ins after a meeting: a family member of the meeting's
circle answers once its time has passed (sending again replaces the answer);
a practitioner on the circle's team reflects on it; the team reads the check-ins
shared with them, through the one sharing policy, and each read is audited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from server.audit.service import record_reads
from server.auth.actor import Actor
from server.checkins import errors
from server.checkins.models import CheckIn, Reflection
from server.checkins.questions import Question, window
from server.checkins.schemas import (
    CheckInAnswer,
    CheckInDue,
    CheckInOut,
    Faces,
    MeetingCheckIns,
    ReflectionOut,
    SharedCheckIn,
)
from server.circles.access import team_place
from server.circles.closure import ensure_open
from server.circles.models import FamilyMember, who_they_are
from server.contributions.labels import AUDIENCE_LABELS
from server.errors import Forbidden, Invalid, NotFound
from server.meetings.models import MEETING_KIND_LABELS, Meeting
from server.sharing import family_words

#: How long after a meeting its check-in waits on the family's home.
ASKED_FOR = timedelta(days=30)
QUESTIONS = [question.value for question in Question]


def _faces(answer: Faces) -> dict[str, Any]:
    faces = {key: getattr(answer, key) for key in QUESTIONS}
    if all(value is None for value in faces.values()):
        raise Invalid.on("listened", errors.ANSWER_ONE)
    values = {key: None if value is None else int(value) for key, value in faces.items()}
    return {**values, "window": window({Question(k): v for k, v in values.items()})}


async def _passed_meeting(meeting_id: UUID, circle_id: UUID | None = None) -> Meeting:
    meeting = await Meeting.get_or_none(id=meeting_id)
    if meeting is None or (circle_id is not None and meeting.circle_id != circle_id):
        raise NotFound()
    if meeting.starts_at > datetime.now(UTC):
        raise errors.NotYet()
    return meeting


def _member(actor: Actor) -> FamilyMember:
    if actor.member is None:
        raise Forbidden()
    return actor.member


async def check_in(actor: Actor, meeting_id: UUID, answer: CheckInAnswer) -> CheckIn:
    """Saves (or replaces) this family member's check-in for a meeting of their circle."""
    member = _member(actor)
    meeting = await _passed_meeting(meeting_id, member.circle_id)
    await ensure_open(member)
    values = {
        **_faces(answer),
        "anything_else": answer.anything_else.strip(),
        "audience": answer.audience,
        "circle_id": meeting.circle_id,
    }
    return await family_words.save_check_in(actor, meeting.id, values)


def _answers(item: CheckIn) -> dict[str, Any]:
    """The faces picked for each question, and anything else they said."""
    return {key: getattr(item, key) for key in [*QUESTIONS, "anything_else"]}


def shown(item: CheckIn, gettext: Callable[[str], str]) -> CheckInOut:
    return CheckInOut(
        meeting_id=item.meeting_id,
        **_answers(item),
        audience=item.audience,
        audience_label=gettext(AUDIENCE_LABELS[item.audience]),
        updated_at=item.updated_at,
    )


async def due(actor: Actor, gettext: Callable[[str], str]) -> list[CheckInDue]:
    """Meetings of their circle in the last 30 days, since they were added, each
    with their check-in if they answered: "How was it for you?" on their home."""
    member = _member(actor)
    now = datetime.now(UTC)
    meetings = await Meeting.filter(
        circle_id=member.circle_id,
        starts_at__lte=now,
        starts_at__gte=max(now - ASKED_FOR, member.created_at),
    ).order_by("-starts_at")
    mine = {
        item.meeting_id: item
        for item in await family_words.own_check_ins(actor).filter(
            meeting_id__in=[m.id for m in meetings]
        )
    }
    return [
        CheckInDue(
            meeting_id=meeting.id,
            kind_label=gettext(MEETING_KIND_LABELS[meeting.kind]),
            starts_at=meeting.starts_at,
            mine=shown(mine[meeting.id], gettext) if meeting.id in mine else None,
        )
        for meeting in meetings
    ]


def _reflection(item: Reflection) -> ReflectionOut:
    return ReflectionOut(
        meeting_id=item.meeting_id,
        listened=item.listened,
        helped_decide=item.helped_decide,
        told_honestly=item.told_honestly,
        got_help=item.got_help,
        window=item.window,
    )


async def reflect(actor: Actor, meeting_id: UUID, answer: Faces) -> ReflectionOut:
    """A practitioner on the circle's team reflects on a meeting that has happened."""
    meeting = await Meeting.get_or_none(id=meeting_id)
    if meeting is None:
        raise NotFound()
    place = await team_place(actor, meeting.circle_id)
    await _passed_meeting(meeting_id)
    saved, _ = await Reflection.update_or_create(
        _faces(answer), meeting_id=meeting.id, practitioner_id=place.practitioner_id
    )
    return _reflection(saved)


async def for_team(
    actor: Actor, meeting_id: UUID, gettext: Callable[[str], str]
) -> MeetingCheckIns:
    """My reflection, and the check-ins shared with me (each read audited)."""
    meeting = await Meeting.get_or_none(id=meeting_id)
    if meeting is None:
        raise NotFound()
    place = await team_place(actor, meeting.circle_id)
    mine = await Reflection.get_or_none(
        meeting_id=meeting.id, practitioner_id=place.practitioner_id
    )
    shared = (
        await (await family_words.readable_check_ins(actor))
        .filter(meeting_id=meeting.id)
        .select_related("member")
        .order_by("updated_at")
    )
    await record_reads(
        "check_ins_read",
        place.practitioner_id,
        [(item.circle_id, item.id) for item in shared],
        "CheckIn",
    )
    return MeetingCheckIns(
        my_reflection=None if mine is None else _reflection(mine),
        shared_with_me=[
            SharedCheckIn(
                name=item.member.name,
                role_label=who_they_are(item.member.role, item.member.age_band, gettext),
                **_answers(item),
                audience_label=gettext(AUDIENCE_LABELS[item.audience]),
                updated_at=item.updated_at,
            )
            for item in shared
        ],
    )
