"""The OpenAPI 3.1 document, generated from the declared endpoints' models."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from starlette.routing import BaseRoute, Route

from server.api.endpoint import Endpoint
from server.api.paths import parameter_schema

REF = "#/components/schemas/{model}"

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details; `title` is translated for the reader.",
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string"},
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                },
            },
        },
    },
    "required": ["type", "title", "status"],
}


@dataclass(frozen=True)
class Answer:
    """What an endpoint answers with, when not JSON of its response model: a
    page, a download (sent with Content-Disposition: attachment), a schema."""

    media_type: str
    description: str
    download: bool = False


#: How an answer without a response model is described, by its media type.
_BODY_SCHEMAS = {
    "application/schema+json": {"type": "object", "description": "A JSON Schema (2020-12)"}
}


def answering(route: Route, media_type: str, description: str, *, download: bool = False) -> Route:
    """Documents what `route` really answers with (its Content-Type)."""
    route.answer = Answer(media_type, description, download)  # type: ignore[attr-defined]
    return route


def openapi_document(routes: list[BaseRoute], version: str) -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    schemas: dict[str, Any] = {"Problem": PROBLEM_SCHEMA}
    for route in routes:
        api: Endpoint | None = getattr(route, "api", None)
        if api is not None:
            path = re.sub(r"\{(\w+):\w+\}", r"{\1}", api.path)  # drop Starlette's converters
            answer = getattr(route, "answer", None)
            paths.setdefault(path, {})[api.method.lower()] = _operation(api, answer, schemas)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Alongside API", "version": version},
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "session": {"type": "apiKey", "in": "cookie", "name": "__Host-alongside-session"},
                "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRF-Token"},
            },
        },
    }


def _operation(api: Endpoint, answer: Answer | None, schemas: dict[str, Any]) -> dict[str, Any]:
    problem = {"application/problem+json": {"schema": {"$ref": REF.format(model="Problem")}}}
    operation: dict[str, Any] = {
        "summary": api.summary,
        "tags": [api.tag],
        "responses": {"default": {"description": "A problem", "content": problem}},
    }
    parameters = [
        {"name": name, "in": "path", "required": True, "schema": parameter_schema(name, kind)}
        for name, kind in _path_parameters(api.path)
    ]
    if parameters:
        operation["parameters"] = parameters
    if not api.public:
        operation["security"] = [{"session": [], "csrf": []}]
    if api.roles:
        operation["x-roles"] = list(api.roles)
    if api.body is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": _ref(api.body, schemas)}},
        }
    if api.response is not None or answer is not None:
        operation["responses"][str(api.status)] = _success(api, answer, schemas)
    else:
        operation["responses"]["204"] = {"description": "Done"}
    return operation


def _success(api: Endpoint, answer: Answer | None, schemas: dict[str, Any]) -> dict[str, Any]:
    answer = answer or Answer("application/json", "OK")
    schema = (
        _ref(api.response, schemas)
        if api.response is not None
        else _BODY_SCHEMAS.get(answer.media_type, {"type": "string"})
    )
    success: dict[str, Any] = {
        "description": answer.description,
        "content": {answer.media_type: {"schema": schema}},
    }
    if answer.download:
        success["headers"] = {
            "Content-Disposition": {
                "description": "attachment, with a file name",
                "schema": {"type": "string"},
            }
        }
    return success


def _ref(model: type[BaseModel], schemas: dict[str, Any]) -> dict[str, str]:
    schema = model.model_json_schema(ref_template=REF)
    schemas.update(schema.pop("$defs", {}))
    schemas[model.__name__] = schema
    return {"$ref": REF.format(model=model.__name__)}


def _path_parameters(path: str) -> list[tuple[str, str]]:
    """Each `{name}` or `{name:converter}` of a path, as (name, converter)."""
    return re.findall(r"\{(\w+)(?::(\w+))?\}", path)
