"""Joining again on a new phone (a lost phone, a forgotten PIN) never lets a code
alone open a family member's words: the worker who made the code holds it too."""

from __future__ import annotations

import uuid

import httpx2 as httpx

from server.audit.models import AuditEvent
from server.auth.models import Device, Session
from tests import factories


async def _write(client: httpx.AsyncClient, text: str, audience: str = "just_me") -> str:
    body = {"id": str(uuid.uuid4()), "kind": "worried_about", "text": text}
    assert (await client.post("/api/contributions", json=body)).status_code == 201
    if audience != "just_me":
        shared = await client.put(
            f"/api/contributions/{body['id']}/audience", json={"audience": audience}
        )
        assert shared.status_code == 200, shared.text
    return body["id"]


async def _everything_i_can_open(client: httpx.AsyncClient) -> str:
    texts = [
        await client.get("/api/contributions"),
        await client.get("/api/family/my-data"),
        await client.get("/api/family/you-said"),
    ]
    return " ".join(answer.text for answer in texts)


async def test_a_worker_who_redeems_a_new_code_cannot_open_the_childs_earlier_words(client):
    world = await factories.world()
    client.headers["X-CSRF-Token"] = await factories.join(client, world.young_person)
    draft = await _write(client, "canary-draft-only-sam")
    shared = await _write(client, "canary-for-priya-only", "my_worker")
    invitations = f"/api/circles/{world.circle.id}/members/{world.young_person.id}/invitations"
    # Tom (school, on the team) may not make a new code for Sam at all ...
    await factories.act_as(client, world.teammate)
    assert (await client.post(invitations)).status_code == 403
    # ... and Priya, the lead, who may, makes one and redeems it on her own browser:
    # the new phone is Sam's from now on, with none of Sam's earlier words.
    await factories.act_as(client, world.lead)
    made = await client.post(invitations)
    assert made.status_code in (200, 201), made.text
    client.cookies.clear()
    refused = await client.post(
        "/api/invitations/redeem", json={"code": made.json()["code"], "pin": "9731"}
    )
    assert refused.status_code == 409 and refused.json()["type"].endswith("/joining-again")
    joined = await client.post(
        "/api/invitations/redeem",
        json={"code": made.json()["code"], "pin": "9731", "start_fresh": True},
    )
    assert joined.status_code == 200, joined.text
    client.headers["X-CSRF-Token"] = joined.json()["csrf_token"]
    seen = await _everything_i_can_open(client)
    assert "canary-draft-only-sam" not in seen and "canary-for-priya-only" not in seen
    for item in (draft, shared):
        assert (await client.get(f"/api/contributions/{item}")).status_code == 404
        widened = await client.put(
            f"/api/contributions/{item}/audience", json={"audience": "my_meeting"}
        )
        assert widened.status_code == 404


async def test_the_old_pin_brings_earlier_words_to_the_new_phone(client):
    world = await factories.world()
    client.headers["X-CSRF-Token"] = await factories.join(client, world.young_person)
    await _write(client, "words I want to keep")
    client.cookies.clear()
    client.headers["X-CSRF-Token"] = await factories.join(
        client, world.young_person, pin="8642", old_pin="2468"
    )
    assert "words I want to keep" in (await client.get("/api/contributions")).text
    device = await Device.get(revoked_at=None, member_id=world.young_person.id)
    assert device.brought_earlier_words


async def test_guessing_the_old_pin_uses_up_the_code_after_three_tries(client):
    world = await factories.world()
    await factories.join(client, world.young_person)
    client.cookies.clear()
    code = await factories.invitation_code(world.young_person)
    answers = [
        await client.post(
            "/api/invitations/redeem", json={"code": code, "pin": "9731", "old_pin": guess}
        )
        for guess in ("1357", "9753", "8642")
    ]
    assert [a.status_code for a in answers] == [401, 401, 401]
    right_one_too_late = await client.post(
        "/api/invitations/redeem", json={"code": code, "pin": "9731", "old_pin": "2468"}
    )
    assert right_one_too_late.status_code == 429
    assert await Device.filter(member_id=world.young_person.id).count() == 1


async def test_joining_again_ends_the_old_phones_sessions_at_once(client):
    world = await factories.world()
    csrf = await factories.join(client, world.young_person)
    old_cookies = dict(client.cookies)
    assert (await client.get("/api/contributions")).status_code == 200
    client.cookies.clear()
    await factories.join(client, world.young_person, pin="8642", start_fresh=True)
    client.cookies.clear()
    for name, value in old_cookies.items():
        client.cookies.set(name, value)
    client.headers["X-CSRF-Token"] = csrf
    assert (await client.get("/api/contributions")).status_code == 401
    me = await client.get("/api/me")
    assert me.status_code == 401 and me.json()["type"].endswith("/phone-replaced")
    assert me.json()["replaced_at"]


async def test_every_code_and_every_join_is_audited(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    await client.post(f"/api/circles/{world.circle.id}/members/{world.young_person.id}/invitations")
    made = await AuditEvent.get(action="invited")
    assert made.practitioner_id == world.lead.id and made.subject_id == str(world.young_person.id)
    client.cookies.clear()
    await factories.join(client, world.young_person)
    joined = await AuditEvent.get(action="joined_on_phone")
    assert joined.member_id == world.young_person.id


async def test_staff_sessions_never_act_as_a_family_member(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    assert (await client.get("/api/contributions")).status_code in (403, 404)
    body = {"id": str(uuid.uuid4()), "kind": "worried_about", "text": "written by staff"}
    assert (await client.post("/api/contributions", json=body)).status_code == 403
    assert await Session.filter(member_id=world.young_person.id).count() == 0


async def test_my_data_shows_every_code_made_for_me_and_every_phone_that_joined(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    await client.post(f"/api/circles/{world.circle.id}/members/{world.young_person.id}/invitations")
    client.cookies.clear()
    await factories.join(client, world.young_person)
    client.cookies.clear()
    client.headers["X-CSRF-Token"] = await factories.join(
        client, world.young_person, pin="8642", start_fresh=True
    )
    mine = (await client.get("/api/family/my-data")).text
    assert "Priya Shah made an invitation code for you." in mine
    assert "A phone joined Alongside as you." in mine
    assert "without your old secret number, so your earlier words stayed locked" in mine
    assert "A phone was signed out because you joined on another phone." in mine
