from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from server.api.endpoint import endpoint
from server.auth import second_factor
from server.auth.routes import signed_in
from server.auth.schemas import Me
from server.auth.sessions import current_actor
from server.i18n import translator_for
from server.practitioners import invitations, service
from server.practitioners.schemas import InvitationLink, PasswordChoice, PractitionerHome, Welcome


async def practitioner_home(request: Request) -> PractitionerHome:
    actor = await current_actor(request)
    return await service.home(actor, translator_for(request).gettext)


async def welcome(request: Request, body: InvitationLink) -> Welcome:
    practitioner = await invitations.practitioner_for_invitation(body.token)
    return Welcome(name=practitioner.name, email=practitioner.email)


async def set_password(request: Request, body: PasswordChoice) -> Response:
    practitioner = await service.set_password(body.token, body.password)
    # The link proves the inbox, not the authenticator app: where one is set up
    # (or required), the password is kept and signing in asks for the code.
    await second_factor.check_at_sign_in(
        request.app.state.settings.secret_key, practitioner, code=None
    )
    return await signed_in(request, practitioner=practitioner)


routes = [
    endpoint(
        "GET",
        "/api/practitioner/home",
        practitioner_home,
        response=PractitionerHome,
        tag="practitioner",
        summary="A practitioner's circles and their next meetings",
    ),
    endpoint(
        "POST",
        "/api/practitioner-invitations/look",
        welcome,
        body=InvitationLink,
        response=Welcome,
        tag="session",
        public=True,
        summary="Whose one-time link this is (it stays unused)",
    ),
    endpoint(
        "POST",
        "/api/practitioner-invitations/accept",
        set_password,
        body=PasswordChoice,
        response=Me,
        tag="session",
        public=True,
        summary="Use a one-time link: choose a password and sign in",
    ),
]
