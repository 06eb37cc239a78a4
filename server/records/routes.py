"""The records screens' endpoints, for those who may manage records
(records.access): find a family member by name, download everything held about
them, and erase them after typing their name to confirm."""

from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel, Field
from starlette.requests import Request
from starlette.responses import Response

from server.api.endpoint import endpoint, path_uuid
from server.auth.schemas import Strict
from server.auth.sessions import current_actor
from server.circles.models import FamilyMember
from server.errors import Invalid
from server.i18n import N_
from server.records import service

#: For the OpenAPI document; people named in ALONGSIDE_RECORDS_MANAGERS may too.
RECORDS_ROLES = ["partnership_admin"]


class FoundMember(BaseModel):
    id: str
    name: str
    circle_name: str
    role: str
    removed: bool


class FoundMembers(BaseModel):
    members: list[FoundMember]


class Erasure(Strict):
    confirm_name: str = Field(max_length=100, description="Their name, typed to confirm")
    reason: str = Field(min_length=1, max_length=500, description="Why the law requires it")


class Erased(BaseModel):
    counts: dict[str, int]


def _found(member: FamilyMember) -> FoundMember:
    return FoundMember(
        id=str(member.id),
        name=member.name,
        circle_name=member.circle.name,
        role=member.role.value,
        removed=member.removed_at is not None,
    )


async def find_members(request: Request) -> FoundMembers:
    actor = await current_actor(request)
    name = request.query_params.get("name", "")[:100]
    found = await service.find_members(actor, request.app.state.settings, name)
    return FoundMembers(members=[_found(member) for member in found])


async def export_member(request: Request) -> Response:
    actor = await current_actor(request)
    member_id = path_uuid(request, "member_id")
    text = await service.export_member(actor, request.app.state.settings, member_id)
    return Response(
        text,
        media_type="text/plain; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="alongside-records.txt"'},
    )


async def erase_member(request: Request, body: Erasure) -> Erased:
    actor = await current_actor(request)
    settings = request.app.state.settings
    member_id: UUID = path_uuid(request, "member_id")
    member = await service.member_for(actor, settings, member_id)
    if body.confirm_name.strip().casefold() != member.name.strip().casefold():
        raise Invalid.on("confirm_name", N_("Please type their name exactly as it is shown."))
    if not body.reason.strip():
        raise Invalid.on("reason", N_("Please say why their records must be erased."))
    return Erased(counts=await service.erase_member(actor, settings, member_id, body.reason))


routes = [
    endpoint(
        "GET",
        "/api/records/members",
        find_members,
        response=FoundMembers,
        tag="records",
        roles=RECORDS_ROLES,
        summary="Find family members by name (?name=), to export or erase their records",
    ),
    endpoint(
        "GET",
        "/api/records/members/{member_id}/export",
        export_member,
        tag="records",
        roles=RECORDS_ROLES,
        summary="Everything held about one family member, as a readable file",
    ),
    endpoint(
        "POST",
        "/api/records/members/{member_id}/erasure",
        erase_member,
        body=Erasure,
        response=Erased,
        tag="records",
        roles=RECORDS_ROLES,
        summary="Erase a family member and every word they wrote (their name typed to confirm)",
    ),
]
