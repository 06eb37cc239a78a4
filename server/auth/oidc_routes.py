"""The browser's trip to an organisation's identity provider and back. These are
page redirects, not JSON: a refusal is a translated page with a way back."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from server.api.endpoint import endpoint
from server.auth import oidc
from server.auth.sessions import SESSION_COOKIE, cookie_name, set_cookie, start_session
from server.errors import AppError
from server.i18n import N_, request_language, text_direction, translator_for

#: Binds the trip to this browser. Lax, not Strict: it must come back with the
#: provider's cross-site redirect to the callback.
STATE_COOKIE = "alongside-oidc"
BACK = N_("Back to sign in")
_templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
)


class IdentityProviderOut(BaseModel):
    key: str
    name: str


class IdentityProviders(BaseModel):
    providers: list[IdentityProviderOut]


async def list_providers(request: Request) -> IdentityProviders:
    settings = request.app.state.settings
    return IdentityProviders(
        providers=[
            IdentityProviderOut(key=provider.key, name=provider.name)
            for provider in settings.identity_providers
        ]
    )


def problem_page(request: Request, error: AppError) -> HTMLResponse:
    translate = translator_for(request)
    assert isinstance(error.title, str)
    lang = request_language(request)
    page = _templates.get_template("sign_in_problem.html").render(
        back=translate.gettext(BACK),
        lang=lang,
        dir=text_direction(lang),
        title=translate.gettext(error.title),
        code=error.code,
    )
    return HTMLResponse(page, status_code=error.status)


async def start(request: Request) -> Response:
    """To the provider: /auth/oidc/{provider}/start, or /auth/oidc/start?invitation=…
    (the link an invitation gives, to the invited organisation's provider)."""
    settings = request.app.state.settings
    invitation = request.query_params.get("invitation", "")
    try:
        key = request.path_params.get("provider") or await oidc.provider_for_invitation(invitation)
        url, state = await oidc.start(settings, key, invitation)
    except AppError as error:
        return problem_page(request, error)
    response = RedirectResponse(url, status_code=303)
    response.set_cookie(
        cookie_name(request, STATE_COOKIE),
        state,
        max_age=int(oidc.TRIP.total_seconds()),
        path="/",
        secure=request.url.scheme == "https",
        httponly=True,
        samesite="lax",
    )
    return response


async def callback(request: Request) -> Response:
    settings = request.app.state.settings
    browser_state = request.cookies.get(cookie_name(request, STATE_COOKIE))
    try:
        practitioner = await oidc.finish(settings, request.query_params, browser_state)
    except AppError as error:
        await oidc.failed()
        return problem_page(request, error)
    _, token = await start_session(request, practitioner=practitioner)
    await oidc.signed_in(practitioner)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(cookie_name(request, STATE_COOKIE), path="/")
    set_cookie(request, response, SESSION_COOKIE, token)
    return response


api_routes = [
    endpoint(
        "GET",
        "/api/sign-in/providers",
        list_providers,
        response=IdentityProviders,
        tag="session",
        public=True,
        summary="The organisations' sign-in services (single sign-on) to offer",
    ),
]
page_routes = [
    Route("/auth/oidc/start", start, methods=["GET"]),
    Route("/auth/oidc/{provider}/start", start, methods=["GET"]),
    Route(oidc.CALLBACK_PATH, callback, methods=["GET"]),
]
