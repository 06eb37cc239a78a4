"""A circle and its people. Membership is governed: only the lead practitioner,
or the manager of the lead's team, adds family members, invites them, adds
colleagues, hands the lead to someone else or closes the circle."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from uuid import UUID

from tortoise.transactions import in_transaction

from server.audit.service import record
from server.auth.actor import Actor
from server.auth.service import invite
from server.circles.access import governs, manages_lead, manages_teammate, team_place
from server.circles.errors import AlreadyOnTeam, NoSuchPractitioner
from server.circles.models import Circle, FamilyMember, TeamMember, who_they_are
from server.circles.schemas import (
    CircleDetail,
    CircleNew,
    InvitationMade,
    MemberNew,
    MemberOut,
    TeammateOut,
)
from server.errors import Forbidden, NotFound
from server.meetings.models import Meeting
from server.meetings.schemas import MeetingSummary
from server.organisations.models import AGENCY_LABELS, Practitioner
from server.settings import Settings

Gettext = Callable[[str], str]


async def create(actor: Actor, new: CircleNew) -> Circle:
    """A new circle; whoever sets it up is its first lead practitioner."""
    if actor.practitioner is None:
        raise Forbidden()
    async with in_transaction():
        circle = await Circle.create(
            name=new.name.strip(), organisation_id=actor.practitioner.organisation_id
        )
        await TeamMember.create(circle=circle, practitioner=actor.practitioner, is_lead=True)
    await record("circle_created", practitioner=actor.practitioner, circle_id=circle.id)
    return circle


def member_out(member: FamilyMember, gettext: Gettext) -> MemberOut:
    return MemberOut(
        id=member.id,
        name=member.name,
        role=member.role,
        role_label=who_they_are(member.role, member.age_band, gettext),
        age_band=member.age_band,
        locale=member.locale,
        joined=member.joined_at is not None,
    )


async def _reader_place(actor: Actor, circle_id: UUID) -> tuple[bool, bool]:
    """(is lead, may govern) for someone on the team, or the lead's manager."""
    try:
        place = await team_place(actor, circle_id, include_closed=True)
    except NotFound:
        if actor.practitioner is None or not await manages_teammate(actor.practitioner, circle_id):
            raise
        return False, await manages_lead(actor.practitioner, circle_id)
    manager = actor.practitioner is not None and await manages_lead(actor.practitioner, circle_id)
    return place.is_lead, place.is_lead or manager


async def detail(actor: Actor, circle_id: UUID, gettext: Gettext) -> CircleDetail:
    is_lead, may_govern = await _reader_place(actor, circle_id)
    circle = await Circle.get(id=circle_id)
    members = await FamilyMember.filter(circle_id=circle_id, removed_at=None).order_by("created_at")
    team = (
        await TeamMember.filter(circle_id=circle_id)
        .select_related("practitioner")
        .order_by("added_at")
    )
    meetings = await Meeting.filter(circle_id=circle_id).order_by("starts_at")
    return CircleDetail(
        id=circle.id,
        name=circle.name,
        closed_at=circle.closed_at,
        is_lead=is_lead,
        may_govern=may_govern and circle.closed_at is None,
        members=[member_out(m, gettext) for m in members],
        team=[
            TeammateOut(
                id=t.practitioner.id,
                name=t.practitioner.name,
                is_lead=t.is_lead,
                agency_label=gettext(AGENCY_LABELS[t.practitioner.agency]),
            )
            for t in team
        ],
        meetings=[MeetingSummary.of(m, gettext) for m in meetings],
    )


def join_link(base_url: str, member: FamilyMember, code: str) -> str:
    """The invitation's link: the join page opens in the family member's language."""
    return f"{base_url}/?lang={member.locale}#/join/{code}"


async def invitation_for(actor: Actor, member: FamilyMember, settings: Settings) -> InvitationMade:
    code = await invite(
        settings.secret_key, member, hours=settings.invitation_hours, by=actor.practitioner
    )
    await record(
        "invited", practitioner=actor.practitioner, circle_id=member.circle_id, subject=member
    )
    return InvitationMade(
        code=code,
        link=join_link(settings.base_url, member, code),
        expires_at=datetime.now(UTC) + timedelta(hours=settings.invitation_hours),
    )


async def add_member(actor: Actor, circle_id: UUID, new: MemberNew) -> FamilyMember:
    await governs(actor, circle_id)
    member = await FamilyMember.create(
        circle_id=circle_id,
        name=new.name.strip(),
        role=new.role,
        age_band=new.age_band,
        locale=new.locale,
        simple_mode=new.age_band.value in ("under_8", "8_11"),
    )
    await record(
        "member_added", practitioner=actor.practitioner, circle_id=circle_id, subject=member
    )
    return member


async def reinvite(
    actor: Actor, circle_id: UUID, member_id: UUID, settings: Settings
) -> InvitationMade:
    """A new single-use code for a member of this circle (a new phone, a forgotten
    PIN): earlier unused codes stop working, and redeeming it retires old phones."""
    await governs(actor, circle_id)
    member = await FamilyMember.get_or_none(id=member_id, circle_id=circle_id, removed_at=None)
    if member is None:
        raise NotFound()
    return await invitation_for(actor, member, settings)


async def add_teammate(actor: Actor, circle_id: UUID, email: str) -> TeamMember:
    """Practitioners from any partner agency join the team by their work email.
    One from another organisation is shown to the family as having joined."""
    await governs(actor, circle_id)
    colleague = await Practitioner.get_or_none(email=email.strip().lower(), is_active=True)
    if colleague is None:
        raise NoSuchPractitioner()
    if await TeamMember.exists(circle_id=circle_id, practitioner_id=colleague.id):
        raise AlreadyOnTeam()
    place = await TeamMember.create(circle_id=circle_id, practitioner=colleague)
    await record(
        "teammate_added", practitioner=actor.practitioner, circle_id=circle_id, subject=colleague
    )
    return place


async def hand_lead_to(actor: Actor, circle_id: UUID, practitioner_id: UUID) -> None:
    await governs(actor, circle_id)
    if not await TeamMember.exists(circle_id=circle_id, practitioner_id=practitioner_id):
        raise NotFound()
    async with in_transaction():
        await TeamMember.filter(circle_id=circle_id).update(is_lead=False)
        await TeamMember.filter(circle_id=circle_id, practitioner_id=practitioner_id).update(
            is_lead=True
        )
    await record("lead_changed", practitioner=actor.practitioner, circle_id=circle_id)


async def close(actor: Actor, circle_id: UUID) -> None:
    """A closed circle's family words are no longer read by anyone on its team."""
    await governs(actor, circle_id)
    await Circle.filter(id=circle_id).update(closed_at=datetime.now(UTC))
    await record("circle_closed", practitioner=actor.practitioner, circle_id=circle_id)
