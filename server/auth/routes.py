"""Signing in and out. Thin: the rules live in auth.service and auth.sessions."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from server.api.endpoint import endpoint
from server.auth import password_reset, second_factor, service
from server.auth.actor import Actor
from server.auth.errors import PhoneReplaced, PractitionersOnly
from server.auth.schemas import (
    FamilySignIn,
    InvitationRedeem,
    LocaleChoice,
    Me,
    PasswordResetRequest,
    PractitionerSignIn,
    RecoveryCodes,
    ResetAsked,
    SecondFactorCode,
    SecondFactorSetup,
    SecondFactorState,
    SignedIn,
)
from server.auth.sessions import (
    DEVICE_COOKIE,
    DEVICE_COOKIE_SECONDS,
    SESSION_COOKIE,
    clear_cookie,
    current_actor,
    device_from_cookie,
    end_session,
    end_sessions,
    set_cookie,
    start_session,
)
from server.circles.models import AgeBand
from server.errors import NotSignedIn, problem
from server.organisations.models import Practitioner
from server.records.access import may_manage_records


def client_address(request: Request) -> str:
    """The caller's address (the load balancer's X-Forwarded-For, via uvicorn)."""
    return request.client.host if request.client else "unknown"


def me_of(request: Request, actor: Actor) -> Me:
    person = actor.person
    return Me(
        kind=actor.kind,
        id=str(person.id),
        name=person.name,
        locale=person.locale,
        csrf_token=actor.session.csrf_token,
        role=actor.practitioner.role.value if actor.practitioner else None,
        adult=actor.member is None
        or actor.member.role.is_carer
        or actor.member.age_band is AgeBand.ADULT,
        may_manage_records=may_manage_records(actor, request.app.state.settings),
    )


async def signed_in(
    request: Request, recovery_codes: list[str] | None = None, **who: Any
) -> Response:
    actor, token = await start_session(request, **who)
    signed_in = SignedIn(**me_of(request, actor).model_dump(), recovery_codes=recovery_codes)
    response = JSONResponse(signed_in.model_dump(mode="json", exclude_none=True))
    set_cookie(request, response, SESSION_COOKIE, token)
    return response


async def who_am_i(request: Request) -> Me | Response:
    try:
        return me_of(request, await current_actor(request))
    except NotSignedIn as refusal:
        # Tells the PWA whether to show the PIN screen on this phone.
        device = await device_from_cookie(request)
        refusal.extra["device_known"] = device is not None and device.revoked_at is None
        if device is not None and device.revoked_at is not None:
            refusal = PhoneReplaced(replaced_at=device.revoked_at.isoformat(), device_known=False)
        return problem(request, refusal)


async def practitioner_sign_in(request: Request, body: PractitionerSignIn) -> Response:
    practitioner, recovery_codes = await service.sign_in_practitioner(
        request.app.state.settings.secret_key,
        body.email,
        body.password,
        client_address(request),
        body.code,
    )
    return await signed_in(request, recovery_codes, practitioner=practitioner)


async def redeem_invitation(request: Request, body: InvitationRedeem) -> Response:
    settings = request.app.state.settings
    member, device, device_key = await service.redeem_invitation(
        settings.secret_key, body, client_address(request)
    )
    response = await signed_in(request, member=member, device=device)
    set_cookie(request, response, DEVICE_COOKIE, device_key, max_age=DEVICE_COOKIE_SECONDS)
    return response


async def family_sign_in(request: Request, body: FamilySignIn) -> Response:
    device = await device_from_cookie(request)
    member = await service.sign_in_family(device, body.pin)
    return await signed_in(request, member=member, device=device)


async def choose_language(request: Request, body: LocaleChoice) -> Me:
    """Each person picks their language; it follows them to every device."""
    actor = await current_actor(request)
    person = actor.person
    person.locale = body.locale
    await person.save(update_fields=["locale"])
    request.state.locale = body.locale
    return me_of(request, actor)


async def _practitioner(request: Request) -> Practitioner:
    actor = await current_actor(request)
    if actor.practitioner is None:
        raise PractitionersOnly()
    return actor.practitioner


async def set_up_second_factor(request: Request) -> SecondFactorSetup:
    """Starts setting up an authenticator app: a secret to scan."""
    return SecondFactorSetup(
        **await second_factor.start_setup(
            request.app.state.settings.secret_key, await _practitioner(request)
        )
    )


async def second_factor_state(request: Request) -> SecondFactorState:
    """Whether my authenticator app is on, and whether my organisation requires it."""
    return SecondFactorState(**await second_factor.state_of(await _practitioner(request)))


async def turn_off_second_factor(request: Request, body: SecondFactorCode) -> Response:
    """Turns my authenticator app off, with a current code from it."""
    await second_factor.turn_off(
        request.app.state.settings.secret_key, await _practitioner(request), body.code
    )
    return Response(status_code=204)


async def confirm_second_factor(request: Request, body: SecondFactorCode) -> RecoveryCodes:
    """The app's first code confirms it; the recovery codes are shown this once."""
    codes = await second_factor.confirm_setup(
        request.app.state.settings.secret_key, await _practitioner(request), body.code
    )
    return RecoveryCodes(recovery_codes=codes)


async def forgot_password(request: Request, body: PasswordResetRequest) -> ResetAsked:
    """Emails a one-time link if the address is a practitioner's; the answer is
    the same either way."""
    await password_reset.request_reset(
        request.app.state.settings, body.email, client_address(request)
    )
    return ResetAsked()


async def sign_out(request: Request) -> Response:
    await current_actor(request)  # checks the CSRF token, like any change
    response = Response(status_code=204)
    await end_session(request, response)
    return response


async def sign_out_everywhere(request: Request) -> Response:
    """Every phone and browser signed in as me needs signing in again (a phone
    left somewhere, a worry that someone else used it)."""
    actor = await current_actor(request)
    await end_sessions(member=actor.member, practitioner=actor.practitioner)
    response = Response(status_code=204)
    clear_cookie(request, response, SESSION_COOKIE)
    return response


routes = [
    endpoint(
        "GET",
        "/api/me",
        who_am_i,
        response=Me,
        tag="session",
        summary="Who is signed in, with the CSRF token for changes",
        public=True,
    ),
    endpoint(
        "POST",
        "/api/sessions/practitioner",
        practitioner_sign_in,
        body=PractitionerSignIn,
        response=SignedIn,
        tag="session",
        public=True,
        summary="Sign in as a practitioner with email, password and (if set up) a code",
    ),
    endpoint(
        "POST",
        "/api/invitations/redeem",
        redeem_invitation,
        body=InvitationRedeem,
        response=Me,
        tag="session",
        public=True,
        summary="Join on this phone with an invitation code and choose a PIN",
    ),
    endpoint(
        "POST",
        "/api/sessions/family",
        family_sign_in,
        body=FamilySignIn,
        response=Me,
        tag="session",
        public=True,
        summary="Sign in again with the PIN, on the phone that joined",
    ),
    endpoint(
        "PUT",
        "/api/me/locale",
        choose_language,
        body=LocaleChoice,
        response=Me,
        tag="session",
        summary="Choose my language (remembered for me)",
    ),
    endpoint(
        "POST",
        "/api/me/second-factor",
        set_up_second_factor,
        response=SecondFactorSetup,
        tag="session",
        summary="Start setting up an authenticator app (practitioners)",
    ),
    endpoint(
        "GET",
        "/api/me/second-factor",
        second_factor_state,
        response=SecondFactorState,
        tag="session",
        summary="Is my authenticator app on, and does my organisation require one?",
    ),
    endpoint(
        "DELETE",
        "/api/me/second-factor",
        turn_off_second_factor,
        body=SecondFactorCode,
        tag="session",
        summary="Turn my authenticator app off, with a current code (not where required)",
    ),
    endpoint(
        "PUT",
        "/api/me/second-factor",
        confirm_second_factor,
        body=SecondFactorCode,
        response=RecoveryCodes,
        tag="session",
        summary="Confirm the authenticator app with its first code; get recovery codes",
    ),
    endpoint(
        "POST",
        "/api/password-reset",
        forgot_password,
        body=PasswordResetRequest,
        response=ResetAsked,
        status=202,
        tag="session",
        public=True,
        summary="Forgot your password? Emails a one-time link (same answer for any email)",
    ),
    endpoint("DELETE", "/api/session", sign_out, tag="session", summary="Sign out"),
    endpoint(
        "DELETE",
        "/api/sessions",
        sign_out_everywhere,
        tag="session",
        summary="Sign out on every phone and browser",
    ),
]
