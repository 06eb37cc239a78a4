"""Who is on a circle's team: the door every practitioner route about a circle
goes through. To anyone else a circle is simply not found."""

from __future__ import annotations

from uuid import UUID

from server.auth.actor import Actor
from server.circles.models import TeamMember
from server.errors import NotFound


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
