"""Path parameters, read and described in one place: ids are UUIDs (read with
`path_uuid`), version numbers are whole numbers the database can hold."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from server.api.fields import DB_INT_MAX
from server.errors import NotFound


def path_number(request: Request, name: str) -> int:
    """A version number from a `{name:int}` path; one no version could have
    (0, or too big for the database) is simply not found."""
    number = int(request.path_params[name])
    if not 1 <= number <= DB_INT_MAX:
        raise NotFound()
    return number


def parameter_schema(name: str, converter: str) -> dict[str, Any]:
    """The JSON Schema of a path parameter, from its name and Starlette converter."""
    if converter == "int":
        return {"type": "integer", "minimum": 1, "maximum": DB_INT_MAX}
    if name.endswith("_id"):
        return {"type": "string", "format": "uuid"}
    return {"type": "string"}
