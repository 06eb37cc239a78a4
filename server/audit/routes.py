"""The audit viewer's endpoints: search (GET) and CSV export (GET). There is no
route that changes or deletes an audit record."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from server.api.endpoint import endpoint
from server.audit import viewer
from server.audit.schemas import AuditPage
from server.auth.sessions import current_actor
from server.organisations.permissions import Action, roles_for


async def search_audit(request: Request) -> AuditPage:
    actor = await current_actor(request)
    return await viewer.page(actor, request.query_params, request.app.state.settings.timezone)


async def export_audit(request: Request) -> Response:
    actor = await current_actor(request)
    rows = await viewer.export(actor, request.query_params, request.app.state.settings.timezone)
    return StreamingResponse(
        rows,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="alongside-audit.csv"'},
    )


routes = [
    endpoint(
        "GET",
        "/api/audit",
        search_audit,
        response=AuditPage,
        tag="audit",
        roles=roles_for(Action.SEE_AUDIT),
        summary=(
            "Search the audit by person, circle and date (?person=&circle=&since=&until=),"
            " a page at a time, newest first (?limit=, at most 200; ?before= the last page's next)"
        ),
    ),
    endpoint(
        "GET",
        "/api/audit/export",
        export_audit,
        tag="audit",
        roles=roles_for(Action.SEE_AUDIT),
        summary="The whole search as CSV, every record (not one page)",
    ),
]
