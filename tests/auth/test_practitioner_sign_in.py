from datetime import UTC, datetime, timedelta

from server.auth.models import Session
from tests import factories
from tests.factories import PASSWORD


async def test_signing_in_starts_a_session_that_knows_who_you_are(client):
    world = await factories.world()
    response = await client.post(
        "/api/sessions/practitioner", json={"email": "PRIYA@example.test ", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "httponly" in response.headers["set-cookie"].lower()
    assert "samesite=strict" in response.headers["set-cookie"].lower()
    me = (await client.get("/api/me")).json()
    assert me["kind"] == "practitioner"
    assert me["name"] == world.lead.name
    assert me["csrf_token"] == response.json()["csrf_token"]


async def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(client):
    await factories.world()
    for email in ("priya@example.test", "nobody@example.test"):
        response = await client.post(
            "/api/sessions/practitioner", json={"email": email, "password": "wrong"}
        )
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["title"] == "That email or password is not right."
    assert await Session.all().count() == 0


async def test_too_many_wrong_passwords_pause_sign_in_for_that_account(client):
    await factories.world()
    for _ in range(10):
        await client.post(
            "/api/sessions/practitioner", json={"email": "priya@example.test", "password": "wrong"}
        )
    response = await client.post(
        "/api/sessions/practitioner", json={"email": "priya@example.test", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert int(response.headers["retry-after"]) > 0
    assert await Session.all().count() == 0


async def test_signing_in_again_replaces_the_old_session(client):
    world = await factories.world()
    await factories.sign_in_practitioner(client, world.lead)
    first = client.cookies.get("alongside-session")
    await factories.sign_in_practitioner(client, world.lead)
    assert client.cookies.get("alongside-session") != first
    assert await Session.all().count() == 1
    client.cookies.clear()
    client.cookies.set("alongside-session", first)
    assert (await client.get("/api/me")).status_code == 401


async def test_a_session_ends_after_being_idle(client, settings):
    world = await factories.world()
    await factories.sign_in_practitioner(client, world.lead)
    idle = timedelta(minutes=settings.session_idle_minutes + 1)
    await Session.all().update(last_seen_at=datetime.now(UTC) - idle)
    assert (await client.get("/api/practitioner/home")).status_code == 401
    assert await Session.all().count() == 0


async def test_signing_out_ends_the_session_on_the_server(client):
    world = await factories.world()
    csrf = await factories.sign_in_practitioner(client, world.lead)
    token = client.cookies.get("alongside-session")
    response = await client.delete("/api/session", headers={"X-CSRF-Token": csrf})
    assert response.status_code == 204
    assert await Session.all().count() == 0
    client.cookies.clear()
    client.cookies.set("alongside-session", token)  # a copied cookie is useless now
    assert (await client.get("/api/me")).status_code == 401


async def test_signing_out_needs_the_csrf_token(client):
    world = await factories.world()
    await factories.sign_in_practitioner(client, world.lead)
    response = await client.delete("/api/session", headers={"X-CSRF-Token": "guess"})
    assert response.status_code == 403
    assert response.json()["type"].endswith("/cross-site-request")
    assert await Session.all().count() == 1


async def test_a_request_from_another_site_with_our_cookie_is_refused(client):
    world = await factories.world()
    csrf = await factories.sign_in_practitioner(client, world.lead)
    response = await client.delete(
        "/api/session", headers={"X-CSRF-Token": csrf, "Origin": "https://evil.example"}
    )
    assert response.status_code == 403
    assert await Session.all().count() == 1


async def test_over_https_the_session_cookie_is_host_prefixed_and_secure(app):
    import httpx2 as httpx

    await factories.world()
    transport = httpx.ASGITransport(app=app)
    origin = "https://alongside.example"
    async with httpx.AsyncClient(
        transport=transport, base_url=origin, headers={"Origin": origin}
    ) as https:
        response = await https.post(
            "/api/sessions/practitioner", json={"email": "priya@example.test", "password": PASSWORD}
        )
        cookie = response.headers["set-cookie"]
        assert cookie.startswith("__Host-alongside-session=")
        assert "secure" in cookie.lower() and "path=/" in cookie.lower()
        assert "domain" not in cookie.lower()
        assert response.headers["strict-transport-security"].startswith("max-age=")
        assert (await https.get("/api/me")).json()["kind"] == "practitioner"


async def test_a_deactivated_practitioner_cannot_sign_in(client):
    """Kills mutant A1: sign-in not checking that the practitioner is still active.
    The refusal reads like a wrong password, so it does not say the account exists."""
    world = await factories.world()
    world.teammate.is_active = False
    await world.teammate.save(update_fields=["is_active"])
    response = await client.post(
        "/api/sessions/practitioner", json={"email": world.teammate.email, "password": PASSWORD}
    )
    assert response.status_code == 401
    assert response.json()["title"] == "That email or password is not right."
    assert await Session.all().count() == 0
    assert (await client.get("/api/practitioner/home")).status_code == 401


async def test_deactivating_a_practitioner_ends_the_session_they_have(client):
    world = await factories.world()
    await factories.sign_in_practitioner(client, world.lead)
    assert (await client.get(f"/api/circles/{world.circle.id}/voice")).status_code == 200
    world.lead.is_active = False
    await world.lead.save(update_fields=["is_active"])
    assert (await client.get(f"/api/circles/{world.circle.id}/voice")).status_code == 401
    assert await Session.all().count() == 0
