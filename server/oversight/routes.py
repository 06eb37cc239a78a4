"""A team manager's oversight of their teams' circles. Thin: the rules live in
oversight.service."""

from __future__ import annotations

from starlette.requests import Request

from server.api.endpoint import endpoint
from server.auth.sessions import current_actor
from server.i18n import translator_for
from server.organisations.permissions import Action, roles_for
from server.oversight import service
from server.oversight.schemas import Oversight


async def oversight(request: Request) -> Oversight:
    return await service.oversight(
        await current_actor(request),
        request.app.state.settings,
        translator_for(request).gettext,
    )


routes = [
    endpoint(
        "GET",
        "/api/oversight",
        oversight,
        response=Oversight,
        tag="oversight",
        roles=roles_for(Action.OVERSEE),
        summary="My teams' escalations, overdue calls for help and members never asked",
    ),
]
