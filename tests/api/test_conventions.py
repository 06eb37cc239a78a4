"""Every refusal is application/problem+json with a stable type and a translated
title, and a refused request changes nothing."""

import json

from openapi_spec_validator import validate

from server.auth.models import Attempt, Session
from tests import factories

PROBLEM = "application/problem+json"


async def test_malformed_json_is_a_clear_problem(client):
    response = await client.post(
        "/api/sessions/practitioner",
        content=b"{not json",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["type"].endswith("/malformed-body") and body["status"] == 400
    assert body["title"] == "Alongside could not read that. Please try again from the app."


async def test_json_of_the_wrong_shape_is_malformed(client):
    for payload in ([1, 2], "text", 42):
        response = await client.post("/api/sessions/practitioner", json=payload)
        assert response.status_code == 400, payload


async def test_a_wrong_content_type_is_refused(client):
    response = await client.post(
        "/api/sessions/practitioner",
        content=b"email=a&password=b",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 415
    assert response.headers["content-type"] == PROBLEM


async def test_an_oversized_body_is_refused_before_it_is_read(client, settings):
    await factories.world()
    huge = json.dumps({"email": "priya@example.test", "password": "x" * settings.max_body_bytes})
    response = await client.post(
        "/api/sessions/practitioner", content=huge, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM
    assert await Attempt.all().count() == 0 and await Session.all().count() == 0


async def test_a_streamed_body_without_length_is_still_limited(client, settings):
    async def chunks():
        for _ in range(settings.max_body_bytes // 1024 + 2):
            yield b" " * 1024

    response = await client.post(
        "/api/sessions/practitioner", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413


async def test_unknown_fields_are_refused_per_field(client):
    response = await client.post(
        "/api/sessions/practitioner", json={"email": "a@b.c", "password": "x", "admin": True}
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "admin", "code": "extra_forbidden", "message": "We did not expect this."}
    ]


async def test_unknown_paths_and_methods_are_problems(client):
    missing = await client.get("/api/nothing-lives-here")
    assert missing.status_code == 404 and missing.headers["content-type"] == PROBLEM
    wrong_method = await client.put("/api/me", json={})
    assert wrong_method.status_code == 405 and wrong_method.headers["content-type"] == PROBLEM


async def test_titles_follow_the_readers_language(client):
    response = await client.get("/api/me", headers={"Accept-Language": "pl-PL,pl;q=0.9,en;q=0.5"})
    english = await client.get("/api/me", headers={"Accept-Language": "en"})
    assert response.json()["type"] == english.json()["type"]
    assert response.json()["title"] != english.json()["title"]


async def test_api_answers_are_never_cached(client):
    response = await client.get("/api/me")
    assert response.headers["cache-control"] == "no-store"


async def test_the_openapi_document_is_valid_3_1_and_describes_the_bodies(client):
    document = (await client.get("/api/openapi.json")).json()
    validate(document)
    assert document["openapi"] == "3.1.0"
    sign_in = document["paths"]["/api/sessions/practitioner"]["post"]
    schema_ref = sign_in["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    schema = document["components"]["schemas"][schema_ref.rsplit("/", 1)[1]]
    assert set(schema["required"]) == {"email", "password"}
    assert "/api/family/home" in document["paths"]


async def test_health_and_readiness(client):
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    assert (await client.get("/readyz")).json() == {"status": "ready"}


async def test_path_parameters_are_typed(client):
    document = (await client.get("/api/openapi.json")).json()
    parameters = [
        parameter
        for operations in document["paths"].values()
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
    ]
    assert {p["name"] for p in parameters} >= {"circle_id", "item_id", "number"}
    for parameter in parameters:
        if parameter["name"].endswith("_id"):
            assert parameter["schema"] == {"type": "string", "format": "uuid"}, parameter
        else:
            assert parameter["schema"] == {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}, (
                parameter
            )


async def test_pages_and_downloads_are_documented_with_the_content_they_really_have(client):
    document = (await client.get("/api/openapi.json")).json()
    world = await factories.world()
    await factories.act_as(client, world.lead)
    circle = f"/api/circles/{world.circle.id}"
    await client.post(f"{circle}/plan/items", json={"section": "working_well", "text": "Visits"})
    assert (await client.post(f"{circle}/plan/publish")).status_code == 201
    team = {
        "/print/circles/{circle_id}/plan": "text/html",
        "/api/circles/{circle_id}/plan/versions/{number}/export": "application/json",
        "/api/schemas/plan-export-v1.json": "application/schema+json",
    }
    family = {"/print/my-plan": "text/html", "/api/family/my-data": "text/plain"}
    for person, answers in ((world.lead, team), (world.parent, family)):
        await factories.act_as(client, person)
        for path, media_type in answers.items():
            documented = document["paths"][path]["get"]["responses"]
            assert "204" not in documented, path
            assert list(documented["200"]["content"]) == [media_type], path
            answer = await client.get(path.format(circle_id=world.circle.id, number=1))
            assert answer.status_code == 200, path
            assert answer.headers["content-type"].split(";")[0] == media_type, path
            download = "content-disposition" in answer.headers
            assert download == ("Content-Disposition" in documented["200"].get("headers", {})), path
