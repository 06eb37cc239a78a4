from __future__ import annotations

from starlette.requests import Request

from server.api.endpoint import endpoint
from server.auth.sessions import current_actor
from server.family import service
from server.family.schemas import FamilyHome
from server.i18n import translator_for


async def family_home(request: Request) -> FamilyHome:
    actor = await current_actor(request)
    return await service.home(actor, translator_for(request).gettext)


routes = [
    endpoint("GET", "/api/family/home", family_home, response=FamilyHome, tag="family",
             summary="A family member's home: their circle, worker, meetings and words"),
]
