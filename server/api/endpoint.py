"""Declaring a JSON endpoint once: the same pydantic models validate the request,
shape the response and describe both in the OpenAPI document."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from server.api.validation import invalid_from
from server.commands import idempotency
from server.errors import Malformed, NotFound, WrongContentType

Handler = Callable[..., Awaitable[BaseModel | Response | None]]


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
) -> Route:
    """A route whose handler gets `(request, body)` or `(request)` and returns a
    response model (sent as JSON), a Response, or None (204)."""

    async def answer(request: Request) -> Response:
        if body is None:
            result = await handler(request)
        else:
            result = await handler(request, await read_body(request, body))
        if result is None:
            return Response(status_code=204)
        if isinstance(result, Response):
            return result
        return JSONResponse(result.model_dump(mode="json"), status_code=status)

    async def run(request: Request) -> Response:
        key = request.headers.get("idempotency-key")
        if key is not None and method not in ("GET", "HEAD") and not public:
            return await idempotency.once(request, key, lambda: answer(request))
        return await answer(request)

    run.__name__ = handler.__name__
    route = Route(path, run, methods=[method])
    route.api = Endpoint(path, method, summary, body, response, status, tag, public)  # type: ignore[attr-defined]
    return route


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
