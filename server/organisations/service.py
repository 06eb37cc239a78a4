"""Organisations and their teams, as administrators manage them."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from server.audit.service import record
from server.auth.actor import Actor
from server.errors import NotFound
from server.organisations.errors import OrganisationExists, TeamExists
from server.organisations.models import (
    AGENCY_LABELS,
    ROLE_LABELS,
    Organisation,
    Practitioner,
    Team,
)
from server.organisations.permissions import EVERYWHERE, GRANTS, Action, require, require_in
from server.organisations.schemas import (
    OrganisationNew,
    OrganisationOut,
    Organisations,
    RoleOut,
    TeamNew,
    TeamOut,
)

Gettext = Callable[[str], str]


def team_out(team: Team) -> TeamOut:
    """The team with its manager and duty contact (both fetched)."""
    return TeamOut(
        id=team.id,
        name=team.name,
        manager_name=team.manager.name if team.manager else None,
        duty_contact_name=team.duty_contact.name if team.duty_contact else None,
    )


async def organisation_out(organisation: Organisation, gettext: Gettext) -> OrganisationOut:
    teams = (
        await Team.filter(organisation=organisation)
        .select_related("manager", "duty_contact")
        .order_by("name")
    )
    return OrganisationOut(
        id=organisation.id,
        name=organisation.name,
        agency=organisation.agency,
        agency_label=gettext(AGENCY_LABELS[organisation.agency]),
        teams=[team_out(t) for t in teams],
    )


async def organisations(actor: Actor, gettext: Gettext) -> Organisations:
    """Every organisation for the partnership's roles; one's own for the rest."""
    reader = require(actor, Action.SEE_ORGANISATIONS)
    query = Organisation.all().order_by("name")
    if reader.role not in EVERYWHERE:
        query = query.filter(id=reader.organisation_id)
    return Organisations(
        organisations=[await organisation_out(o, gettext) for o in await query],
        roles_you_may_give=[
            RoleOut(role=role, label=gettext(label))
            for role, label in ROLE_LABELS.items()
            if role in GRANTS.get(reader.role, frozenset())
        ],
    )


async def create_organisation(actor: Actor, new: OrganisationNew) -> Organisation:
    admin = require(actor, Action.CREATE_ORGANISATION)
    name = new.name.strip()
    if await Organisation.exists(name=name):
        raise OrganisationExists()
    organisation = await Organisation.create(name=name, agency=new.agency)
    await record("organisation_created", practitioner=admin, subject=organisation)
    return organisation


async def organisation_for(actor: Actor, action: Action, organisation_id: UUID) -> Organisation:
    require_in(actor, action, organisation_id)
    organisation = await Organisation.get_or_none(id=organisation_id)
    if organisation is None:
        raise NotFound()
    return organisation


async def create_team(actor: Actor, organisation_id: UUID, new: TeamNew) -> Organisation:
    organisation = await organisation_for(actor, Action.CREATE_TEAM, organisation_id)
    name = new.name.strip()
    if await Team.exists(organisation=organisation, name=name):
        raise TeamExists()
    team = await Team.create(organisation=organisation, name=name)
    await record("team_created", practitioner=actor.practitioner, subject=team)
    return organisation


async def manager_of(practitioner: Practitioner) -> Practitioner | None:
    """Their team's manager, if their team has one."""
    if practitioner.team_id is None:
        return None
    team = await Team.get_or_none(id=practitioner.team_id).select_related("manager")
    return team.manager if team and team.manager and team.manager.is_active else None
