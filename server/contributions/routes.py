"""A family member's own contributions, and a circle's family voice for its team."""

from __future__ import annotations

from uuid import UUID

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from server.api.endpoint import endpoint, path_uuid
from server.auth.sessions import current_actor
from server.contributions import circle_voice as voice
from server.contributions import service
from server.contributions.models import Contribution
from server.contributions.reading import for_author
from server.contributions.schemas import (
    AudienceChoice,
    ContributionEdit,
    ContributionList,
    ContributionOut,
    ContributionWrite,
)
from server.i18n import translator_for
from server.sharing import family_words


def _id(request: Request) -> UUID:
    return path_uuid(request, "contribution_id")


async def _shown(request: Request, contribution: Contribution) -> ContributionOut:
    [shown] = await for_author([contribution], translator_for(request).gettext)
    return shown


async def list_mine(request: Request) -> ContributionList:
    actor = await current_actor(request)
    service.author_of(actor)
    mine = await family_words.own(actor).order_by("-created_at")
    return ContributionList(items=await for_author(mine, translator_for(request).gettext))


async def write(request: Request, body: ContributionWrite) -> Response:
    actor = await current_actor(request)
    contribution, created = await service.write(actor, body)
    shown = await _shown(request, contribution)
    return JSONResponse(shown.model_dump(mode="json"), status_code=201 if created else 200)


async def read_one(request: Request) -> ContributionOut:
    actor = await current_actor(request)
    return await _shown(request, await service.own(actor, _id(request)))


async def edit(request: Request, body: ContributionEdit) -> ContributionOut:
    actor = await current_actor(request)
    return await _shown(request, await service.edit(actor, _id(request), body))


async def delete(request: Request) -> None:
    actor = await current_actor(request)
    await service.delete_draft(actor, _id(request))


async def choose_audience(request: Request, body: AudienceChoice) -> ContributionOut:
    actor = await current_actor(request)
    return await _shown(request, await service.choose_audience(actor, _id(request), body.audience))


async def withdraw(request: Request) -> ContributionOut:
    actor = await current_actor(request)
    return await _shown(request, await service.withdraw(actor, _id(request)))


async def circle_voice(request: Request) -> voice.CircleVoice:
    actor = await current_actor(request)
    return await voice.circle_voice(
        actor, path_uuid(request, "circle_id"), translator_for(request).gettext
    )


ONE = "/api/contributions/{contribution_id}"
routes = [
    endpoint(
        "GET",
        "/api/contributions",
        list_mine,
        response=ContributionList,
        tag="contributions",
        summary="My contributions, newest first, with receipts",
    ),
    endpoint(
        "POST",
        "/api/contributions",
        write,
        body=ContributionWrite,
        response=ContributionOut,
        status=201,
        tag="contributions",
        summary="Write a contribution (the id is made on the phone: retries are safe)",
    ),
    endpoint(
        "GET",
        ONE,
        read_one,
        response=ContributionOut,
        tag="contributions",
        summary="One of my contributions",
    ),
    endpoint(
        "PATCH",
        ONE,
        edit,
        body=ContributionEdit,
        response=ContributionOut,
        tag="contributions",
        summary="Edit a draft, naming the version it was made from",
    ),
    endpoint("DELETE", ONE, delete, tag="contributions", summary="Delete a draft"),
    endpoint(
        "PUT",
        ONE + "/audience",
        choose_audience,
        body=AudienceChoice,
        response=ContributionOut,
        tag="contributions",
        summary="Choose who can see it (also shares a withdrawn item again)",
    ),
    endpoint(
        "POST",
        ONE + "/withdraw",
        withdraw,
        response=ContributionOut,
        tag="contributions",
        summary="Stop sharing: hide the words from everyone else",
    ),
    endpoint(
        "GET",
        "/api/circles/{circle_id}/voice",
        circle_voice,
        response=voice.CircleVoice,
        tag="circles",
        summary="What the circle's family shared with me (each read is audited)",
    ),
]
