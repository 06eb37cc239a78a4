"""Errors carry their HTTP status and a stable type; one handler turns them into
`application/problem+json` with a title translated for the person asking."""

from __future__ import annotations

import logging
from typing import Any

from babel.support import NullTranslations
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.i18n import N_, N_plural, translator_for

PROBLEM_TYPE_BASE = "https://alongside.example/problems/"
log = logging.getLogger("alongside.errors")


class ProblemResponse(JSONResponse):
    media_type = "application/problem+json"


class AppError(Exception):
    """A refusal the user can understand. Subclasses set status, code and title.

    `title` is an untranslated message id, or a (singular, plural) pair chosen by
    `params["count"]`; `params` fill its `{placeholders}`.
    """

    status = 400
    code = "bad-request"
    title: str | tuple[str, str] = N_("Something went wrong with that. Please try again.")

    def __init__(self, *, errors: list[dict[str, Any]] | None = None, **extra: Any) -> None:
        super().__init__(self.code)
        self.errors = errors or []
        self.extra = extra

    def headers(self) -> dict[str, str] | None:
        return None


class Malformed(AppError):
    code = "malformed-body"
    title = N_("Alongside could not read that. Please try again from the app.")


class WrongContentType(AppError):
    status = 415
    code = "unsupported-media-type"
    title = N_("Alongside could not read that. Please try again from the app.")


class TooLarge(AppError):
    status = 413
    code = "too-large"
    title = N_("That is too much to send at once.")


class Invalid(AppError):
    status = 422
    code = "invalid"
    title = N_("Some answers need another look.")

    @classmethod
    def on(cls, field: str, message: str) -> Invalid:
        """One field's problem; `message` is an untranslated message id."""
        return cls(errors=[{"field": field, "code": "invalid", "message": message}])


class NotSignedIn(AppError):
    status = 401
    code = "not-signed-in"
    title = N_("Please sign in first.")


class Forbidden(AppError):
    status = 403
    code = "forbidden"
    title = N_("You cannot do that.")


class CrossSite(AppError):
    status = 403
    code = "cross-site-request"
    title = N_(
        "That did not work. To keep your account safe, please try again from the Alongside app."
    )


class NotFound(AppError):
    status = 404
    code = "not-found"
    title = N_("We could not find that.")


class TooManyTries(AppError):
    status = 429
    code = "too-many-tries"
    title = N_plural(
        "Too many tries. Please wait {count} minute, then try again.",
        "Too many tries. Please wait {count} minutes, then try again.",
    )

    def __init__(self, *, retry_after_seconds: int) -> None:
        super().__init__()
        self.retry_after = max(1, retry_after_seconds)
        # Whole minutes, rounded up: "wait 1 minute" is never too short.
        self.params = {"count": -(-self.retry_after // 60)}

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class MethodNotAllowed(AppError):
    status = 405
    code = "method-not-allowed"
    title = N_("That action is not possible here.")


class Conflict(AppError):
    status = 409
    code = "conflict"
    title = N_("That was changed somewhere else first.")


class Gone(AppError):
    status = 410
    code = "gone"
    title = N_("This has been used already, or it has run out.")


class ServerFault(AppError):
    status = 500
    code = "server-error"
    title = N_("Something went wrong on our side. Nothing was changed. Please try again.")


_STATUS_ERRORS: dict[int, type[AppError]] = {
    401: NotSignedIn,
    403: Forbidden,
    404: NotFound,
    405: MethodNotAllowed,
}


def problem(request: Request, error: AppError) -> ProblemResponse:
    translate = translator_for(request)
    params = getattr(error, "params", {})
    if isinstance(error.title, tuple):
        title = translate.ngettext(*error.title, params["count"])
    else:
        title = translate.gettext(error.title)
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + error.code,
        "title": title.format(**params),
        "status": error.status,
    }
    if error.errors:
        body["errors"] = [_field_problem(translate, item) for item in error.errors]
    body.update(error.extra)
    return ProblemResponse(body, status_code=error.status, headers=error.headers())


def _field_problem(translate: NullTranslations, item: dict[str, Any]) -> dict[str, Any]:
    params = item.get("params", {})
    text = item["message"]
    if isinstance(text, tuple):
        singular, plural = text
        text = translate.ngettext(singular, plural, params["count"])
    else:
        text = translate.gettext(text)
    return {
        "field": item["field"],
        "code": item.get("code", "invalid"),
        "message": text.format(**params),
    }


async def handle_app_error(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, AppError)
    return problem(request, exc)


async def handle_http_exception(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, HTTPException)
    error_class = _STATUS_ERRORS.get(exc.status_code, AppError)
    error = error_class()
    error.status = exc.status_code
    return problem(request, error)


exception_handlers = {
    AppError: handle_app_error,
    HTTPException: handle_http_exception,
}


class ServerFaults:
    """Answers an unexpected exception with a calm, translated problem, and logs
    it. Starlette's own handler sits outside every middleware; this one sits
    inside SecurityHeaders, so a 500 carries the same protective headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception:
            if started or scope["type"] != "http":  # too late, or no answer to give
                raise
            log.exception("unexpected error answering %s %s", scope["method"], scope["path"])
            await problem(Request(scope), ServerFault())(scope, receive, send)
