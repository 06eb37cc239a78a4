from __future__ import annotations

from starlette.requests import Request

from server.api.endpoint import endpoint, path_uuid
from server.auth.sessions import current_actor
from server.circles import service
from server.circles.schemas import InvitationMade


async def reinvite(request: Request) -> InvitationMade:
    actor = await current_actor(request)
    return await service.reinvite(
        actor, path_uuid(request, "circle_id"), path_uuid(request, "member_id"),
        request.app.state.settings,
    )


routes = [
    endpoint("POST", "/api/circles/{circle_id}/members/{member_id}/invitations", reinvite,
             response=InvitationMade, status=201, tag="circles",
             summary="A new invitation code for a family member (new phone, forgotten PIN)"),
]
