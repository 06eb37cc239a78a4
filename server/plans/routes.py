"""The plan: built by the team, published to the family, answered item by item."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from server.api.endpoint import endpoint, path_uuid
from server.api.openapi import answering
from server.api.paths import path_number
from server.auth.actor import Actor
from server.auth.sessions import current_actor
from server.circles.models import Circle
from server.errors import Forbidden
from server.i18n import translator_for, wording_for
from server.plans import answers, escalation, export, family, service, team
from server.plans.models import PlanItem
from server.plans.printing import print_page
from server.plans.reading import ItemData, render
from server.plans.schemas import (
    AnswerNew,
    AnswerOut,
    FamilyPlanOut,
    PlanImport,
    PlanItemEdit,
    PlanItemNew,
    PlanItemOut,
    PlanOut,
    Published,
    ResponseNew,
    SeenVersion,
    YouSaid,
)

NO_STORE = {"Cache-Control": "no-store"}


async def _item_shown(request: Request, actor: Actor, item: PlanItem) -> PlanItemOut:
    """The item as this practitioner may see it; family words shown are a read."""
    [shown] = await render(actor, [ItemData.live(item)], translator_for(request).gettext)
    await team.audit_quotes(actor, [shown])
    return shown


async def team_plan(request: Request) -> PlanOut:
    actor = await current_actor(request)
    return await team.team_plan(
        actor, path_uuid(request, "circle_id"), translator_for(request).gettext
    )


async def add_item(request: Request, body: PlanItemNew) -> Response:
    actor = await current_actor(request)
    item = await service.add_item(actor, path_uuid(request, "circle_id"), body)
    shown = await _item_shown(request, actor, item)
    return JSONResponse(shown.model_dump(mode="json"), status_code=201)


async def import_words(request: Request, body: PlanImport) -> Response:
    actor = await current_actor(request)
    item = await service.import_contribution(actor, path_uuid(request, "circle_id"), body)
    shown = await _item_shown(request, actor, item)
    return JSONResponse(shown.model_dump(mode="json"), status_code=201)


async def edit_item(request: Request, body: PlanItemEdit) -> PlanItemOut:
    actor = await current_actor(request)
    item = await service.edit_item(actor, path_uuid(request, "item_id"), body)
    return await _item_shown(request, actor, item)


async def delete_item(request: Request) -> None:
    await service.delete_item(await current_actor(request), path_uuid(request, "item_id"))


async def publish(request: Request) -> Response:
    actor = await current_actor(request)
    version = await service.publish(actor, path_uuid(request, "circle_id"))
    body = Published(version=version.number, published_at=version.published_at)
    return JSONResponse(body.model_dump(mode="json"), status_code=201)


async def export_json(request: Request) -> Response:
    actor = await current_actor(request)
    document = await export.export_version(
        actor,
        path_uuid(request, "circle_id"),
        path_number(request, "number"),
        translator_for(request).gettext,
    )
    return JSONResponse(
        document.model_dump(mode="json", by_alias=True),
        headers={
            "Content-Disposition": f'attachment; filename="plan-v{document.plan_version}.json"'
        },
    )


async def export_schema(request: Request) -> JSONResponse:
    schema = export.PlanExportV1.model_json_schema(by_alias=True)
    return JSONResponse({"$id": export.SCHEMA_ID, **schema}, media_type="application/schema+json")


async def respond(request: Request, body: ResponseNew) -> AnswerOut:
    actor = await current_actor(request)
    answer = await team.respond(actor, path_uuid(request, "answer_id"), body.text)
    return await answers.shown_one(actor, answer, translator_for(request).gettext)


async def escalate(request: Request) -> AnswerOut:
    actor = await current_actor(request)
    answer = await team.escalate(actor, path_uuid(request, "answer_id"), _base_url(request))
    return await answers.shown_one(actor, answer, translator_for(request).gettext)


def _base_url(request: Request) -> str:
    return str(request.app.state.settings.base_url)


async def escalate_mine(request: Request) -> AnswerOut:
    actor = await current_actor(request)
    answer = await escalation.from_family(
        actor, path_uuid(request, "answer_id"), _base_url(request)
    )
    return await answers.shown_one(actor, answer, translator_for(request).gettext)


async def manager_answer(request: Request, body: ResponseNew) -> AnswerOut:
    actor = await current_actor(request)
    answer = await escalation.answer_as_manager(actor, path_uuid(request, "answer_id"), body.text)
    return await answers.shown_one(actor, answer, translator_for(request).gettext)


async def family_plan(request: Request) -> FamilyPlanOut:
    actor = await current_actor(request)
    return await family.family_plan(actor, translator_for(request).gettext)


async def plan_seen(request: Request, body: SeenVersion) -> None:
    await family.mark_seen(await current_actor(request), body.version)


async def answer_item(request: Request, body: AnswerNew) -> Response:
    actor = await current_actor(request)
    gettext = translator_for(request).gettext
    answer = await family.answer(actor, path_uuid(request, "item_id"), body, gettext)
    shown = await answers.shown_one(actor, answer, gettext)
    return JSONResponse(shown.model_dump(mode="json"), status_code=201)


async def withdraw_comment(request: Request) -> AnswerOut:
    actor = await current_actor(request)
    answer = await family.withdraw_comment(actor, path_uuid(request, "answer_id"))
    return await answers.shown_one(actor, answer, translator_for(request).gettext)


async def you_said(request: Request) -> YouSaid:
    actor = await current_actor(request)
    return await family.you_said(actor, translator_for(request).gettext)


async def print_team_plan(request: Request) -> Response:
    actor = await current_actor(request)
    circle_id = path_uuid(request, "circle_id")
    shown = await team.team_plan(actor, circle_id, translator_for(request).gettext)
    circle = await Circle.get(id=circle_id)
    page = print_page(
        words=wording_for(request),
        circle_name=circle.name,
        reader=actor.person.name,
        items=shown.items,
        version=shown.published_version,
        published=shown.published_at,
        working=True,
        hidden=shown.hidden,
    )
    return HTMLResponse(page, headers=NO_STORE)


async def print_family_plan(request: Request) -> Response:
    actor = await current_actor(request)
    shown = await family.family_plan(actor, translator_for(request).gettext)
    if actor.member is None:  # family_plan refuses anyone else first
        raise Forbidden()
    circle = await Circle.get(id=actor.member.circle_id)
    page = print_page(
        words=wording_for(request),
        circle_name=circle.name,
        reader=actor.person.name,
        items=shown.items,
        version=shown.version,
        published=shown.published_at,
    )
    return HTMLResponse(page, headers=NO_STORE)


PLAN = "/api/circles/{circle_id}/plan"
routes = [
    endpoint(
        "GET",
        PLAN,
        team_plan,
        response=PlanOut,
        tag="plans",
        summary="The working plan, with the family's answers (family words audited)",
    ),
    endpoint(
        "POST",
        PLAN + "/items",
        add_item,
        body=PlanItemNew,
        response=PlanItemOut,
        status=201,
        tag="plans",
        summary="Add the team's own item or an action",
    ),
    endpoint(
        "POST",
        PLAN + "/imports",
        import_words,
        body=PlanImport,
        response=PlanItemOut,
        status=201,
        tag="plans",
        summary="Bring a family member's shared words into the plan, verbatim",
    ),
    endpoint(
        "PATCH",
        "/api/plan-items/{item_id}",
        edit_item,
        body=PlanItemEdit,
        response=PlanItemOut,
        tag="plans",
        summary="Change a plan item",
    ),
    endpoint(
        "DELETE",
        "/api/plan-items/{item_id}",
        delete_item,
        tag="plans",
        summary="Remove a plan item",
    ),
    endpoint(
        "POST",
        PLAN + "/publish",
        publish,
        response=Published,
        status=201,
        tag="plans",
        summary="Publish a version of the plan to the family",
    ),
    answering(
        endpoint(
            "GET",
            PLAN + "/versions/{number:int}/export",
            export_json,
            response=export.PlanExportV1,
            tag="plans",
            summary="A published version as JSON (schema: /api/schemas/plan-export-v1.json)",
        ),
        "application/json",
        "The version, as a file to download",
        download=True,
    ),
    answering(
        endpoint(
            "GET",
            "/api/schemas/plan-export-v1.json",
            export_schema,
            tag="plans",
            public=True,
            summary="The JSON Schema of the plan export, version 1",
        ),
        "application/schema+json",
        "The JSON Schema",
    ),
    endpoint(
        "POST",
        "/api/plan-answers/{answer_id}/response",
        respond,
        body=ResponseNew,
        response=AnswerOut,
        tag="plans",
        summary="Respond to a family member's answer",
    ),
    endpoint(
        "POST",
        "/api/plan-answers/{answer_id}/escalate",
        escalate,
        response=AnswerOut,
        tag="plans",
        summary="Escalate a disagreement to the manager of the lead's team",
    ),
    endpoint(
        "POST",
        "/api/plan-answers/{answer_id}/manager-answer",
        manager_answer,
        body=ResponseNew,
        response=AnswerOut,
        tag="plans",
        summary="The manager a disagreement was escalated to answers it",
    ),
    endpoint(
        "POST",
        "/api/family/plan/answers/{answer_id}/escalate",
        escalate_mine,
        response=AnswerOut,
        tag="family",
        summary="Take my own disagreement to the manager of my worker's team",
    ),
    endpoint(
        "GET",
        "/api/family/plan",
        family_plan,
        response=FamilyPlanOut,
        tag="family",
        summary="The latest plan shared with me, and what changed since I last looked",
    ),
    endpoint(
        "POST",
        "/api/family/plan/seen",
        plan_seen,
        body=SeenVersion,
        tag="family",
        summary="I have looked at this version",
    ),
    endpoint(
        "POST",
        "/api/family/plan/items/{item_id}/answer",
        answer_item,
        body=AnswerNew,
        response=AnswerOut,
        status=201,
        tag="family",
        summary="Agree, not sure or disagree with an item, with a comment and who may read it",
    ),
    endpoint(
        "POST",
        "/api/family/plan/answers/{answer_id}/withdraw",
        withdraw_comment,
        response=AnswerOut,
        tag="family",
        summary="Stop sharing the comment of my answer (the choice stays)",
    ),
    endpoint(
        "GET",
        "/api/family/you-said",
        you_said,
        response=YouSaid,
        tag="family",
        summary="You said → the plan says",
    ),
    answering(
        endpoint(
            "GET",
            "/print/circles/{circle_id}/plan",
            print_team_plan,
            tag="plans",
            summary="Print view of the working plan (HTML)",
        ),
        "text/html",
        "A page to print (A4)",
    ),
    answering(
        endpoint(
            "GET",
            "/print/my-plan",
            print_family_plan,
            tag="family",
            summary="Print view of the plan shared with me (HTML)",
        ),
        "text/html",
        "A page to print (A4)",
    ),
]
