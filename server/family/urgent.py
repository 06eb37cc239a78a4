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
from server.email.service import queue_email
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
    circle whose young person chose "my meeting"; once nobody acknowledged it in
    time, as manager or duty contact of the lead's team. Never in a closed circle."""
    on_team = Q(circle__team__practitioner_id=practitioner.id)
    overdue_for_me = Q(overdue_told_at__isnull=False, circle__team__is_lead=True) & (
        Q(circle__team__practitioner__team__manager_id=practitioner.id)
        | Q(circle__team__practitioner__team__duty_contact_id=practitioner.id)
    )
    told = (on_team & (Q(circle__team__is_lead=True) | Q(for_my_meeting=True))) | overdue_for_me
    return Q(circle__closed_at=None) & told


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
    """Who hears of a call for help nobody acknowledged in time: the manager of
    the lead's team and the team's duty contact; the lead again when neither is
    named, so somebody always is."""
    lead = await TeamMember.get_or_none(
        circle_id=request.circle_id, is_lead=True, circle__closed_at=None
    ).select_related("practitioner__team__manager", "practitioner__team__duty_contact")
    if lead is None:
        return []
    team = lead.practitioner.team
    named = [team.manager, team.duty_contact] if team is not None else []
    told = {p.id: p for p in named if p is not None and p.is_active}
    return list(told.values()) or [lead.practitioner]


async def overdue(
    settings: Settings, now: datetime
) -> list[tuple[UrgentRequest, list[Practitioner]]]:
    """Calls for help left unacknowledged longer than the setting, not told of
    yet, with who to tell."""
    since = now - timedelta(minutes=settings.urgent_acknowledge_minutes)
    late = await UrgentRequest.filter(
        acknowledged_at=None, overdue_told_at=None, created_at__lt=since, circle__closed_at=None
    ).order_by("created_at")
    return [(request, await who_to_tell_when_overdue(request)) for request in late]


async def tell_overdue(settings: Settings, now: datetime) -> int:
    """The worker's check: tells those named of each overdue call for help, by
    push and by an email with a link only, and marks it so it is told once.
    Returns how many calls were told of."""
    told = 0
    for request, people in await overdue(settings, now):
        marked = await UrgentRequest.filter(id=request.id, overdue_told_at=None).update(
            overdue_told_at=now
        )
        if not marked:  # another worker told them first
            continue
        for person in people:
            await notify(person, "urgent_overdue", key=f"urgent-overdue:{request.id}")
            await queue_email(
                person.email, "urgent_overdue", person.locale, link=settings.base_url.rstrip("/")
            )
        await record("urgent_overdue", circle_id=request.circle_id, subject=request)
        told += 1
    return told
