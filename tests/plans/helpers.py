"""Steps plan tests share: writing, importing and publishing through the API."""

import uuid

from server.organisations.models import Organisation, Role, Team
from tests import factories


async def share(client, person, text, audience, kind="worried_about"):
    await factories.act_as(client, person)
    body = {"id": str(uuid.uuid4()), "kind": kind, "text": text, "audience": audience}
    response = await client.post("/api/contributions", json=body)
    assert response.status_code == 201, response.text
    return body["id"]


async def bring_in(client, practitioner, circle, contribution_id, section="worried_about"):
    await factories.act_as(client, practitioner)
    response = await client.post(
        f"/api/circles/{circle.id}/plan/imports",
        json={"contribution_id": contribution_id, "section": section},
    )
    assert response.status_code == 201, response.text
    return response.json()


async def add(client, practitioner, circle, text, section="needs_to_happen", **extra):
    await factories.act_as(client, practitioner)
    response = await client.post(
        f"/api/circles/{circle.id}/plan/items", json={"section": section, "text": text, **extra}
    )
    assert response.status_code == 201, response.text
    return response.json()


async def publish(client, practitioner, circle):
    await factories.act_as(client, practitioner)
    response = await client.post(f"/api/circles/{circle.id}/plan/publish")
    assert response.status_code == 201, response.text
    return response.json()["version"]


async def family_plan(client, person):
    await factories.act_as(client, person)
    response = await client.get("/api/family/plan")
    assert response.status_code == 200, response.text
    return response.json()


async def managed(world, name="Maya Khan", email="maya@example.test", lead=True):
    """A team with a manager; the circle's lead joins it when `lead` is true."""
    organisation = await Organisation.get(id=world.circle.organisation_id)
    team = await Team.create(organisation=organisation, name="Team " + email)
    manager = await factories.practitioner(
        organisation, email, name, role=Role.TEAM_MANAGER, team=team
    )
    team.manager = manager
    await team.save(update_fields=["manager_id"])
    if lead:
        world.lead.team = team
        await world.lead.save(update_fields=["team_id"])
    return team, manager
