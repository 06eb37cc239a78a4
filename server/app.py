"""The app factory: Alongside is declared here, from its parts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route
from tortoise.contrib.starlette import RegisterTortoise

from server import health, web
from server.api.openapi import openapi_document
from server.audit.routes import routes as audit_routes
from server.auth.oidc_routes import api_routes as sign_in_provider_routes
from server.auth.oidc_routes import page_routes as sign_in_page_routes
from server.auth.routes import routes as auth_routes
from server.auth.sign_in_settings import routes as sign_in_settings_routes
from server.checkins.routes import routes as check_in_routes
from server.circles.routes import routes as circle_routes
from server.commands.routes import routes as command_routes
from server.contributions.routes import routes as contribution_routes
from server.db import tortoise_config
from server.errors import ServerFaults, exception_handlers
from server.family.kept_homes import KeptHomes
from server.family.routes import routes as family_routes
from server.i18n import I18n
from server.meetings.routes import routes as meeting_routes
from server.notifications.routes import routes as notification_routes
from server.organisations.routes import routes as organisation_routes
from server.oversight.routes import routes as oversight_routes
from server.plans.routes import routes as plan_routes
from server.practitioners.routes import routes as practitioner_routes
from server.records.routes import routes as records_routes
from server.review.routes import routes as review_routes
from server.security import BodyLimit, CrossSiteGuard, SecurityHeaders
from server.settings import Settings

API_ROUTES: list[BaseRoute] = [
    *auth_routes,
    *sign_in_provider_routes,
    *audit_routes,
    *records_routes,
    *sign_in_settings_routes,
    *family_routes,
    *contribution_routes,
    *circle_routes,
    *meeting_routes,
    *check_in_routes,
    *plan_routes,
    *practitioner_routes,
    *notification_routes,
    *organisation_routes,
    *oversight_routes,
    *review_routes,
    *command_routes,
]


def app_version() -> str:
    try:
        return version("alongside")
    except PackageNotFoundError:
        return "0.0.0"


@cache
def api_document(version: str) -> dict[str, Any]:
    """The OpenAPI document, built once per process: the routes never change."""
    return openapi_document(API_ROUTES, version)


async def openapi(request: Request) -> JSONResponse:
    return JSONResponse(request.app.state.openapi)


def create_app(settings: Settings) -> Starlette:
    settings = settings.ready()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with RegisterTortoise(app, config=tortoise_config(settings.db_url)):
            yield

    app = Starlette(
        routes=[
            *health.routes,
            Route("/api/openapi.json", openapi, methods=["GET"]),
            *API_ROUTES,
            *sign_in_page_routes,
            *web.routes(),
        ],
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(ServerFaults),
            Middleware(BodyLimit, max_bytes=settings.max_body_bytes),
            Middleware(CrossSiteGuard),
        ],
        exception_handlers=exception_handlers,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.i18n = I18n(default=settings.default_locale)
    app.state.shell = web.build_shell(app.state.i18n)
    app.state.openapi = api_document(app_version())
    app.state.kept_homes = KeptHomes()
    return app
