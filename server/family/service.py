"""What a family member sees when they open the app."""

from __future__ import annotations

from collections.abc import Callable

from server.auth.actor import Actor
from server.circles.models import TeamMember
from server.contributions.models import Audience, Contribution
from server.errors import Forbidden
from server.family.schemas import CircleSummary, ContributionCounts, FamilyHome, PersonSummary
from server.meetings.schemas import MeetingSummary
from server.meetings.service import upcoming
from server.organisations.models import AGENCY_LABELS
from server.sharing.policy import readable_contributions


async def home(actor: Actor, gettext: Callable[[str], str]) -> FamilyHome:
    member = actor.member
    if member is None:
        raise Forbidden()
    circle = await member.circle
    lead = await TeamMember.get_or_none(circle_id=circle.id, is_lead=True).select_related(
        "practitioner"
    )
    mine = Contribution.filter(await readable_contributions(actor), author_id=member.id)
    shared = mine.filter(withdrawn_at=None).exclude(audience=Audience.JUST_ME)
    return FamilyHome(
        name=member.name,
        role=member.role.value,
        circle=CircleSummary(name=circle.name),
        lead_practitioner=lead and PersonSummary(
            name=lead.practitioner.name,
            agency_label=gettext(AGENCY_LABELS[lead.practitioner.agency]),
        ),
        upcoming_meetings=[MeetingSummary.of(m, gettext) for m in await upcoming([circle.id])],
        contributions=ContributionCounts(total=await mine.count(), shared=await shared.count()),
    )
