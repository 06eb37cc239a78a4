import re

import httpx2 as httpx
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from server.app import create_app
from server.settings import Settings
from tests.conftest import ORIGIN, TEST_SECRET


async def test_the_shell_carries_a_fresh_nonce_matching_its_policy(client):
    first = await client.get("/")
    second = await client.get("/")
    policy = first.headers["content-security-policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    assert f'nonce="{nonce}"' in first.text
    assert nonce not in second.headers["content-security-policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert re.search(r"script-src 'self' 'nonce-[^']+'(;|$)", policy)
    assert "http" not in policy  # no third-party origins


async def test_protective_headers_on_every_answer(client):
    for path in ("/", "/api/me", "/healthz", "/app.js", "/no-such-file"):
        headers = (await client.get(path)).headers
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "no-referrer", path
        assert "content-security-policy" in headers, path
        assert "strict-transport-security" not in headers, path  # plain http here


async def test_the_shell_speaks_the_browsers_language_and_direction(client):
    urdu = await client.get("/", headers={"Accept-Language": "ur-PK,ur;q=0.9"})
    assert '<html lang="ur" dir="rtl"' in urdu.text
    other = await client.get("/", headers={"Accept-Language": "de-DE,de;q=0.9"})
    assert '<html lang="en" dir="ltr"' in other.text


async def test_language_modules_are_generated_from_the_catalogs(client):
    module = await client.get("/i18n/pa.js")
    assert module.headers["content-type"].startswith("text/javascript")
    assert 'export const dir = "ltr";' in module.text
    # CLDR: Punjabi uses the singular for 0 and 1 (Babel's default says n != 1).
    assert "return Number((n > 1));" in module.text
    assert (await client.get("/i18n/xx.js")).status_code == 404


async def test_a_server_error_carries_the_protective_headers(tmp_path):
    async def fails(request):
        raise RuntimeError("a bug")

    app = create_app(Settings(data_dir=tmp_path, secret_key=TEST_SECRET))
    app.router.routes.insert(0, Route("/api/fails", fails))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=ORIGIN) as client:
        response = await client.get("/api/fails", headers={"Accept-Language": "pl"})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"].endswith("/server-error")
    assert "Nic nie zostało zmienione" in response.json()["title"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-store"


async def test_an_api_answer_may_load_nothing_and_its_own_headers_are_replaced(tmp_path):
    async def cached(request):
        headers = {"Cache-Control": "max-age=60", "X-Frame-Options": "SAMEORIGIN"}
        return PlainTextResponse("data", headers=headers)

    app = create_app(Settings(data_dir=tmp_path, secret_key=TEST_SECRET))
    app.router.routes.insert(0, Route("/api/cached", cached))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=ORIGIN) as client:
        response = await client.get("/api/cached")
    assert response.headers.get_list("content-security-policy") == [
        "default-src 'none'; frame-ancestors 'none'"
    ]
    assert response.headers.get_list("cache-control") == ["no-store"]
    assert response.headers.get_list("x-frame-options") == ["DENY"]
    assert response.headers.get_list("x-content-type-options") == ["nosniff"]
