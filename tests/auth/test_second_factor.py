"""A second factor for password sign-in: a 6-digit code from an authenticator
app (TOTP), set up by the practitioner or required by their organisation."""

import time

import pyotp
from tortoise import connections

from server.audit.models import AuditEvent
from server.auth import second_factor
from server.auth.models import RecoveryCode, SecondFactor, Session
from tests import factories
from tests.conftest import TEST_SECRET
from tests.factories import PASSWORD


def _next_code(secret: str) -> str:
    """The app's next code: the current one was used to confirm the app, and
    no code works twice."""
    return pyotp.TOTP(secret).at(time.time() + 30)


def _secret(setup: dict) -> str:
    assert setup["otpauth_url"].startswith("otpauth://totp/")
    assert setup["qr_code"].startswith("data:image/svg+xml")
    return pyotp.parse_uri(setup["otpauth_url"]).secret


async def _set_up(client, practitioner) -> tuple[str, list[str]]:
    await factories.act_as(client, practitioner)
    setup = await client.post("/api/me/second-factor")
    assert setup.status_code == 200, setup.text
    secret = _secret(setup.json())
    wrong = await client.put("/api/me/second-factor", json={"code": "000000"})
    assert wrong.status_code == 401 and wrong.json()["type"].endswith("/wrong-code")
    done = await client.put("/api/me/second-factor", json={"code": pyotp.TOTP(secret).now()})
    assert done.status_code == 200, done.text
    client.cookies.clear()
    return secret, done.json()["recovery_codes"]


async def _sign_in(client, email, code=None):
    body = {"email": email, "password": PASSWORD, **({"code": code} if code else {})}
    return await client.post("/api/sessions/practitioner", json=body)


async def test_after_setting_up_a_code_sign_in_asks_for_it(client):
    world = await factories.world()
    secret, _ = await _set_up(client, world.lead)
    await Session.all().delete()
    asked = await _sign_in(client, world.lead.email)
    assert asked.status_code == 401
    assert asked.json()["type"].endswith("/second-factor-needed")
    assert asked.json()["title"] == "Please type the 6-digit code from your authenticator app."
    assert await Session.all().count() == 0
    signed_in = await _sign_in(client, world.lead.email, _next_code(secret))
    assert signed_in.status_code == 200, signed_in.text
    assert (await client.get("/api/me")).json()["kind"] == "practitioner"


async def test_a_code_used_once_is_refused_if_sent_again(client):
    world = await factories.world()
    secret, _ = await _set_up(client, world.lead)
    code = _next_code(secret)
    assert (await _sign_in(client, world.lead.email, code)).status_code == 200
    client.cookies.clear()
    again = await _sign_in(client, world.lead.email, code)
    assert again.status_code == 401
    assert again.json()["type"].endswith("/wrong-code")
    assert (
        await AuditEvent.filter(action="sign_in_failed", practitioner_id=world.lead.id).count() == 1
    )


async def test_a_recovery_code_works_once_and_is_kept_only_as_a_hash(client):
    world = await factories.world()
    _, recovery = await _set_up(client, world.lead)
    assert len(recovery) == 10 and len(set(recovery)) == 10
    stored = [row.code_hash for row in await RecoveryCode.filter(practitioner=world.lead)]
    assert len(stored) == 10 and not set(recovery) & set(stored)
    assert (await _sign_in(client, world.lead.email, recovery[0])).status_code == 200
    client.cookies.clear()
    assert (await _sign_in(client, world.lead.email, recovery[0])).status_code == 401


async def test_an_organisation_that_requires_it_has_it_set_up_at_sign_in(client):
    world = await factories.world()
    organisation = await world.lead.organisation
    organisation.requires_second_factor = True
    await organisation.save(update_fields=["requires_second_factor"])
    asked = await _sign_in(client, world.lead.email)
    assert asked.status_code == 401
    assert asked.json()["type"].endswith("/second-factor-setup-needed")
    secret = _secret(asked.json())
    assert await Session.all().count() == 0
    # Asking again shows the same code to scan.
    assert _secret((await _sign_in(client, world.lead.email)).json()) == secret
    signed_in = await _sign_in(client, world.lead.email, pyotp.TOTP(secret).now())
    assert signed_in.status_code == 200, signed_in.text
    assert len(signed_in.json()["recovery_codes"]) == 10
    client.cookies.clear()
    assert (
        (await _sign_in(client, world.lead.email)).json()["type"].endswith("/second-factor-needed")
    )


async def test_a_wrong_password_never_reveals_whether_a_code_is_needed(client):
    world = await factories.world()
    await _set_up(client, world.lead)
    response = await client.post(
        "/api/sessions/practitioner", json={"email": world.lead.email, "password": "wrong"}
    )
    assert response.json()["type"].endswith("/wrong-password")


async def test_setting_it_up_twice_is_refused_and_family_members_cannot(client):
    world = await factories.world()
    await _set_up(client, world.lead)
    await factories.act_as(client, world.lead)
    assert (await client.post("/api/me/second-factor")).status_code == 409
    await factories.act_as(client, world.young_person)
    assert (await client.post("/api/me/second-factor")).status_code == 403


async def test_an_administrator_requires_it_for_their_organisation(client):
    from server.organisations.models import Organisation, Role

    world = await factories.world()
    admin = await factories.practitioner(
        await world.lead.organisation, "admin@example.test", "Ada Admin"
    )
    admin.role = Role.ORGANISATION_ADMIN
    await admin.save(update_fields=["role"])
    await factories.act_as(client, admin)
    path = f"/api/admin/organisations/{world.lead.organisation_id}/sign-in"
    unknown = await client.put(path, json={"identity_provider": "nowhere"})
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "identity_provider"
    done = await client.put(path, json={"requires_second_factor": True})
    assert done.status_code == 200, done.text
    assert (await Organisation.get(id=world.lead.organisation_id)).requires_second_factor
    client.cookies.clear()
    asked = await _sign_in(client, world.lead.email)
    assert asked.json()["type"].endswith("/second-factor-setup-needed")
    await factories.act_as(client, world.lead)
    assert (await client.put(path, json={"requires_second_factor": False})).status_code == 403


async def _stored_secrets() -> list[str]:
    rows = await connections.get("default").execute_query_dict("SELECT secret FROM second_factor")
    return [row["secret"] for row in rows]


async def test_the_app_secret_is_kept_sealed_and_sign_in_still_works(client):
    world = await factories.world()
    secret, _ = await _set_up(client, world.lead)
    stored = await _stored_secrets()
    assert len(stored) == 1 and secret not in stored[0]
    assert (await _sign_in(client, world.lead.email, _next_code(secret))).status_code == 200


async def test_secrets_kept_in_clear_before_are_sealed_when_migrating(client):
    world = await factories.world()
    secret, _ = await _set_up(client, world.lead)
    # As an earlier version kept it: the secret itself in the column.
    await SecondFactor.filter(practitioner_id=world.lead.id).update(secret=secret)
    assert await _stored_secrets() == [secret]
    assert await second_factor.seal_clear_secrets(TEST_SECRET) == 1
    assert secret not in (await _stored_secrets())[0]
    assert await second_factor.seal_clear_secrets(TEST_SECRET) == 0
    assert (await _sign_in(client, world.lead.email, _next_code(secret))).status_code == 200


async def test_turning_it_off_needs_a_current_code(client):
    world = await factories.world()
    secret, _ = await _set_up(client, world.lead)
    await factories.act_as(client, world.lead)
    wrong = await client.request("DELETE", "/api/me/second-factor", json={"code": "000000"})
    assert wrong.status_code == 401 and wrong.json()["type"].endswith("/wrong-code")
    assert await SecondFactor.filter(practitioner_id=world.lead.id).exists()
    state = await client.get("/api/me/second-factor")
    assert state.json() == {"turned_on": True, "required": False}
    off = await client.request("DELETE", "/api/me/second-factor", json={"code": _next_code(secret)})
    assert off.status_code == 204, off.text
    assert not await SecondFactor.filter(practitioner_id=world.lead.id).exists()
    assert not await RecoveryCode.filter(practitioner_id=world.lead.id).exists()
    assert (await client.get("/api/me/second-factor")).json()["turned_on"] is False
    assert await AuditEvent.filter(
        action="second_factor_turned_off", practitioner_id=world.lead.id
    ).exists()
    client.cookies.clear()
    assert (await _sign_in(client, world.lead.email)).status_code == 200


async def test_it_cannot_be_turned_off_where_the_organisation_requires_it(client):
    world = await factories.world()
    secret, _ = await _set_up(client, world.lead)
    organisation = await world.lead.organisation
    organisation.requires_second_factor = True
    await organisation.save(update_fields=["requires_second_factor"])
    await factories.act_as(client, world.lead)
    assert (await client.get("/api/me/second-factor")).json() == {
        "turned_on": True,
        "required": True,
    }
    refused = await client.request(
        "DELETE", "/api/me/second-factor", json={"code": _next_code(secret)}
    )
    assert refused.status_code == 409
    assert await SecondFactor.filter(practitioner_id=world.lead.id).exists()
