"""Circles for practitioners: set one up, add the family and the team."""

from __future__ import annotations

from uuid import UUID

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from server.api.endpoint import endpoint, path_uuid
from server.auth.actor import Actor
from server.auth.sessions import current_actor
from server.circles import membership, service
from server.circles.schemas import (
    CircleDetail,
    CircleNew,
    InvitationMade,
    LeadChoice,
    MemberAdded,
    MemberNew,
    TeammateNew,
)
from server.i18n import translator_for


def _circle(request: Request) -> UUID:
    return path_uuid(request, "circle_id")


async def _detail(request: Request, actor: Actor, circle_id: UUID, status: int = 200) -> Response:
    shown = await service.detail(actor, circle_id, translator_for(request).gettext)
    return JSONResponse(shown.model_dump(mode="json"), status_code=status)


async def create(request: Request, body: CircleNew) -> Response:
    actor = await current_actor(request)
    circle = await service.create(actor, body)
    return await _detail(request, actor, circle.id, status=201)


async def detail(request: Request) -> Response:
    return await _detail(request, await current_actor(request), _circle(request))


async def add_member(request: Request, body: MemberNew) -> Response:
    actor = await current_actor(request)
    member = await service.add_member(actor, _circle(request), body)
    invitation = await service.invitation_for(actor, member, request.app.state.settings)
    added = MemberAdded(
        member=service.member_out(member, translator_for(request).gettext), invitation=invitation
    )
    return JSONResponse(added.model_dump(mode="json"), status_code=201)


async def reinvite(request: Request) -> InvitationMade:
    actor = await current_actor(request)
    return await service.reinvite(
        actor, _circle(request), path_uuid(request, "member_id"), request.app.state.settings
    )


async def add_teammate(request: Request, body: TeammateNew) -> Response:
    actor = await current_actor(request)
    await service.add_teammate(actor, _circle(request), body.email)
    return await _detail(request, actor, _circle(request), status=201)


async def remove_member(request: Request) -> Response:
    actor = await current_actor(request)
    await membership.remove_member(actor, _circle(request), path_uuid(request, "member_id"))
    return await _detail(request, actor, _circle(request))


async def remove_teammate(request: Request) -> Response:
    actor = await current_actor(request)
    await membership.remove_teammate(actor, _circle(request), path_uuid(request, "practitioner_id"))
    return await _detail(request, actor, _circle(request))


async def hand_lead_to(request: Request, body: LeadChoice) -> Response:
    actor = await current_actor(request)
    await service.hand_lead_to(actor, _circle(request), body.practitioner_id)
    return await _detail(request, actor, _circle(request))


async def close(request: Request) -> Response:
    actor = await current_actor(request)
    await service.close(actor, _circle(request))
    return await _detail(request, actor, _circle(request))


CIRCLE = "/api/circles/{circle_id}"
routes = [
    endpoint(
        "POST",
        "/api/circles",
        create,
        body=CircleNew,
        response=CircleDetail,
        status=201,
        tag="circles",
        summary="Set up a circle (you become its lead practitioner)",
    ),
    endpoint(
        "GET",
        CIRCLE,
        detail,
        response=CircleDetail,
        tag="circles",
        summary="A circle: its family members, team and meetings",
    ),
    endpoint(
        "POST",
        CIRCLE + "/members",
        add_member,
        body=MemberNew,
        response=MemberAdded,
        status=201,
        tag="circles",
        summary="Add a family member and invite them (lead or their manager)",
    ),
    endpoint(
        "DELETE",
        CIRCLE + "/members/{member_id}",
        remove_member,
        response=CircleDetail,
        tag="circles",
        summary="Remove a family member: their phones and sessions end now (lead or manager)",
    ),
    endpoint(
        "POST",
        CIRCLE + "/members/{member_id}/invitations",
        reinvite,
        response=InvitationMade,
        status=201,
        tag="circles",
        summary="A new invitation code for a family member (new phone, forgotten PIN)",
    ),
    endpoint(
        "POST",
        CIRCLE + "/team",
        add_teammate,
        body=TeammateNew,
        response=CircleDetail,
        status=201,
        tag="circles",
        summary="Add a practitioner from any agency to the team (lead or their manager)",
    ),
    endpoint(
        "DELETE",
        CIRCLE + "/team/{practitioner_id}",
        remove_teammate,
        response=CircleDetail,
        tag="circles",
        summary="Take a practitioner off the team: their access ends now (lead or manager)",
    ),
    endpoint(
        "PUT",
        CIRCLE + "/lead",
        hand_lead_to,
        body=LeadChoice,
        response=CircleDetail,
        tag="circles",
        summary="Name the lead practitioner (lead or their manager)",
    ),
    endpoint(
        "POST",
        CIRCLE + "/close",
        close,
        response=CircleDetail,
        tag="circles",
        summary="Close the circle (lead or their manager)",
    ),
]
