"""Check-ins after a meeting: the family's "How was it for you?" and the team's
reflection."""

from __future__ import annotations

from starlette.requests import Request

from server.api.endpoint import endpoint, path_uuid
from server.auth.sessions import current_actor
from server.checkins import service
from server.checkins.schemas import (
    CheckInAnswer,
    CheckInOut,
    Faces,
    MeetingCheckIns,
    ReflectionOut,
)
from server.i18n import translator_for


async def check_in(request: Request, body: CheckInAnswer) -> CheckInOut:
    actor = await current_actor(request)
    saved = await service.check_in(actor, path_uuid(request, "meeting_id"), body)
    return service.shown(saved, translator_for(request).gettext)


async def reflect(request: Request, body: Faces) -> ReflectionOut:
    actor = await current_actor(request)
    return await service.reflect(actor, path_uuid(request, "meeting_id"), body)


async def for_team(request: Request) -> MeetingCheckIns:
    actor = await current_actor(request)
    return await service.for_team(
        actor, path_uuid(request, "meeting_id"), translator_for(request).gettext
    )


CHECK_IN = "/api/family/check-ins/{meeting_id}"
routes = [
    endpoint(
        "PUT",
        CHECK_IN,
        check_in,
        body=CheckInAnswer,
        response=CheckInOut,
        tag="family",
        summary="How was it for you? My check-in after a meeting (sending again replaces it)",
    ),
    endpoint(
        "PUT",
        "/api/meetings/{meeting_id}/reflection",
        reflect,
        body=Faces,
        response=ReflectionOut,
        tag="meetings",
        summary="My reflection after a meeting I attended: did the family shape this plan?",
    ),
    endpoint(
        "GET",
        "/api/meetings/{meeting_id}/check-ins",
        for_team,
        response=MeetingCheckIns,
        tag="meetings",
        summary="After a meeting: my reflection and the check-ins shared with me (audited)",
    ),
]
