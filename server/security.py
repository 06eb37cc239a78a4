"""The security baseline, as pure ASGI middleware, the same in production and tests."""

from __future__ import annotations

import secrets

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.errors import AppError, CrossSite, TooLarge, problem

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
HSTS = "max-age=63072000; includeSubDomains"


def content_security_policy(nonce: str) -> str:
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "manifest-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


#: An API answer is data, never a page: nothing in it may load or run, so it needs
#: no nonce, and the policy is the same bytes every time.
API_POLICY = "default-src 'none'; frame-ancestors 'none'"

Header = tuple[bytes, bytes]


def _raw(headers: dict[str, str]) -> list[Header]:
    return [(name.lower().encode(), value.encode()) for name, value in headers.items()]


PROTECTIVE = _raw(
    {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }
)
FOR_HTTPS = _raw({"Strict-Transport-Security": HSTS})
FOR_API = _raw({"Content-Security-Policy": API_POLICY, "Cache-Control": "no-store"})


class SecurityHeaders:
    """Adds the protective headers to every response, replacing any of the same
    name: a page gets a fresh CSP nonce (kept in `request.state.csp_nonce`); an
    API answer gets `API_POLICY` and is never cached. The headers are prepared
    once, as bytes: this runs on every request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        added = list(PROTECTIVE)
        if scope.get("scheme") == "https":
            added += FOR_HTTPS
        if scope["path"].startswith("/api/"):
            added += FOR_API
        else:
            nonce = secrets.token_urlsafe(18)
            scope.setdefault("state", {})["csp_nonce"] = nonce
            added.append((b"content-security-policy", content_security_policy(nonce).encode()))
        ours = {name for name, _ in added}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [h for h in message.get("headers", ()) if h[0].lower() not in ours]
                message["headers"] = kept + added
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _refuse(scope: Scope, receive: Receive, send: Send, error: AppError) -> None:
    response = problem(Request(scope), error)
    await response(scope, receive, send)


class BodyLimit:
    """Refuses bodies over `max_bytes`, whether announced or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # ASGI gives header names in lower case (Starlette's Headers relies on it too).
        declared = next((v for name, v in scope["headers"] if name == b"content-length"), b"0")
        if not declared.isdigit() or int(declared) > self.max_bytes:
            await _refuse(scope, receive, send, TooLarge())
            return
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise TooLarge()
            return message

        await self.app(scope, counted_receive, send)


class CrossSiteGuard:
    """A state-changing request that carries cookies must come from this origin.

    Browsers send `Origin` (and `Sec-Fetch-Site`) on every such request, so one
    that lacks both, or names another site, is refused before any handler runs.
    Signed-in requests must also carry the session's CSRF token (see auth)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS:
            headers = Headers(scope=scope)
            if "cookie" in headers and not _same_origin(scope, headers):
                await _refuse(scope, receive, send, CrossSite())
                return
        await self.app(scope, receive, send)


def _same_origin(scope: Scope, headers: Headers) -> bool:
    origin = headers.get("origin")
    if origin is not None:
        return origin == f"{scope.get('scheme', 'http')}://{headers.get('host', '')}"
    return headers.get("sec-fetch-site") == "same-origin"
