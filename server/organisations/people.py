"""Joiners and leavers: administrators invite practitioners by email, change
their roles, and deactivate leavers, whose circles then need a new lead."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from server.audit.service import record
from server.auth.actor import Actor
from server.auth.sessions import end_sessions
from server.circles.models import Circle, TeamMember
from server.email import queue_email
from server.errors import NotFound
from server.organisations.errors import EmailInUse, NotInOrganisation, NotYourself
from server.organisations.models import ROLE_LABELS, Practitioner, Role, Team
from server.organisations.permissions import Action, require, require_grant, require_in
from server.organisations.schemas import (
    CircleToReassign,
    ColleagueOut,
    People,
    PersonCircles,
    PersonNew,
    PersonOut,
    RoleChange,
)
from server.organisations.service import organisation_for, organisation_out
from server.practitioners.invitations import invite, link_for, single_sign_on_link_for

Gettext = Callable[[str], str]


def person_out(person: Practitioner, gettext: Gettext) -> PersonOut:
    return PersonOut(
        id=person.id,
        name=person.name,
        email=person.email,
        role=person.role,
        role_label=gettext(ROLE_LABELS[person.role]),
        team_id=person.team_id,
        is_active=person.is_active,
    )


async def people(actor: Actor, organisation_id: UUID, gettext: Gettext) -> People:
    organisation = await organisation_for(actor, Action.SEE_PEOPLE, organisation_id)
    staff = await Practitioner.filter(organisation=organisation).order_by("name")
    return People(
        organisation=await organisation_out(organisation, gettext),
        people=[person_out(p, gettext) for p in staff],
    )


async def _team_in(organisation_id: UUID, team_id: UUID | None) -> Team | None:
    if team_id is None:
        return None
    team = await Team.get_or_none(id=team_id, organisation_id=organisation_id)
    if team is None:
        raise NotInOrganisation()
    return team


async def invite_person(
    actor: Actor, organisation_id: UUID, new: PersonNew, base_url: str
) -> Practitioner:
    """A new account with no password yet, and an email with a one-time link."""
    organisation = await organisation_for(actor, Action.INVITE_PRACTITIONER, organisation_id)
    assert actor.practitioner is not None
    require_grant(actor.practitioner, new.role)
    email = new.email.strip().lower()
    if await Practitioner.exists(email=email):
        raise EmailInUse()
    team = await _team_in(organisation.id, new.team_id)
    person = await Practitioner.create(
        organisation=organisation,
        team=team,
        role=new.role,
        email=email,
        name=new.name.strip(),
        agency=organisation.agency,
        locale=new.locale,
    )
    await _manage(team, person)
    token = await invite(person, by=actor.practitioner)
    if organisation.identity_provider:
        link = single_sign_on_link_for(base_url, token)
        await queue_email(person.email, "invitation_single_sign_on", person.locale, link=link)
    else:
        await queue_email(person.email, "invitation", person.locale, link=link_for(base_url, token))
    await record("practitioner_invited", practitioner=actor.practitioner, subject=person)
    return person


async def _manage(team: Team | None, person: Practitioner) -> None:
    if team is not None and person.role == Role.TEAM_MANAGER:
        team.manager = person
        await team.save(update_fields=["manager_id"])


async def _person_for(actor: Actor, action: Action, practitioner_id: UUID) -> Practitioner:
    person = await Practitioner.get_or_none(id=practitioner_id)
    if person is None:
        raise NotFound()
    require_in(actor, action, person.organisation_id)
    if actor.practitioner is not None and actor.practitioner.id == person.id:
        raise NotYourself()
    return person


async def change_role(actor: Actor, practitioner_id: UUID, change: RoleChange) -> Practitioner:
    person = await _person_for(actor, Action.CHANGE_ROLE, practitioner_id)
    assert actor.practitioner is not None
    require_grant(actor.practitioner, change.role)
    require_grant(actor.practitioner, person.role)  # nor take a role they may not give
    team = await _team_in(person.organisation_id, change.team_id)
    await Team.filter(manager_id=person.id).update(manager_id=None)
    person.role, person.team = change.role, team
    await person.save(update_fields=["role", "team_id"])
    await _manage(team, person)
    await record("role_changed", practitioner=actor.practitioner, subject=person)
    return person


async def circles_they_lead(person: Practitioner) -> list[CircleToReassign]:
    places = await TeamMember.filter(
        practitioner=person, is_lead=True, circle__closed_at=None
    ).select_related("circle")
    circles = []
    for place in sorted(places, key=lambda p: p.circle.name):
        team = await TeamMember.filter(
            circle_id=place.circle_id, practitioner__is_active=True
        ).select_related("practitioner")
        circles.append(
            CircleToReassign(
                id=place.circle_id,
                name=place.circle.name,
                team=[
                    ColleagueOut(id=t.practitioner.id, name=t.practitioner.name)
                    for t in team
                    if t.practitioner_id != person.id
                ],
            )
        )
    return circles


async def person_circles(
    actor: Actor, practitioner_id: UUID, gettext: Gettext, action: Action = Action.DEACTIVATE
) -> PersonCircles:
    person = await _person_for(actor, action, practitioner_id)
    return PersonCircles(
        person=person_out(person, gettext), circles_they_lead=await circles_they_lead(person)
    )


async def deactivate(actor: Actor, practitioner_id: UUID) -> Practitioner:
    """A leaver: they cannot sign in, their sessions end now on every process,
    and their unused links stop working. Their circles are listed for a new lead."""
    person = await _person_for(actor, Action.DEACTIVATE, practitioner_id)
    person.is_active = False
    await person.save(update_fields=["is_active"])
    await Team.filter(manager_id=person.id).update(manager_id=None)
    await end_sessions(practitioner=person)
    await record("practitioner_deactivated", practitioner=actor.practitioner, subject=person)
    return person


async def reassign_lead(actor: Actor, circle_id: UUID, practitioner_id: UUID) -> Circle:
    """An administrator of the circle's organisation names a new lead (when the
    lead leaves): an active practitioner, added to the team if not on it."""
    require(actor, Action.REASSIGN_LEAD)
    circle = await Circle.get_or_none(id=circle_id, closed_at=None)
    if circle is None:
        raise NotFound()
    require_in(actor, Action.REASSIGN_LEAD, circle.organisation_id)
    lead = await Practitioner.get_or_none(id=practitioner_id, is_active=True)
    if lead is None:
        raise NotFound()
    await TeamMember.filter(circle=circle).update(is_lead=False)
    place, _ = await TeamMember.get_or_create(circle=circle, practitioner=lead)
    place.is_lead = True
    await place.save(update_fields=["is_lead"])
    await record("lead_changed", practitioner=actor.practitioner, circle_id=circle.id, subject=lead)
    return circle
