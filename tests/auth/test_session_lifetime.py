"""A session ends at once, on every process, when the person may no longer sign in:
a retired phone, a deactivated practitioner; and every session has a fixed lifetime
as well as an idle one."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from server.auth.models import Device, Session
from server.contributions.models import Contribution
from server.organisations.models import Practitioner
from tests import factories


async def test_a_retired_phone_is_signed_out_on_its_next_request(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    assert (await client.get("/api/contributions")).status_code == 200
    # Another process retires the phone: only the database says so.
    await Device.filter(member_id=world.young_person.id).update(revoked_at=datetime.now(UTC))
    assert (await client.get("/api/contributions")).status_code == 401
    assert await Session.filter(member_id=world.young_person.id).count() == 0


async def test_a_deactivated_practitioner_is_signed_out_on_their_next_request(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    assert (await client.get("/api/practitioner/home")).status_code == 200
    await Practitioner.filter(id=world.lead.id).update(is_active=False)
    assert (await client.get("/api/practitioner/home")).status_code == 401


async def test_a_session_ends_after_its_lifetime_however_busy(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    await Session.all().update(created_at=datetime.now(UTC) - timedelta(hours=13))
    assert (await client.get("/api/practitioner/home")).status_code == 401


async def test_a_session_within_its_lifetime_goes_on(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    await Session.all().update(created_at=datetime.now(UTC) - timedelta(hours=11))
    assert (await client.get("/api/practitioner/home")).status_code == 200


async def test_sign_out_everywhere_ends_every_session_of_mine(client, app):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    other_phone = await Session.get(member_id=world.young_person.id)
    await factories.act_as(client, world.young_person)
    assert await Session.filter(member_id=world.young_person.id).count() == 2
    answer = await client.delete("/api/sessions")
    assert answer.status_code == 204
    assert not await Session.exists(id=other_phone.id)
    assert await Session.filter(member_id=world.young_person.id).count() == 0


async def test_signing_in_works_whatever_the_servers_own_clock_says(client, server_time_zone):
    server_time_zone("Pacific/Pago_Pago")  # UTC-11: a local time would look 11 hours idle
    world = await factories.world()
    client.headers["X-CSRF-Token"] = await factories.join(client, world.young_person)
    assert (await client.get("/api/contributions")).status_code == 200


async def test_using_the_app_keeps_a_session_going(client):
    """Idle time counts from the last request, so someone who keeps using the app is
    not signed out half an hour after signing in."""
    world = await factories.world()
    await factories.act_as(client, world.lead)
    await Session.all().update(last_seen_at=datetime.now(UTC) - timedelta(minutes=29))
    assert (await client.get("/api/practitioner/home")).status_code == 200
    seen = (await Session.get(practitioner_id=world.lead.id)).last_seen_at
    assert datetime.now(UTC) - seen < timedelta(minutes=1)


async def test_a_session_left_idle_ends(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    await Session.all().update(last_seen_at=datetime.now(UTC) - timedelta(minutes=31))
    assert (await client.get("/api/practitioner/home")).status_code == 401
    assert not await Session.exists(practitioner_id=world.lead.id)


async def test_a_change_without_the_sessions_own_token_is_refused(client):
    """A page on another site cannot read the session's CSRF token, so a change that
    lacks it, or carries a wrong one, is refused and changes nothing."""
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    body = {
        "id": str(uuid.uuid4()),
        "kind": "going_well",
        "text": "Football",
        "audience": "just_me",
    }
    token = client.headers.pop("X-CSRF-Token")
    missing = await client.post("/api/contributions", json=body)
    wrong = await client.post(
        "/api/contributions", json=body, headers={"X-CSRF-Token": "x" + token}
    )
    assert (missing.status_code, wrong.status_code) == (403, 403)
    assert missing.json()["type"].endswith("cross-site-request")
    assert not await Contribution.exists(id=body["id"])
    # Reading needs no token.
    assert (await client.get("/api/contributions")).status_code == 200


async def test_a_signed_in_person_is_answered_in_their_own_language(client):
    """Once the session says who is asking, errors follow the language the person
    chose, not the one their browser asks for."""
    world = await factories.world()
    await Practitioner.filter(id=world.lead.id).update(locale="ur")
    await factories.act_as(client, world.lead)
    answer = await client.get(
        f"/api/circles/{uuid.uuid4()}", headers={"Accept-Language": "en-GB,en;q=0.9"}
    )
    assert answer.status_code == 404
    assert answer.json()["title"] == "ہمیں یہ نہیں ملا۔"  # noqa: RUF001 (Urdu full stop)
