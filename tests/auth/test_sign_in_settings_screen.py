"""An organisation's sign-in settings, read for its screen: which sign-in services
this deployment has (key and name, never the client secret, which stays in the
deployment's environment) and the organisation's current choice. Only those who
may change them may read them: a partnership administrator, and the organisation's
own administrator."""

from dataclasses import replace

import pytest

from server.auth.providers import IdentityProvider
from server.organisations.models import Agency, Organisation, Role, Team
from server.settings import Settings
from tests import factories

SECRET = "very-secret-client-value"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    school = IdentityProvider(
        key="school",
        name="Greenfield School login",
        issuer="https://login.example/school",
        client_id="alongside",
        client_secret=SECRET,
    )
    return replace(settings, identity_providers=(school,))


async def test_who_may_read_an_organisations_sign_in_settings(client):
    world = await factories.world()
    school = await Organisation.create(name="Hill School", agency=Agency.SCHOOL)
    own_admin = await factories.practitioner(
        school, "hana@hill.test", "Hana", Agency.SCHOOL, role=Role.ORGANISATION_ADMIN
    )
    teacher = await factories.practitioner(school, "tess@hill.test", "Tess", Agency.SCHOOL)
    manager = await factories.practitioner(
        school, "mo@hill.test", "Mo", Agency.SCHOOL, role=Role.TEAM_MANAGER
    )
    await Team.create(organisation=school, name="Pastoral", manager=manager)
    partnership = await world.lead.organisation
    ada = await factories.practitioner(
        partnership, "ada@example.test", "Ada", role=Role.PARTNERSHIP_ADMIN
    )
    other_admin = await factories.practitioner(
        partnership, "oli@example.test", "Oli", role=Role.ORGANISATION_ADMIN
    )
    path = f"/api/admin/organisations/{school.id}/sign-in"
    for person, status in (
        (ada, 200),
        (own_admin, 200),
        (other_admin, 404),
        (manager, 403),
        (teacher, 403),
        (world.young_person, 403),
    ):
        await factories.act_as(client, person)
        answer = await client.get(path)
        assert answer.status_code == status, (person.name, answer.text)
        if status != 200:
            assert answer.headers["content-type"] == "application/problem+json"
    client.cookies.clear()
    assert (await client.get(path)).status_code == 401


async def test_it_names_the_providers_and_the_choice_but_never_the_secret(client):
    world = await factories.world()
    partnership = await world.lead.organisation
    ada = await factories.practitioner(
        partnership, "ada@example.test", "Ada", role=Role.PARTNERSHIP_ADMIN
    )
    await factories.act_as(client, ada)
    path = f"/api/admin/organisations/{partnership.id}/sign-in"
    before = await client.get(path)
    assert before.status_code == 200, before.text
    assert before.json() == {
        "name": "Test partnership",
        "providers": [{"key": "school", "name": "Greenfield School login"}],
        "identity_provider": "",
        "requires_second_factor": False,
    }
    changed = await client.put(
        path, json={"identity_provider": "school", "requires_second_factor": True}
    )
    assert changed.status_code == 200, changed.text
    after = await client.get(path)
    assert after.json()["identity_provider"] == "school"
    assert after.json()["requires_second_factor"] is True
    assert SECRET not in after.text and "login.example" not in after.text
