"""Meetings for the circle's team."""

from __future__ import annotations

from uuid import UUID

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from server.api.endpoint import endpoint, path_uuid
from server.auth.actor import Actor
from server.auth.sessions import current_actor
from server.i18n import translator_for
from server.meetings import coverage, service
from server.meetings.schemas import MeetingDetail, MeetingNew, ViewsWanted


async def _shown(request: Request, actor: Actor, meeting_id: UUID, status: int = 200) -> Response:
    shown = await service.detail(actor, meeting_id, translator_for(request).gettext)
    return JSONResponse(shown.model_dump(mode="json"), status_code=status)


async def schedule(request: Request, body: MeetingNew) -> Response:
    actor = await current_actor(request)
    meeting = await service.schedule(actor, path_uuid(request, "circle_id"), body)
    return await _shown(request, actor, meeting.id, status=201)


async def detail(request: Request) -> Response:
    return await _shown(request, await current_actor(request), path_uuid(request, "meeting_id"))


async def request_views(request: Request, body: ViewsWanted) -> Response:
    actor = await current_actor(request)
    meeting = await service.request_views(actor, path_uuid(request, "meeting_id"), body)
    return await _shown(request, actor, meeting.id)


async def voice_coverage(request: Request) -> coverage.VoiceCoverage:
    actor = await current_actor(request)
    return await coverage.coverage(
        actor, path_uuid(request, "meeting_id"), translator_for(request).gettext
    )


routes = [
    endpoint(
        "POST",
        "/api/circles/{circle_id}/meetings",
        schedule,
        body=MeetingNew,
        response=MeetingDetail,
        status=201,
        tag="meetings",
        summary="Schedule a meeting",
    ),
    endpoint(
        "GET",
        "/api/meetings/{meeting_id}",
        detail,
        response=MeetingDetail,
        tag="meetings",
        summary="A meeting: who was asked for their views, who has shared, who was not asked",
    ),
    endpoint(
        "POST",
        "/api/meetings/{meeting_id}/view-requests",
        request_views,
        body=ViewsWanted,
        response=MeetingDetail,
        tag="meetings",
        summary="Ask family members for their views before the meeting",
    ),
    endpoint(
        "GET",
        "/api/meetings/{meeting_id}/voice-coverage",
        voice_coverage,
        response=coverage.VoiceCoverage,
        tag="meetings",
        summary="Who was asked, who shared, family words in the plan, disagreements, calls for help",
    ),
]
