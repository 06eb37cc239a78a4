"""A circle's members, as its team manages them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from uuid import UUID

from server.audit.service import record
from server.auth.actor import Actor
from server.auth.service import invite
from server.circles.models import FamilyMember
from server.circles.schemas import InvitationMade
from server.contributions.circle_voice import team_place
from server.errors import NotFound
from server.settings import Settings


async def reinvite(actor: Actor, circle_id: UUID, member_id: UUID,
                   settings: Settings) -> InvitationMade:
    """A new single-use code for a member of this circle (a new phone, a forgotten
    PIN): earlier unused codes stop working, and redeeming it retires old phones."""
    await team_place(actor, circle_id)
    member = await FamilyMember.get_or_none(id=member_id, circle_id=circle_id)
    if member is None:
        raise NotFound()
    code = await invite(settings.secret_key, member, hours=settings.invitation_hours,
                        by=actor.practitioner)
    await record("invited", practitioner=actor.practitioner, circle_id=circle_id, subject=member)
    return InvitationMade(
        code=code, link=f"{settings.base_url}/#/join/{code}",
        expires_at=datetime.now(timezone.utc) + timedelta(hours=settings.invitation_hours),
    )
