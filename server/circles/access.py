"""Who is on a circle's team: the door every practitioner route about a circle
goes through. To anyone else a circle is simply not found."""

from __future__ import annotations

from uuid import UUID

from server.auth.actor import Actor
from server.circles.errors import LeadOrManagerOnly
from server.circles.models import TeamMember
from server.errors import NotFound
from server.organisations.models import Practitioner


async def team_place(actor: Actor, circle_id: UUID, include_closed: bool = False) -> TeamMember:
    """The practitioner's place on this (open) circle's team; to anyone else, not found."""
    if actor.practitioner is None:
        raise NotFound()
    place = await TeamMember.get_or_none(
        circle_id=circle_id,
        practitioner_id=actor.practitioner.id,
        **({} if include_closed else {"circle__closed_at": None}),
    )
    if place is None:
        raise NotFound()
    return place


async def manages_teammate(practitioner: Practitioner, circle_id: UUID) -> bool:
    """Whether they manage the team of anyone on this circle's team: a manager
    oversees their team's circles (which show names, never family words)."""
    return await TeamMember.exists(
        circle_id=circle_id, practitioner__team__manager_id=practitioner.id
    )


async def manages_lead(practitioner: Practitioner, circle_id: UUID) -> bool:
    """Whether they manage the team of this open circle's lead practitioner."""
    return await TeamMember.exists(
        circle_id=circle_id,
        circle__closed_at=None,
        is_lead=True,
        practitioner__team__manager_id=practitioner.id,
    )


async def governs(actor: Actor, circle_id: UUID) -> TeamMember | None:
    """Only the lead, or the lead's manager, changes who is in an open circle and
    publishes its plan. Another teammate is told so; anyone else, not found.
    Returns the actor's place on the team (a manager may have none)."""
    if actor.practitioner is None:
        raise NotFound()
    place = await TeamMember.get_or_none(
        circle_id=circle_id, practitioner_id=actor.practitioner.id, circle__closed_at=None
    )
    if place is not None and place.is_lead:
        return place
    if await manages_lead(actor.practitioner, circle_id):
        return place
    if place is not None:
        raise LeadOrManagerOnly()
    raise NotFound()
