"""A stranger who types Priya's email from somewhere else cannot lock Priya out
of her own address; guessing from one address is still paused. Failed sign-ins
are audited."""

from collections.abc import AsyncIterator

import httpx2 as httpx
import pytest
from starlette.applications import Starlette

from server.audit.models import AuditEvent
from tests import factories
from tests.conftest import ORIGIN
from tests.factories import PASSWORD

STRANGER = ("203.0.113.9", 4000)


@pytest.fixture
async def stranger(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=STRANGER)
    async with httpx.AsyncClient(
        transport=transport, base_url=ORIGIN, headers={"Origin": ORIGIN}
    ) as http:
        yield http


async def _try(client: httpx.AsyncClient, email: str, password: str = "wrong") -> httpx.Response:
    return await client.post(
        "/api/sessions/practitioner", json={"email": email, "password": password}
    )


async def test_a_stranger_guessing_priyas_password_cannot_lock_priya_out(client, stranger):
    world = await factories.world()
    for _ in range(12):
        await _try(stranger, world.lead.email)
    assert (await _try(stranger, world.lead.email, PASSWORD)).status_code == 429
    assert (await _try(client, world.lead.email, PASSWORD)).status_code == 200


async def test_one_address_guessing_many_accounts_is_paused(client, stranger):
    await factories.world()
    for number in range(30):
        await _try(stranger, f"person{number}@example.test")
    response = await _try(stranger, "priya@example.test", PASSWORD)
    assert response.status_code == 429
    assert int(response.headers["retry-after"]) > 0
    assert (await _try(client, "priya@example.test", PASSWORD)).status_code == 200


async def test_failed_sign_ins_are_audited_without_the_password(client):
    world = await factories.world()
    await _try(client, world.lead.email, "my-secret-guess")
    await _try(client, "nobody@example.test")
    failed = await AuditEvent.filter(action="sign_in_failed").order_by("id")
    assert [event.practitioner_id for event in failed] == [world.lead.id, None]
    assert all("my-secret-guess" not in str(vars(event)) for event in failed)
    await factories.sign_in_practitioner(client, world.lead)
    assert await AuditEvent.filter(action="signed_in", practitioner_id=world.lead.id).count() == 1


async def test_family_sign_ins_and_failed_redemptions_are_audited(client):
    world = await factories.world()
    await factories.join(client, world.young_person, pin="2468")
    client.cookies.delete("alongside-session")
    wrong = await client.post("/api/sessions/family", json={"pin": "1357"})
    assert wrong.status_code == 401
    right = await client.post("/api/sessions/family", json={"pin": "2468"})
    assert right.status_code == 200
    bad_code = await client.post(
        "/api/invitations/redeem", json={"code": "AAAAA-BBBBB", "pin": "2468"}
    )
    assert bad_code.status_code == 404
    actions = [
        (event.action, event.member_id)
        for event in await AuditEvent.filter(
            action__in=["family_sign_in_failed", "family_signed_in", "invitation_refused"]
        ).order_by("id")
    ]
    assert actions == [
        ("family_sign_in_failed", world.young_person.id),
        ("family_signed_in", world.young_person.id),
        ("invitation_refused", None),
    ]
