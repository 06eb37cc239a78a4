"""The duty contact named for a team: a practitioner of that team, told with the
team's manager of a call for help nobody acknowledged in time. Named by an
administrator of the team's organisation, or by the team's own manager."""

from __future__ import annotations

from uuid import UUID

from server.audit.service import record
from server.auth.actor import Actor
from server.errors import Invalid, NotFound
from server.i18n import N_
from server.organisations.models import Practitioner, Role, Team
from server.organisations.permissions import Action, require, require_in

NOT_IN_TEAM = N_("Please choose someone who works in this team.")


async def _team_for(actor: Actor, team_id: UUID) -> Team:
    person = require(actor, Action.NAME_DUTY_CONTACT)
    team = await Team.get_or_none(id=team_id)
    if team is None:
        raise NotFound()
    if person.role is Role.TEAM_MANAGER:
        if team.manager_id != person.id:
            raise NotFound()
    else:
        require_in(actor, Action.NAME_DUTY_CONTACT, team.organisation_id)
    return team


async def name_duty_contact(actor: Actor, team_id: UUID, practitioner_id: UUID | None) -> Team:
    team = await _team_for(actor, team_id)
    contact = None
    if practitioner_id is not None:
        contact = await Practitioner.get_or_none(
            id=practitioner_id, team_id=team.id, is_active=True
        )
        if contact is None:
            raise Invalid.on("practitioner_id", NOT_IN_TEAM)
    team.duty_contact = contact
    await team.save(update_fields=["duty_contact_id"])
    await record("duty_contact_named", practitioner=actor.practitioner, subject=team)
    await team.fetch_related("manager", "duty_contact")
    return team
