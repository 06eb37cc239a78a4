"""Administration: organisations, teams, joiners and leavers. Thin: the rules
live in organisations.service, organisations.people and organisations.permissions."""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from server.api.endpoint import endpoint, path_uuid
from server.auth.sessions import current_actor
from server.i18n import translator_for
from server.organisations import duty, people, service
from server.organisations.permissions import Action, roles_for
from server.organisations.schemas import (
    DutyContact,
    LeadChange,
    OrganisationNew,
    OrganisationOut,
    Organisations,
    People,
    PersonCircles,
    PersonNew,
    PersonOut,
    RoleChange,
    TeamNew,
    TeamOut,
)


def _gettext(request: Request) -> Callable[[str], str]:
    return translator_for(request).gettext


async def organisations(request: Request) -> Organisations:
    return await service.organisations(await current_actor(request), _gettext(request))


async def create_organisation(request: Request, body: OrganisationNew) -> Response:
    organisation = await service.create_organisation(await current_actor(request), body)
    shown = await service.organisation_out(organisation, _gettext(request))
    return JSONResponse(shown.model_dump(mode="json"), status_code=201)


async def create_team(request: Request, body: TeamNew) -> Response:
    actor = await current_actor(request)
    organisation = await service.create_team(actor, path_uuid(request, "organisation_id"), body)
    shown = await service.organisation_out(organisation, _gettext(request))
    return JSONResponse(shown.model_dump(mode="json"), status_code=201)


async def staff(request: Request) -> People:
    actor = await current_actor(request)
    return await people.people(actor, path_uuid(request, "organisation_id"), _gettext(request))


async def invite(request: Request, body: PersonNew) -> Response:
    actor = await current_actor(request)
    person = await people.invite_person(
        actor, path_uuid(request, "organisation_id"), body, request.app.state.settings.base_url
    )
    shown = people.person_out(person, _gettext(request))
    return JSONResponse(shown.model_dump(mode="json"), status_code=201)


async def change_role(request: Request, body: RoleChange) -> PersonOut:
    actor = await current_actor(request)
    person = await people.change_role(actor, path_uuid(request, "practitioner_id"), body)
    return people.person_out(person, _gettext(request))


async def person_circles(request: Request) -> PersonCircles:
    actor = await current_actor(request)
    return await people.person_circles(
        actor, path_uuid(request, "practitioner_id"), _gettext(request)
    )


async def deactivate(request: Request) -> PersonCircles:
    actor = await current_actor(request)
    person = await people.deactivate(actor, path_uuid(request, "practitioner_id"))
    return PersonCircles(
        person=people.person_out(person, _gettext(request)),
        circles_they_lead=await people.circles_they_lead(person),
    )


async def reassign_lead(request: Request, body: LeadChange) -> None:
    actor = await current_actor(request)
    await people.reassign_lead(actor, path_uuid(request, "circle_id"), body.practitioner_id)


async def duty_contact(request: Request, body: DutyContact) -> TeamOut:
    actor = await current_actor(request)
    team = await duty.name_duty_contact(actor, path_uuid(request, "team_id"), body.practitioner_id)
    return service.team_out(team)


ADMIN = "/api/admin"
ORGANISATION = ADMIN + "/organisations/{organisation_id}"
PERSON = ADMIN + "/people/{practitioner_id}"
routes = [
    endpoint(
        "GET",
        ADMIN + "/organisations",
        organisations,
        response=Organisations,
        tag="administration",
        summary="The organisations and teams you look after, and the roles you may give",
        roles=roles_for(Action.SEE_ORGANISATIONS),
    ),
    endpoint(
        "POST",
        ADMIN + "/organisations",
        create_organisation,
        body=OrganisationNew,
        response=OrganisationOut,
        status=201,
        tag="administration",
        summary="Add an organisation to the partnership",
        roles=roles_for(Action.CREATE_ORGANISATION),
    ),
    endpoint(
        "POST",
        ORGANISATION + "/teams",
        create_team,
        body=TeamNew,
        response=OrganisationOut,
        status=201,
        tag="administration",
        summary="Add a team to an organisation",
        roles=roles_for(Action.CREATE_TEAM),
    ),
    endpoint(
        "GET",
        ORGANISATION + "/people",
        staff,
        response=People,
        tag="administration",
        summary="The people of an organisation, with their roles",
        roles=roles_for(Action.SEE_PEOPLE),
    ),
    endpoint(
        "POST",
        ORGANISATION + "/people",
        invite,
        body=PersonNew,
        response=PersonOut,
        status=201,
        tag="administration",
        summary="Invite a practitioner by email (a one-time link to set a password)",
        roles=roles_for(Action.INVITE_PRACTITIONER),
    ),
    endpoint(
        "PUT",
        PERSON + "/role",
        change_role,
        body=RoleChange,
        response=PersonOut,
        tag="administration",
        summary="Change someone's role and team",
        roles=roles_for(Action.CHANGE_ROLE),
    ),
    endpoint(
        "GET",
        PERSON + "/circles",
        person_circles,
        response=PersonCircles,
        tag="administration",
        summary="The open circles someone leads, with who else is on each team",
        roles=roles_for(Action.DEACTIVATE),
    ),
    endpoint(
        "POST",
        PERSON + "/deactivate",
        deactivate,
        response=PersonCircles,
        tag="administration",
        summary="Deactivate a leaver: their sessions end now; lists circles needing a new lead",
        roles=roles_for(Action.DEACTIVATE),
    ),
    endpoint(
        "PUT",
        ADMIN + "/circles/{circle_id}/lead",
        reassign_lead,
        body=LeadChange,
        tag="administration",
        summary="Name a new lead for a circle (when its lead leaves)",
        roles=roles_for(Action.REASSIGN_LEAD),
    ),
    endpoint(
        "PUT",
        "/api/teams/{team_id}/duty-contact",
        duty_contact,
        body=DutyContact,
        response=TeamOut,
        tag="administration",
        roles=roles_for(Action.NAME_DUTY_CONTACT),
        summary="Name the team's duty contact (told of calls for help nobody acknowledged)",
    ),
]
