"""What a practitioner sees first: the circles they are on."""

from __future__ import annotations

from collections.abc import Callable

from tortoise.functions import Count

from server.audit.service import record
from server.auth.actor import Actor
from server.auth.secrets import hash_secret
from server.circles.models import Circle, TeamMember
from server.errors import Forbidden
from server.meetings.schemas import MeetingSummary
from server.meetings.service import upcoming
from server.organisations.models import AGENCY_LABELS, Practitioner
from server.practitioners import invitations
from server.practitioners.schemas import CircleCard, PractitionerHome


async def home(actor: Actor, gettext: Callable[[str], str]) -> PractitionerHome:
    practitioner = actor.practitioner
    if practitioner is None:
        raise Forbidden()
    places = {
        place.circle_id: place.is_lead
        for place in await TeamMember.filter(practitioner=practitioner, circle__closed_at=None)
    }
    circles = (
        await Circle.filter(id__in=list(places))
        .annotate(member_count=Count("members"))
        .order_by("name")
        if places
        else []
    )
    next_meeting = {}
    for meeting in reversed(await upcoming(list(places))):
        next_meeting[meeting.circle_id] = meeting
    return PractitionerHome(
        name=practitioner.name,
        agency_label=gettext(AGENCY_LABELS[practitioner.agency]),
        circles=[
            CircleCard(
                id=str(circle.id),
                name=circle.name,
                is_lead=places[circle.id],
                member_count=circle.member_count,  # type: ignore[attr-defined]  # from .annotate()
                next_meeting=(
                    MeetingSummary.of(next_meeting[circle.id], gettext)
                    if circle.id in next_meeting
                    else None
                ),
            )
            for circle in circles
        ],
    )


async def set_password(token: str, password: str) -> Practitioner:
    """The one-time link is used up and the new password kept (as a hash)."""
    await invitations.practitioner_for_invitation(token)  # refuses before the slow hash
    password_hash = await hash_secret(password)
    practitioner = await invitations.redeem_invitation(token)
    practitioner.password_hash = password_hash
    await practitioner.save(update_fields=["password_hash"])
    await record("password_set", practitioner=practitioner)
    return practitioner
