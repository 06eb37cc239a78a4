from datetime import UTC, datetime, timedelta

from server.auth.models import Device, Invitation, Session
from server.circles.models import FamilyMember
from tests import factories


async def test_a_young_person_joins_with_an_invitation_and_chooses_a_pin(client):
    world = await factories.world()
    code = await factories.invitation_code(world.young_person)
    response = await client.post(
        "/api/invitations/redeem", json={"code": code.lower().replace("-", " "), "pin": "1357"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["kind"] == "family"
    assert response.json()["name"] == "Sam"
    assert client.cookies.get("alongside-device")
    member = await FamilyMember.get(id=world.young_person.id)
    assert member.pin_hash.startswith("$argon2") and member.joined_at is not None


async def test_an_invitation_works_once(client):
    world = await factories.world()
    code = await factories.invitation_code(world.young_person)
    await client.post("/api/invitations/redeem", json={"code": code, "pin": "1357"})
    before = (await FamilyMember.get(id=world.young_person.id)).pin_hash
    client.cookies.clear()
    replay = await client.post("/api/invitations/redeem", json={"code": code, "pin": "8642"})
    assert replay.status_code == 410
    assert replay.headers["content-type"] == "application/problem+json"
    assert "already been used" in replay.json()["title"]
    assert (await FamilyMember.get(id=world.young_person.id)).pin_hash == before
    assert await Device.all().count() == 1


async def test_an_expired_invitation_is_refused(client):
    world = await factories.world()
    code = await factories.invitation_code(world.young_person)
    await Invitation.all().update(expires_at=datetime.now(UTC) - timedelta(minutes=1))
    response = await client.post("/api/invitations/redeem", json={"code": code, "pin": "1357"})
    assert response.status_code == 410
    assert await Device.all().count() == 0 and await Session.all().count() == 0


async def test_a_new_invitation_replaces_an_unused_one(client):
    world = await factories.world()
    old = await factories.invitation_code(world.young_person)
    await factories.invitation_code(world.young_person)
    response = await client.post("/api/invitations/redeem", json={"code": old, "pin": "1357"})
    assert response.status_code == 410


async def test_an_unknown_code_is_not_found(client):
    await factories.world()
    response = await client.post(
        "/api/invitations/redeem", json={"code": "ABCDE-FGHJK", "pin": "1357"}
    )
    assert response.status_code == 404
    assert response.json()["type"].endswith("/invitation-not-found")
    assert await Device.all().count() == 0


async def test_a_pin_must_be_four_to_six_numbers(client):
    world = await factories.world()
    code = await factories.invitation_code(world.young_person)
    for pin in ("12", "1234567", "abcd", 1234):
        response = await client.post("/api/invitations/redeem", json={"code": code, "pin": pin})
        assert response.status_code == 422, pin
        assert [error["field"] for error in response.json()["errors"]] == ["pin"]
    assert (await Invitation.get(member=world.young_person)).redeemed_at is None


async def test_coming_back_with_the_pin_on_the_same_phone(client):
    world = await factories.world()
    csrf = await factories.join(client, world.young_person, pin="2468")
    await client.delete("/api/session", headers={"X-CSRF-Token": csrf})
    assert (await client.get("/api/me")).json()["device_known"] is True
    wrong = await client.post("/api/sessions/family", json={"pin": "1111"})
    assert wrong.status_code == 401
    assert wrong.json()["title"] == "That secret number is not right. Please try again."
    right = await client.post("/api/sessions/family", json={"pin": "2468"})
    assert right.status_code == 200
    assert (await client.get("/api/me")).json()["name"] == "Sam"


async def test_the_pin_does_not_work_on_another_phone(client):
    world = await factories.world()
    await factories.join(client, world.young_person, pin="2468")
    client.cookies.clear()  # another phone has no device key
    response = await client.post("/api/sessions/family", json={"pin": "2468"})
    assert response.status_code == 401
    assert response.json()["type"].endswith("/unknown-device")
    assert (await client.get("/api/me")).json()["device_known"] is False


async def test_wrong_pins_pause_tries_for_minutes_not_days(client):
    world = await factories.world()
    await factories.join(client, world.young_person, pin="2468")
    client.cookies.delete("alongside-session")
    for _ in range(5):
        assert (await client.post("/api/sessions/family", json={"pin": "0000"})).status_code == 401
    paused = await client.post("/api/sessions/family", json={"pin": "2468"})
    assert paused.status_code == 429
    assert 0 < int(paused.headers["retry-after"]) <= 600


async def test_joining_on_a_new_phone_retires_the_old_one(client):
    """Kills mutant A6: the old phone not retired when a member joins again with a
    new code. The old phone is refused even with the new, right PIN."""
    world = await factories.world()
    await factories.join(client, world.young_person)
    old_device = client.cookies.get("alongside-device")
    client.cookies.clear()
    await factories.join(client, world.young_person, pin="3094", old_pin="2468")
    client.cookies.clear()
    client.cookies.set("alongside-device", old_device)
    response = await client.post("/api/sessions/family", json={"pin": "3094"})
    assert response.status_code == 401
    assert response.json()["type"].endswith("/phone-replaced")
    assert "another phone" in response.json()["title"]
    assert (await client.get("/api/me")).json()["device_known"] is False
    assert await Device.filter(member=world.young_person, revoked_at=None).count() == 1


async def test_each_person_picks_their_language_and_it_is_remembered(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    chosen = await client.put("/api/me/locale", json={"locale": "ur"})
    assert chosen.status_code == 200 and chosen.json()["locale"] == "ur"
    assert (await FamilyMember.get(id=world.young_person.id)).locale == "ur"
    shell = await client.get("/")
    assert '<html lang="ur" dir="rtl"' in shell.text  # signed in: their choice, not the browser's
    assert (await client.put("/api/me/locale", json={"locale": "de"})).status_code == 422


async def test_the_app_knows_whether_it_speaks_to_an_adult(client):
    """Polish and Romanian speak politely to adults (carers, grown-ups and staff)
    and familiarly to children: the app learns which from /api/me."""
    world = await factories.world()
    await factories.join(client, world.young_person)
    assert (await client.get("/api/me")).json()["adult"] is False
    client.cookies.clear()
    await factories.join(client, world.parent, pin="3094")
    assert (await client.get("/api/me")).json()["adult"] is True
