"""No input makes a server error. The test walks the OpenAPI document and tries
every body field and path parameter of every endpoint with null, the wrong type,
numbers too big for the database and control characters: each answer is a
success or a 4xx problem, never a 5xx, on SQLite and on PostgreSQL; and no
control character is ever accepted."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from tests import factories

PROBLEM = "application/problem+json"
HUGE = 99999999999999999999
CONTROL_CHARACTERS = ["a\x00b", "\x07", "a\x1b[2Jb", "\x7f", "\u0085"]
# Dates at the ends of the calendar, where time zone arithmetic overflows.
EXTREME_DATES = [
    "0001-01-01",
    "9999-12-31",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00",
    "0001-01-03T00:00:00Z",
]
BAD_VALUES: list[Any] = [
    None,
    True,
    1.5,
    HUGE,
    -HUGE,
    2**31,
    2**63,
    "",
    *CONTROL_CHARACTERS,
    *EXTREME_DATES,
    [],
    {},
    [None],
    {"a": None},
]
BAD_PATH_VALUES = [
    str(HUGE),
    "2147483648",
    "9223372036854775808",
    "-1",
    "0",
    "null",
    "%00",
    "a%00b",
    "%0A",
    "%7F",
    "%20",
    str(uuid.uuid4()),
]
FAMILY_TAGS = {"family", "contributions"}


def _resolve(schema: dict, document: dict) -> dict:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _not_null(schema: dict, document: dict) -> dict:
    schema = _resolve(schema, document)
    options = [o for o in schema.get("anyOf", []) if o.get("type") != "null"]
    return _resolve(options[0], document) if options else schema


class Examples:
    """Valid values, by field name where a real id or a known form is needed."""

    def __init__(self, world: factories.World, shared_id: str) -> None:
        self.by_name: dict[str, Any] = {
            "member_id": str(world.parent.id),
            "practitioner_id": str(world.teammate.id),
            "meeting_id": str(world.meeting.id),
            "contribution_id": shared_id,
            "member_ids": [str(world.young_person.id)],
            "email": "tom@example.test",
            "password": factories.PASSWORD,
            "pin": "2468",
            "code": "ABCDEFGHJK",
            "locale": "pl",
            "endpoint": "https://fcm.googleapis.com/fcm/send/x",
            "p256dh": "B" + "x" * 86,
            "auth": "A" * 22,
            "version": 1,
            "scale_value": 5,
        }

    def value(self, name: str, schema: dict, document: dict) -> Any:
        if name in self.by_name:
            return self.by_name[name]
        schema = _not_null(schema, document)
        if "enum" in schema:
            return schema["enum"][0]
        kind = schema.get("type")
        if kind == "object":
            return self.body(schema, document)
        if kind == "array":
            return [self.value("", schema["items"], document)] * max(1, schema.get("minItems", 1))
        if kind == "integer":
            return schema.get("minimum", 1)
        if kind == "boolean":
            return True
        return {
            "uuid": str(uuid.uuid4()),
            "date": (date.today() + timedelta(days=3)).isoformat(),
            "date-time": (datetime.now(UTC) + timedelta(days=5)).isoformat(),
        }.get(schema.get("format", ""), "Words from the test")

    def body(self, schema: dict, document: dict) -> dict:
        schema = _not_null(schema, document)
        return {
            name: self.value(name, schema["properties"][name], document)
            for name in schema.get("required", [])
        }


def _fields(schema: dict, document: dict, prefix: tuple = ()) -> Iterator[tuple]:
    """Every field's path in a body: nested objects' fields and array items too."""
    schema = _not_null(schema, document)
    for name, field in schema.get("properties", {}).items():
        yield (*prefix, name)
        inner = _not_null(field, document)
        if inner.get("type") == "object":
            yield from _fields(inner, document, (*prefix, name))
        if inner.get("type") == "array":
            yield (*prefix, name, 0)


def _with(
    body: dict, schema: dict, document: dict, path: tuple, bad: Any, examples: Examples
) -> dict:
    """A copy of a valid body with the field at `path` replaced by `bad`."""
    body = dict(body)
    head, *rest = path
    if not rest:
        body[head] = bad
        return body
    field = _not_null(schema, document)["properties"][head]
    inner = _not_null(field, document)
    if isinstance(rest[0], int):
        body[head] = [bad]
        return body
    start = body.get(head) or examples.body(inner, document)
    body[head] = _with(start, inner, document, tuple(rest), bad, examples)
    return body


async def _scene(client) -> tuple[factories.World, dict[str, str], Examples]:
    """A circle with a published plan, a draft, shared words and an answer."""
    world = await factories.world()
    circle = world.circle.id
    await factories.act_as(client, world.lead)
    item = await client.post(
        f"/api/circles/{circle}/plan/items",
        json={"section": "working_well", "text": "Weekly visits"},
    )
    assert (await client.post(f"/api/circles/{circle}/plan/publish")).status_code == 201
    await factories.act_as(client, world.young_person)
    draft = await client.post(
        "/api/contributions",
        json={"id": str(uuid.uuid4()), "kind": "going_well", "text": "School is better"},
    )
    shared = await client.post(
        "/api/contributions",
        json={
            "id": str(uuid.uuid4()),
            "kind": "worried_about",
            "text": "Nights",
            "audience": "my_worker",
        },
    )
    answer = await client.post(
        f"/api/family/plan/items/{item.json()['id']}/answer",
        json={"answer": "disagree", "comment": "Not weekly"},
    )
    ids = {
        "circle_id": str(circle),
        "member_id": str(world.parent.id),
        "meeting_id": str(world.meeting.id),
        "contribution_id": draft.json()["id"],
        "item_id": item.json()["id"],
        "answer_id": answer.json()["id"],
        "number": "1",
        "year": "2026",
        "organisation_id": str(world.circle.organisation_id),
        "practitioner_id": str(world.teammate.id),
        "urgent_id": str(uuid.uuid4()),
        "team_id": str(uuid.uuid4()),
    }
    return world, ids, Examples(world, shared.json()["id"])


def _cases(document: dict, ids: dict[str, str], examples: Examples) -> Iterator[tuple]:
    """(operation, method, path, body, bad value) for every bad value in every place."""
    for template, operations in document["paths"].items():
        for method, operation in operations.items():
            names = [p["name"] for p in operation.get("parameters", [])]
            schema = (
                operation.get("requestBody", {})
                .get("content", {})
                .get("application/json", {})
                .get("schema")
            )
            good = examples.body(schema, document) if schema else None
            path = template.format(**ids)
            for name in names:
                for bad in BAD_PATH_VALUES:
                    yield operation, method, template.format(**{**ids, name: bad}), good, bad
            if schema is None:
                continue
            for field in _fields(schema, document):
                for bad in BAD_VALUES:
                    body = _with(good, schema, document, field, bad, examples)
                    yield operation, method, path, body, bad
            for bad in (None, [], "text", HUGE):
                yield operation, method, path, bad, bad


async def test_no_body_field_or_path_parameter_causes_a_server_error(client):
    document = (await client.get("/api/openapi.json")).json()
    world, ids, examples = await _scene(client)
    failures = []
    for operation, method, path, body, bad in _cases(document, ids, examples):
        family = FAMILY_TAGS & set(operation["tags"])
        await factories.act_as(client, world.young_person if family else world.lead)
        kwargs = {} if body is None and "requestBody" not in operation else {"json": body}
        response = await client.request(method.upper(), path, **kwargs)
        if response.status_code >= 500 or (
            bad in CONTROL_CHARACTERS and response.status_code < 400
        ):
            failures.append(f"{method.upper()} {path} {body!r} -> {response.status_code}")
        elif response.status_code >= 400:
            assert response.headers["content-type"] == PROBLEM, (method, path, body)
    assert not failures, "\n".join(failures)
