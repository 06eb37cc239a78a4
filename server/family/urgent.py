"""'I need to talk to someone now': sent with one tap, waiting on the screens of
those told until one of them acknowledges it, and the young person told who has
seen it. The lead is always told; the whole team too when they chose "my meeting"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from uuid import UUID

from tortoise.expressions import Q

from server.audit.service import record
from server.auth.actor import Actor
from server.circles.closure import ensure_open
from server.circles.errors import CallInstead
from server.circles.models import TeamMember, who_they_are
from server.errors import Forbidden, NotFound
from server.family.models import UrgentRequest
from server.family.schemas import UrgentShown, UrgentWaiting, UrgentWaitingList
from server.notifications import triggers
from server.notifications.service import notify
from server.organisations.models import Practitioner
from server.settings import Settings

#: Taps within this time are the same call for help, not new ones.
URGENT_REPEAT = timedelta(minutes=10)
#: How long the young person's home keeps showing their last call for help.
SHOWN_FOR = timedelta(days=7)


async def need_to_talk(actor: Actor, *, for_my_meeting: bool = False) -> UrgentRequest:
    member = actor.member
    if member is None:
        raise Forbidden()
    await ensure_open(member, refusal=CallInstead)
    request = await UrgentRequest.filter(
        member_id=member.id,
        acknowledged_at=None,
        created_at__gte=datetime.now(UTC) - URGENT_REPEAT,
    ).first()
    if request is None:
        request = await UrgentRequest.create(member_id=member.id, circle_id=member.circle_id)
        await record("urgent_request", member=member, circle_id=member.circle_id, subject=request)
        await triggers.need_to_talk(member.circle_id, request.id)
    if for_my_meeting and not request.for_my_meeting:
        request.for_my_meeting = True
        await request.save(update_fields=["for_my_meeting"])
        await triggers.need_to_talk_team(member.circle_id, request.id)
    return request


def _told(practitioner: Practitioner) -> Q:
    """The requests this practitioner is told of: as lead, or on the team of a
    circle whose young person chose "my meeting"; never in a closed circle."""
    on_team = Q(circle__team__practitioner_id=practitioner.id, circle__closed_at=None)
    return on_team & (Q(circle__team__is_lead=True) | Q(for_my_meeting=True))


async def waiting(actor: Actor, gettext: Callable[[str], str]) -> UrgentWaitingList:
    if actor.practitioner is None:
        raise Forbidden()
    requests = (
        await UrgentRequest.filter(_told(actor.practitioner), acknowledged_at=None)
        .distinct()
        .select_related("member", "circle")
        .order_by("created_at")
    )
    return UrgentWaitingList(
        waiting=[
            UrgentWaiting(
                id=r.id,
                name=r.member.name,
                role_label=who_they_are(r.member.role, r.member.age_band, gettext),
                circle_id=r.circle_id,
                circle_name=r.circle.name,
                at=r.created_at,
                for_my_meeting=r.for_my_meeting,
            )
            for r in requests
        ]
    )


async def acknowledge(actor: Actor, urgent_id: UUID) -> UrgentRequest:
    """ "I've seen this — I'll call you today". The first to acknowledge is the one
    the young person is told of; acknowledging again changes nothing."""
    if actor.practitioner is None:
        raise NotFound()
    request = (
        await UrgentRequest.filter(_told(actor.practitioner), id=urgent_id)
        .select_related("member")
        .first()
    )
    if request is None:
        raise NotFound()
    if request.acknowledged_at is None:
        request.acknowledged_at = datetime.now(UTC)
        request.acknowledged_by = actor.practitioner
        await request.save(update_fields=["acknowledged_at", "acknowledged_by_id"])
        await record(
            "urgent_acknowledged",
            practitioner=actor.practitioner,
            circle_id=request.circle_id,
            subject=request,
        )
        await notify(request.member, "urgent_seen", key=f"urgent-seen:{request.id}")
    return request


async def latest_for(member_id: UUID) -> UrgentShown | None:
    """Their last call for help this week, and who has seen it (if anyone yet)."""
    request = (
        await UrgentRequest.filter(
            member_id=member_id, created_at__gte=datetime.now(UTC) - SHOWN_FOR
        )
        .select_related("acknowledged_by")
        .order_by("-created_at")
        .first()
    )
    if request is None:
        return None
    return UrgentShown(
        sent_at=request.created_at,
        acknowledged_at=request.acknowledged_at,
        acknowledged_by=request.acknowledged_by.name if request.acknowledged_by else None,
    )


async def who_to_tell_when_overdue(request: UrgentRequest) -> list[Practitioner]:
    """Who hears of a call for help nobody acknowledged in time. For now the lead
    (again); escalation to the lead's manager and the team's duty contact joins here."""
    lead = await TeamMember.get_or_none(
        circle_id=request.circle_id, is_lead=True, circle__closed_at=None
    ).select_related("practitioner")
    return [lead.practitioner] if lead is not None else []


async def overdue(
    settings: Settings, now: datetime
) -> list[tuple[UrgentRequest, list[Practitioner]]]:
    """Calls for help left unacknowledged longer than the setting, with who to tell."""
    since = now - timedelta(minutes=settings.urgent_acknowledge_minutes)
    late = await UrgentRequest.filter(
        acknowledged_at=None, created_at__lt=since, circle__closed_at=None
    ).order_by("created_at")
    return [(request, await who_to_tell_when_overdue(request)) for request in late]
