"""The phone's outbox sends its backlog as batches of commands."""

from __future__ import annotations

from starlette.requests import Request
from starlette.routing import BaseRoute

from server.api.endpoint import Endpoint, endpoint
from server.checkins.routes import routes as check_in_routes
from server.commands import batch
from server.commands.schemas import Batch, BatchAnswers
from server.contributions.routes import routes as contribution_routes
from server.plans.routes import routes as plan_routes

#: The domain commands the outbox sends (never sign-in, never a batch).
OUTBOX_COMMANDS = {
    ("POST", "/api/contributions"),
    ("PATCH", "/api/contributions/{contribution_id}"),
    ("DELETE", "/api/contributions/{contribution_id}"),
    ("PUT", "/api/contributions/{contribution_id}/audience"),
    ("POST", "/api/contributions/{contribution_id}/withdraw"),
    ("POST", "/api/family/plan/items/{item_id}/answer"),
    ("POST", "/api/family/plan/answers/{answer_id}/escalate"),
    ("PUT", "/api/family/check-ins/{meeting_id}"),
}


def _sent_by_outbox(route: BaseRoute) -> bool:
    api: Endpoint | None = getattr(route, "api", None)
    return api is not None and (api.method, api.path) in OUTBOX_COMMANDS


ALLOWED = [
    route
    for route in [*contribution_routes, *plan_routes, *check_in_routes]
    if _sent_by_outbox(route)
]


async def send_batch(request: Request, body: Batch) -> BatchAnswers:
    return await batch.run_batch(request, body, ALLOWED)


routes = [
    endpoint(
        "POST",
        "/api/commands/batch",
        send_batch,
        body=Batch,
        response=BatchAnswers,
        tag="commands",
        one_transaction=False,
        summary="Send several outbox commands at once: each runs as if sent on its own "
        "(its own Idempotency-Key, answer and transaction), in order",
    ),
]
