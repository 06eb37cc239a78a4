from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from server.api.endpoint import endpoint, path_uuid
from server.api.openapi import answering
from server.auth.sessions import current_actor
from server.contributions.schemas import SharedList
from server.family import kept_homes, service, urgent
from server.family.my_data import my_data
from server.family.schemas import (
    FamilyHome,
    SimpleMode,
    UrgentSeen,
    UrgentSent,
    UrgentWaitingList,
)
from server.i18n import translator_for, wording_for


async def family_home(request: Request) -> FamilyHome | Response:
    return await kept_homes.answer(request)


async def sharing_explained(request: Request) -> None:
    await service.sharing_explained(await current_actor(request))


async def choose_simple_mode(request: Request, body: SimpleMode) -> FamilyHome:
    actor = await current_actor(request)
    await service.choose_simple_mode(actor, body.simple_mode)
    return await service.home(actor, translator_for(request).gettext)


async def shared_with_me(request: Request) -> SharedList:
    actor = await current_actor(request)
    return await service.shared_with_me(actor, translator_for(request).gettext)


async def need_to_talk(request: Request) -> Response:
    sent = await urgent.need_to_talk(await current_actor(request))
    return JSONResponse(
        UrgentSent(sent_at=sent.created_at).model_dump(mode="json"), status_code=201
    )


async def need_to_talk_to_my_meeting(request: Request) -> Response:
    sent = await urgent.need_to_talk(await current_actor(request), for_my_meeting=True)
    return JSONResponse(
        UrgentSent(sent_at=sent.created_at).model_dump(mode="json"), status_code=201
    )


async def urgent_waiting(request: Request) -> UrgentWaitingList:
    actor = await current_actor(request)
    return await urgent.waiting(actor, translator_for(request).gettext)


async def acknowledge_urgent(request: Request) -> UrgentSeen:
    actor = await current_actor(request)
    seen = await urgent.acknowledge(actor, path_uuid(request, "urgent_id"))
    assert seen.acknowledged_at is not None  # set by acknowledge()
    return UrgentSeen(acknowledged_at=seen.acknowledged_at)


async def download_my_data(request: Request) -> Response:
    text = await my_data(await current_actor(request), wording_for(request))
    return PlainTextResponse(
        text, headers={"Content-Disposition": 'attachment; filename="my-words.txt"'}
    )


routes = [
    endpoint(
        "GET",
        "/api/family/home",
        family_home,
        response=FamilyHome,
        tag="family",
        summary="A family member's home: their circle, worker, meetings and words",
    ),
    endpoint(
        "POST",
        "/api/family/sharing-explained",
        sharing_explained,
        tag="family",
        summary="I have read what happens to my words",
    ),
    endpoint(
        "PUT",
        "/api/family/simple-mode",
        choose_simple_mode,
        body=SimpleMode,
        response=FamilyHome,
        tag="family",
        summary="Use the simpler version, or not",
    ),
    endpoint(
        "GET",
        "/api/family/shared-with-me",
        shared_with_me,
        response=SharedList,
        tag="family",
        summary="For carers: what others in the family shared with them",
    ),
    endpoint(
        "POST",
        "/api/family/urgent",
        need_to_talk,
        response=UrgentSent,
        status=201,
        tag="family",
        summary="I need to talk to someone now",
    ),
    endpoint(
        "POST",
        "/api/family/urgent/my-meeting",
        need_to_talk_to_my_meeting,
        response=UrgentSent,
        status=201,
        tag="family",
        summary="I need to talk to someone now: tell everyone in my meeting too",
    ),
    endpoint(
        "GET",
        "/api/urgent",
        urgent_waiting,
        response=UrgentWaitingList,
        tag="urgent",
        summary="Calls for help waiting for me (or my team) to acknowledge them",
    ),
    endpoint(
        "POST",
        "/api/urgent/{urgent_id}/acknowledgement",
        acknowledge_urgent,
        response=UrgentSeen,
        tag="urgent",
        summary="I've seen this: the young person is told who has seen it",
    ),
    answering(
        endpoint(
            "GET",
            "/api/family/my-data",
            download_my_data,
            tag="family",
            summary="Download everything I wrote, with its sharing history (text)",
        ),
        "text/plain",
        "Everything I wrote, as a text file to download",
        download=True,
    ),
]
