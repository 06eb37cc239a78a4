"""What a family member is told about their own phones and codes: every code a
worker made for them, and every phone that joined as them (working WITH people
means they can see who could have got in)."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from server.auth.models import Device, Invitation
from server.circles.models import FamilyMember


class PhoneEvent(NamedTuple):
    at: datetime
    #: "code_made", "joined", "joined_fresh" or "signed_out"
    kind: str
    by: str


async def phone_events(member: FamilyMember) -> list[PhoneEvent]:
    events = [
        PhoneEvent(code.created_at, "code_made", code.created_by.name if code.created_by else "")
        for code in await Invitation.filter(member_id=member.id).select_related("created_by")
    ]
    phones = await Device.filter(member_id=member.id).order_by("created_at")
    for number, phone in enumerate(phones):
        # Joining again without the old secret number leaves earlier words locked.
        fresh = number > 0 and not phone.brought_earlier_words
        events.append(PhoneEvent(phone.created_at, "joined_fresh" if fresh else "joined", ""))
        if phone.revoked_at is not None:
            events.append(PhoneEvent(phone.revoked_at, "signed_out", ""))
    return sorted(events)
