"""What a closed circle still lets its family do.

Nobody on the team reads a closed circle any more (see sharing.policy), so new
words, answers and calls for help there would go nowhere: they are refused, and
say so. The family can still sign in, read their own words and plan, change or
stop sharing, delete drafts and download their data: all of that is theirs."""

from __future__ import annotations

from server.circles.errors import CircleClosed
from server.circles.models import Circle, FamilyMember


async def ensure_open(member: FamilyMember, refusal: type[CircleClosed] = CircleClosed) -> None:
    """Refuses a change that would only matter if someone on the team read it."""
    if await Circle.exists(id=member.circle_id, closed_at__isnull=False):
        raise refusal()
