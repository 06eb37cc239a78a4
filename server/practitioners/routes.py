from __future__ import annotations

from starlette.requests import Request

from server.api.endpoint import endpoint
from server.auth.sessions import current_actor
from server.i18n import translator_for
from server.practitioners import service
from server.practitioners.schemas import PractitionerHome


async def practitioner_home(request: Request) -> PractitionerHome:
    actor = await current_actor(request)
    return await service.home(actor, translator_for(request).gettext)


routes = [
    endpoint(
        "GET",
        "/api/practitioner/home",
        practitioner_home,
        response=PractitionerHome,
        tag="practitioner",
        summary="A practitioner's circles and their next meetings",
    ),
]
