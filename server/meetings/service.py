"""Meetings: scheduled by the team, prepared by asking the family for their views."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Literal
from uuid import UUID

from tortoise.expressions import Q

from server.audit.service import record
from server.auth.actor import Actor
from server.circles.access import team_place
from server.circles.models import FamilyMember, who_they_are
from server.errors import Invalid, NotFound
from server.meetings import errors
from server.meetings.models import MEETING_KIND_LABELS, Meeting, ViewRequest
from server.meetings.schemas import (
    AskedForViews,
    MeetingDetail,
    MeetingNew,
    MeetingSummary,
    MemberViews,
    ViewsWanted,
)
from server.notifications import triggers
from server.sharing import family_words


async def upcoming(circle_ids: list[UUID]) -> list[Meeting]:
    """Meetings still to come in these circles, soonest first."""
    if not circle_ids:
        return []
    return await Meeting.filter(
        circle_id__in=circle_ids, starts_at__gte=datetime.now(UTC)
    ).order_by("starts_at")


async def schedule(actor: Actor, circle_id: UUID, new: MeetingNew) -> Meeting:
    await team_place(actor, circle_id)
    if new.starts_at <= datetime.now(UTC):
        raise Invalid.on("starts_at", errors.MEETING_IN_PAST)
    meeting = await Meeting.create(
        circle_id=circle_id,
        kind=new.kind,
        starts_at=new.starts_at,
        place=new.place.strip(),
        created_by=actor.practitioner,
    )
    await record(
        "meeting_scheduled", practitioner=actor.practitioner, circle_id=circle_id, subject=meeting
    )
    await triggers.meeting_scheduled(meeting)
    return meeting


async def meeting_for_team(actor: Actor, meeting_id: UUID) -> Meeting:
    meeting = await Meeting.get_or_none(id=meeting_id)
    if meeting is None:
        raise NotFound()
    await team_place(actor, meeting.circle_id)
    return meeting


async def request_views(actor: Actor, meeting_id: UUID, wanted: ViewsWanted) -> Meeting:
    """Ask chosen family members for their views, by a date before the meeting."""
    meeting = await meeting_for_team(actor, meeting_id)
    if wanted.due_on < date.today():
        raise Invalid.on("due_on", errors.DUE_IN_PAST)
    if wanted.due_on > meeting.starts_at.date():
        raise Invalid.on("due_on", errors.DUE_AFTER_MEETING)
    members = await FamilyMember.filter(
        id__in=wanted.member_ids, circle_id=meeting.circle_id, removed_at=None
    )
    if len(members) != len(set(wanted.member_ids)):
        raise Invalid.on("member_ids", errors.NOT_IN_CIRCLE)
    for member in members:
        request, created = await ViewRequest.get_or_create(
            meeting=meeting,
            member=member,
            defaults={"due_on": wanted.due_on, "requested_by": actor.practitioner},
        )
        if not created:
            request.due_on = wanted.due_on
            await request.save(update_fields=["due_on"])
    await record(
        "views_requested",
        practitioner=actor.practitioner,
        circle_id=meeting.circle_id,
        subject=meeting,
    )
    await triggers.views_requested(meeting, members)
    return meeting


async def detail(actor: Actor, meeting_id: UUID, gettext: Callable[[str], str]) -> MeetingDetail:
    meeting = await meeting_for_team(actor, meeting_id)
    members = await FamilyMember.filter(circle_id=meeting.circle_id, removed_at=None).order_by(
        "created_at"
    )
    asked = {r.member_id: r for r in await ViewRequest.filter(meeting_id=meeting.id)}
    # Shared for this meeting, or (for no meeting in particular) since they were asked;
    # only what this practitioner may read counts, so drafts stay invisible.
    shared = (
        await (await family_words.readable(actor))
        .filter(
            circle_id=meeting.circle_id,
        )
        .filter(Q(meeting_id=meeting.id) | Q(meeting_id=None))
        .values("author_id", "meeting_id", "created_at")
    )
    counts: dict[UUID, int] = {}
    for row in shared:
        request = asked.get(row["author_id"])
        for_this = row["meeting_id"] is not None or (
            request and row["created_at"] >= request.created_at
        )
        if for_this:
            counts[row["author_id"]] = counts.get(row["author_id"], 0) + 1
    return MeetingDetail(
        id=str(meeting.id),
        kind=meeting.kind.value,
        kind_label=gettext(MEETING_KIND_LABELS[meeting.kind]),
        starts_at=meeting.starts_at,
        place=meeting.place,
        circle_id=meeting.circle_id,
        members=[
            MemberViews(
                id=m.id,
                name=m.name,
                role_label=who_they_are(m.role, m.age_band, gettext),
                asked=m.id in asked,
                due_on=asked[m.id].due_on if m.id in asked else None,
                views=_views(asked.get(m.id), counts.get(m.id, 0)),
                seen_at=asked[m.id].seen_at if m.id in asked else None,
                shared_count=counts.get(m.id, 0),
            )
            for m in members
        ],
        not_asked=[m.name for m in members if m.id not in asked],
    )


def _views(
    request: ViewRequest | None, shared: int
) -> Literal["not_asked", "asked", "seen", "shared"]:
    if shared:
        return "shared"
    if request is None:
        return "not_asked"
    return "seen" if request.seen_at is not None else "asked"


async def asked_of(member: FamilyMember, gettext: Callable[[str], str]) -> list[AskedForViews]:
    """The requests for views of meetings still to come that this person sees on
    their home screen; showing them is what marks them seen."""
    requests = (
        await ViewRequest.filter(member_id=member.id, meeting__starts_at__gte=datetime.now(UTC))
        .select_related("meeting", "requested_by")
        .order_by("due_on")
    )
    unseen = [r.id for r in requests if r.seen_at is None]
    if unseen:
        await ViewRequest.filter(id__in=unseen).update(seen_at=datetime.now(UTC))
    answered = await family_words.meetings_answered(
        member.id, {r.meeting_id: r.created_at for r in requests}
    )
    return [
        AskedForViews(
            meeting=MeetingSummary.of(r.meeting, gettext),
            asked_by=r.requested_by.name if r.requested_by else None,
            due_on=r.due_on,
            answered=r.meeting_id in answered,
        )
        for r in requests
    ]
