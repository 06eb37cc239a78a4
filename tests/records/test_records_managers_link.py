"""/api/me says whether the signed-in person may use the records screens, so their
home can show the "Records" link: a partnership administrator and the
practitioners named in ALONGSIDE_RECORDS_MANAGERS may; nobody else does."""

from dataclasses import replace

import pytest

from server.organisations.models import Role
from server.settings import Settings
from tests import factories


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return replace(settings, records_managers=("tom@example.test",))


async def _may(client, person) -> bool:
    await factories.act_as(client, person)
    me = await client.get("/api/me")
    assert me.status_code == 200, me.text
    return me.json()["may_manage_records"]


async def test_the_records_managers_and_partnership_administrators_are_told_they_may(client):
    world = await factories.world()
    organisation = await world.lead.organisation
    ada = await factories.practitioner(
        organisation, "ada@example.test", "Ada", role=Role.PARTNERSHIP_ADMIN
    )
    oli = await factories.practitioner(
        organisation, "oli@example.test", "Oli", role=Role.ORGANISATION_ADMIN
    )
    # Tom is named in the settings (as TOM@… would be too: the match ignores case).
    assert await _may(client, world.teammate) is True
    assert await _may(client, ada) is True
    assert await _may(client, world.lead) is False
    assert await _may(client, oli) is False
    assert await _may(client, world.young_person) is False
    assert await _may(client, world.parent) is False


async def test_signing_in_answers_the_same(client):
    world = await factories.world()
    signed_in = await client.post(
        "/api/sessions/practitioner",
        json={"email": world.teammate.email, "password": factories.PASSWORD},
    )
    assert signed_in.status_code == 200, signed_in.text
    assert signed_in.json()["may_manage_records"] is True
