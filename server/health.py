"""Liveness and readiness for the load balancer."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from tortoise import connections

from server.errors import ServerFault, problem
from server.i18n import N_


class NotReady(ServerFault):
    status = 503
    code = "not-ready"
    title = N_("Alongside cannot reach its database just now.")


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    try:
        await connections.get("default").execute_query("SELECT 1")
    except Exception:  # any failure to reach the database means "not ready"
        return problem(request, NotReady())
    return JSONResponse({"status": "ready"})


routes = [
    Route("/healthz", healthz, methods=["GET", "HEAD"]),
    Route("/readyz", readyz, methods=["GET", "HEAD"]),
]
