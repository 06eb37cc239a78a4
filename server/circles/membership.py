"""Taking people out of a circle, by its lead or the lead's manager. Access
ends at once: a family member's phones and sessions end, and a practitioner is
no longer on the team that every circle route checks."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from server.audit.service import record
from server.auth.actor import Actor
from server.auth.models import Invitation
from server.auth.service import retire_devices
from server.circles.access import governs
from server.circles.errors import LastLead
from server.circles.models import FamilyMember, TeamMember
from server.errors import NotFound
from server.notifications.models import PushSubscription


async def remove_member(actor: Actor, circle_id: UUID, member_id: UUID) -> None:
    """Their words stay as they were shared; they can no longer sign in or be
    invited, and nothing more is sent to them."""
    await governs(actor, circle_id)
    member = await FamilyMember.get_or_none(id=member_id, circle_id=circle_id, removed_at=None)
    if member is None:
        raise NotFound()
    now = datetime.now(UTC)
    member.removed_at = now
    await member.save(update_fields=["removed_at"])
    await Invitation.filter(member=member, redeemed_at=None).update(expires_at=now)
    await retire_devices(member)
    await PushSubscription.filter(member=member).delete()
    await record(
        "member_removed", practitioner=actor.practitioner, circle_id=circle_id, subject=member
    )


async def remove_teammate(actor: Actor, circle_id: UUID, practitioner_id: UUID) -> None:
    """The lead stays until someone else is named lead: an open circle always
    has one."""
    await governs(actor, circle_id)
    place = await TeamMember.get_or_none(
        circle_id=circle_id, practitioner_id=practitioner_id
    ).select_related("practitioner")
    if place is None:
        raise NotFound()
    if place.is_lead:
        raise LastLead()
    await place.delete()
    await record(
        "teammate_removed",
        practitioner=actor.practitioner,
        circle_id=circle_id,
        subject=place.practitioner,
    )
