"""What a team manager oversees in their teams' circles (the circles whose lead
works in a team they manage): disagreements escalated to them and waiting for
their answer, calls for help nobody acknowledged in time, and meetings where a
family member was never asked for their views. Family words appear only where
the sharing policy lets the manager read them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from uuid import UUID

from server.auth.actor import Actor
from server.circles.models import Circle, FamilyMember, TeamMember, who_they_are
from server.family.models import UrgentRequest
from server.meetings.models import Meeting, ViewRequest
from server.organisations.models import Practitioner, Team
from server.organisations.permissions import Action, require
from server.oversight.schemas import (
    Escalation,
    NeverAsked,
    Overdue,
    Oversight,
    Person,
    TeamOversight,
)
from server.plans.answers import shown
from server.plans.labels import ANSWER_LABELS, SECTION_LABELS
from server.plans.models import PlanItem
from server.settings import Settings
from server.sharing import family_words

Gettext = Callable[[str], str]
#: How far back a meeting counts for "never asked".
LOOK_BACK = timedelta(days=90)


class Circles:
    """The manager's teams' open circles, each with its lead's name."""

    def __init__(self, circles: dict[UUID, Circle], leads: dict[UUID, str]) -> None:
        self.by_id = circles
        self.leads = leads

    @classmethod
    async def of(cls, manager: Practitioner) -> tuple[list[Team], Circles]:
        teams = await Team.filter(manager_id=manager.id).order_by("name")
        places = await TeamMember.filter(
            is_lead=True,
            practitioner__team_id__in=[team.id for team in teams],
            circle__closed_at=None,
        ).select_related("circle", "practitioner")
        return teams, cls(
            {place.circle_id: place.circle for place in places},
            {place.circle_id: place.practitioner.name for place in places},
        )


async def _escalations(actor: Actor, circles: Circles, gettext: Gettext) -> list[Escalation]:
    waiting = (
        await family_words.escalations_waiting(circles.by_id)
        .select_related("member")
        .order_by("escalated_at")
    )
    items = {item.id: item for item in await PlanItem.filter(id__in=[a.item_id for a in waiting])}
    outs = await shown(actor, waiting, gettext)
    return [
        Escalation(
            answer_id=answer.id,
            circle_id=answer.member.circle_id,
            circle_name=circles.by_id[answer.member.circle_id].name,
            lead_name=circles.leads.get(answer.member.circle_id),
            member_name=answer.member.name,
            role_label=who_they_are(answer.member.role, answer.member.age_band, gettext),
            section_label=gettext(SECTION_LABELS[items[answer.item_id].section]),
            item_text=items[answer.item_id].text
            if items[answer.item_id].source_id is None
            else None,
            answer_label=gettext(ANSWER_LABELS[answer.answer]),
            comment=out.comment,
            comment_for=out.comment_for,
            response=answer.response,
            escalated_at=answer.escalated_at,
        )
        for answer, out in zip(waiting, outs, strict=True)
        if answer.escalated_at is not None
    ]


async def _teams(teams: list[Team]) -> list[TeamOversight]:
    people = await Practitioner.filter(
        team_id__in=[team.id for team in teams], is_active=True
    ).order_by("name")
    return [
        TeamOversight(
            id=team.id,
            name=team.name,
            duty_contact_id=team.duty_contact_id,
            people=[Person(id=p.id, name=p.name) for p in people if p.team_id == team.id],
        )
        for team in teams
    ]


async def _overdue(circles: Circles, since: datetime, gettext: Gettext) -> list[Overdue]:
    late = (
        await UrgentRequest.filter(
            circle_id__in=list(circles.by_id), acknowledged_at=None, created_at__lt=since
        )
        .select_related("member")
        .order_by("created_at")
    )
    return [
        Overdue(
            urgent_id=r.id,
            circle_id=r.circle_id,
            circle_name=circles.by_id[r.circle_id].name,
            lead_name=circles.leads.get(r.circle_id),
            member_name=r.member.name,
            role_label=who_they_are(r.member.role, r.member.age_band, gettext),
            at=r.created_at,
        )
        for r in late
    ]


async def _never_asked(circles: Circles, now: datetime) -> list[NeverAsked]:
    """Meetings held lately where someone in the family was never asked for
    their views (only those in the circle before the meeting)."""
    held = await Meeting.filter(
        circle_id__in=list(circles.by_id),
        starts_at__lt=now,
        starts_at__gte=now - LOOK_BACK,
    ).order_by("-starts_at")
    members = await FamilyMember.filter(circle_id__in=list(circles.by_id), removed_at=None)
    asked = set(
        await ViewRequest.filter(meeting_id__in=[m.id for m in held]).values_list(
            "meeting_id", "member_id"
        )
    )
    found = []
    for meeting in held:
        names = sorted(
            m.name
            for m in members
            if m.circle_id == meeting.circle_id
            and m.created_at < meeting.starts_at
            and (meeting.id, m.id) not in asked
        )
        if names:
            found.append(
                NeverAsked(
                    circle_id=meeting.circle_id,
                    circle_name=circles.by_id[meeting.circle_id].name,
                    lead_name=circles.leads.get(meeting.circle_id),
                    meeting_id=meeting.id,
                    meeting_at=meeting.starts_at,
                    never_asked=names,
                )
            )
    return found


async def oversight(actor: Actor, settings: Settings, gettext: Gettext) -> Oversight:
    manager = require(actor, Action.OVERSEE)
    teams, circles = await Circles.of(manager)
    now = datetime.now(UTC)
    minutes = settings.urgent_acknowledge_minutes
    return Oversight(
        teams=await _teams(teams),
        escalations=await _escalations(actor, circles, gettext),
        overdue_minutes=minutes,
        overdue=await _overdue(circles, now - timedelta(minutes=minutes), gettext),
        never_asked=await _never_asked(circles, now),
    )
