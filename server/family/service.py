"""A family member's own space: their home, their choices about the app, and
asking for help now."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from server.auth.actor import Actor
from server.checkins.service import due
from server.circles.models import Circle, FamilyMember, TeamMember
from server.contributions.labels import KIND_LABELS, scale_question_text
from server.contributions.schemas import SharedItem, SharedList
from server.errors import Forbidden
from server.family.schemas import (
    CircleSummary,
    ContributionCounts,
    FamilyHome,
    Joined,
    PersonSummary,
)
from server.family.urgent import latest_for
from server.meetings.schemas import MeetingSummary
from server.meetings.service import asked_of, upcoming
from server.organisations.models import AGENCY_LABELS
from server.sharing import family_words


def _member(actor: Actor) -> FamilyMember:
    if actor.member is None:
        raise Forbidden()
    return actor.member


def joined_from_other_organisations(
    circle: Circle, team: list[TeamMember], gettext: Callable[[str], str]
) -> list[Joined]:
    """Colleagues from other agencies on the team, so the family knows who joined."""
    return [
        Joined(
            name=place.practitioner.name,
            agency_label=gettext(AGENCY_LABELS[place.practitioner.agency]),
            joined_at=place.added_at,
        )
        for place in sorted(team, key=lambda place: place.added_at, reverse=True)
        if place.practitioner.organisation_id != circle.organisation_id
    ]


async def home(actor: Actor, gettext: Callable[[str], str]) -> FamilyHome:
    member = _member(actor)
    circle = await member.circle
    # The whole team in one query (a handful of people): the lead, and who joined.
    team = await TeamMember.filter(circle_id=circle.id).select_related("practitioner")
    lead = next((place for place in team if place.is_lead), None)
    total, shared = await family_words.own_counts(actor)
    return FamilyHome(
        name=member.name,
        role=member.role.value,
        is_carer=member.role.is_carer,
        simple_mode=member.simple_mode,
        sharing_explained=member.sharing_explained_at is not None,
        circle=CircleSummary(name=circle.name, closed_at=circle.closed_at),
        lead_practitioner=None
        if lead is None
        else PersonSummary(
            name=lead.practitioner.name,
            agency_label=gettext(AGENCY_LABELS[lead.practitioner.agency]),
        ),
        joined_from_other_organisations=joined_from_other_organisations(circle, team, gettext),
        upcoming_meetings=[MeetingSummary.of(m, gettext) for m in await upcoming([circle.id])],
        view_requests=await asked_of(member, gettext),
        check_ins=await due(actor, gettext),
        contributions=ContributionCounts(total=total, shared=shared),
        urgent=await latest_for(member.id),
    )


async def sharing_explained(actor: Actor) -> None:
    member = _member(actor)
    member.sharing_explained_at = datetime.now(UTC)
    await member.save(update_fields=["sharing_explained_at"])


async def choose_simple_mode(actor: Actor, simple_mode: bool) -> None:
    """Only the person themself (or their worker) picks their mode: a carer's
    session is another member's, so it cannot reach this for a child."""
    member = _member(actor)
    member.simple_mode = simple_mode
    await member.save(update_fields=["simple_mode"])


async def shared_with_me(actor: Actor, gettext: Callable[[str], str]) -> SharedList:
    member = _member(actor)
    items = (
        await (await family_words.readable(actor))
        .exclude(author_id=member.id)
        .select_related("author")
        .order_by("-created_at")
    )
    return SharedList(
        items=[
            SharedItem(
                id=item.id,
                author_name=item.author.name,
                kind=item.kind,
                kind_label=gettext(KIND_LABELS[item.kind]),
                text=item.text,
                scale_question=scale_question_text(item.scale_question, gettext),
                scale_value=item.scale_value,
                created_at=item.created_at,
            )
            for item in items
        ]
    )
