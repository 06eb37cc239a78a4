"""Declaring a JSON endpoint once: the same pydantic models validate the request,
shape the response and describe both in the OpenAPI document."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.api.validation import invalid_from
from server.assets import chosen_encoding, compress
from server.auth.sessions import saved_language
from server.commands import idempotency
from server.errors import AppError, Conflict, Malformed, NotFound, WrongContentType
from server.i18n import N_

Handler = Callable[..., Awaitable[BaseModel | Response | None]]
JSON = "application/json"


class ChangedAtOnce(Conflict):
    code = "changed-at-once"
    title = N_("This was saved from somewhere else at the same moment. Please look again.")


@dataclass(frozen=True)
class Endpoint:
    path: str
    method: str
    summary: str
    body: type[BaseModel] | None
    response: type[BaseModel] | None
    status: int
    tag: str
    public: bool
    #: The staff roles allowed (see organisations.permissions), for `x-roles`.
    roles: tuple[str, ...] = ()


def endpoint(
    method: str,
    path: str,
    handler: Handler,
    *,
    summary: str,
    tag: str,
    body: type[BaseModel] | None = None,
    response: type[BaseModel] | None = None,
    status: int = 200,
    public: bool = False,
    roles: list[str] | None = None,
    one_transaction: bool = True,
) -> Route:
    """A route whose handler gets `(request, body)` or `(request)` and returns a
    response model (sent as JSON), a Response, or None (204). A state-changing
    request runs in one transaction, unless `one_transaction` is False (the batch
    of commands, where each command runs in its own)."""

    async def answer(request: Request) -> Response:
        if body is None:
            result = await handler(request)
        else:
            result = await handler(request, await read_body(request, body))
        if result is None:
            return Response(status_code=204)
        if isinstance(result, Response):
            return result
        return _json(request, result, status)

    async def command(request: Request) -> Response:
        key = request.headers.get("idempotency-key")
        if key is not None and not public:
            return await idempotency.once(request, key, lambda: answer(request))
        return await answer(request)

    async def run(request: Request) -> Response:
        try:
            if method in ("GET", "HEAD") or not one_transaction:
                return await answer(request)
            return await in_one_transaction(request, command)
        except AppError:
            await _settle_language(request)
            raise

    run.__name__ = handler.__name__
    route = Route(path, run, methods=[method])
    api = Endpoint(path, method, summary, body, response, status, tag, public, tuple(roles or ()))
    route.api = api  # type: ignore[attr-defined]
    return route


#: Smaller answers go as they are: compressing them saves next to nothing.
COMPRESS_FROM = 1024


def _json(request: Request, result: BaseModel, status: int) -> Response:
    """The model as JSON, written by pydantic in one pass (compact UTF-8, as
    JSONResponse would). A read's answer of 1 KB or more is compressed (brotli where
    the browser asks for it, else gzip): a plan of 500 items is 170 KB as JSON and
    about 10 KB compressed, which matters on a phone's slow connection. Never
    compressed: an answer that carries the session's CSRF token (so it cannot be
    guessed from compressed sizes), and a command's (its idempotent replay is kept
    as it was sent)."""
    secret = "csrf_token" in type(result).model_fields
    return json_answer(request, result.model_dump_json().encode(), status, secret=secret)


def json_answer(request: Request, body: bytes, status: int = 200, *, secret: bool) -> Response:
    """JSON already written, compressed as `_json` says (never when `secret`)."""
    headers = {"Vary": "Accept-Encoding"}
    encoding = chosen_encoding(request.headers.get("accept-encoding", ""))
    if encoding and request.method in ("GET", "HEAD") and len(body) >= COMPRESS_FROM and not secret:
        body = compress(body, encoding, once=False)
        headers["Content-Encoding"] = encoding
    return Response(body, status_code=status, headers=headers, media_type=JSON)


async def in_one_transaction(
    request: Request, command: Callable[[Request], Awaitable[Response]]
) -> Response:
    """A state-changing request and its idempotency record commit together, or not
    at all: a crash (or a lost race) leaves nothing half done. A refusal keeps
    what the refusal itself recorded (a failed sign-in attempt) and nothing else
    was written before it, because services check before they change."""
    refusal: AppError | None = None
    try:
        async with in_transaction():
            try:
                return await command(request)
            except AppError as error:
                refusal = error
    except IntegrityError:
        # Another request wrote the same thing at the same moment, and won.
        key = request.headers.get("idempotency-key")
        replay = await idempotency.earlier_answer(request, key) if key else None
        if replay is not None:
            return replay
        raise ChangedAtOnce() from None
    assert refusal is not None
    raise refusal


async def _settle_language(request: Request) -> None:
    """A refusal is written in the signed-in person's language even when it came
    before the handler looked them up (the body is checked first)."""
    if getattr(request.state, "locale", None) is None:
        request.state.locale = await saved_language(request)


async def read_body(request: Request, model: type[BaseModel]) -> Any:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise WrongContentType()
    raw = await request.body()
    try:
        return model.model_validate_json(raw or b"")
    except ValidationError as error:
        if any(item["type"] == "json_invalid" for item in error.errors()):
            raise Malformed() from None
        raise invalid_from(error) from None


def path_uuid(request: Request, name: str) -> UUID:
    """An id from the path; one that is not even an id is simply not found."""
    try:
        return UUID(request.path_params[name])
    except ValueError:
        raise NotFound() from None
