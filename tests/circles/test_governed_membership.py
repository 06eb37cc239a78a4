"""Only the lead practitioner, or the manager of the lead's team, changes who is
in a circle and publishes its plan; removing someone ends their access at once."""

from __future__ import annotations

from server.circles.models import FamilyMember, TeamMember
from server.organisations.models import Agency, Organisation, Role, Team
from server.plans.models import PlanItem, PlanVersion
from tests import factories


async def _manager_of_lead(world) -> object:
    organisation = await Organisation.get(id=world.circle.organisation_id)
    team = await Team.create(organisation=organisation, name="East")
    manager = await factories.practitioner(
        organisation, "maya@example.test", "Maya Manager", role=Role.TEAM_MANAGER, team=team
    )
    team.manager = manager
    await team.save(update_fields=["manager_id"])
    world.lead.team = team
    await world.lead.save(update_fields=["team_id"])
    return manager


async def test_a_teammate_cannot_change_who_is_in_the_circle_or_publish(app, client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    item = (
        await client.post(
            f"/api/circles/{world.circle.id}/plan/items",
            json={"section": "working_well", "text": "Sam goes to football"},
        )
    ).json()
    await factories.act_as(client, world.teammate)
    circle = f"/api/circles/{world.circle.id}"
    refused = {
        "add a member": await client.post(
            circle + "/members", json={"name": "Bo", "role": "child", "age_band": "8_11"}
        ),
        "re-invite a child": await client.post(
            f"{circle}/members/{world.young_person.id}/invitations"
        ),
        "add a colleague": await client.post(circle + "/team", json={"email": "olu@example.test"}),
        "publish": await client.post(circle + "/plan/publish"),
        "edit the lead's item": await client.patch(
            f"/api/plan-items/{item['id']}", json={"text": "changed"}
        ),
        "delete the lead's item": await client.delete(f"/api/plan-items/{item['id']}"),
        "remove a member": await client.delete(f"{circle}/members/{world.child.id}"),
    }
    for what, response in refused.items():
        assert response.status_code == 403, what
        assert response.json()["title"] == (
            "Only the lead practitioner or their manager can do that."
        ), what
    assert await FamilyMember.filter(circle=world.circle, removed_at=None).count() == 3
    assert not await PlanVersion.exists()
    assert (await PlanItem.get(id=item["id"])).text == "Sam goes to football"
    assert await TeamMember.filter(circle=world.circle).count() == 2


async def test_a_teammate_edits_their_own_plan_item(app, client):
    world = await factories.world()
    await factories.act_as(client, world.teammate)
    item = (
        await client.post(
            f"/api/circles/{world.circle.id}/plan/items",
            json={"section": "working_well", "text": "Sam reads well"},
        )
    ).json()
    response = await client.patch(
        f"/api/plan-items/{item['id']}", json={"text": "Sam reads very well"}
    )
    assert response.status_code == 200, response.text


async def test_the_leads_manager_governs_the_circle_without_being_on_its_team(app, client):
    world = await factories.world()
    manager = await _manager_of_lead(world)
    await factories.act_as(client, manager)

    shown = await client.get(f"/api/circles/{world.circle.id}")
    assert shown.status_code == 200
    assert (shown.json()["is_lead"], shown.json()["may_govern"]) == (False, True)
    added = await client.post(
        f"/api/circles/{world.circle.id}/members",
        json={"name": "Bo", "role": "child", "age_band": "8_11"},
    )
    assert added.status_code == 201, added.text
    handed = await client.put(
        f"/api/circles/{world.circle.id}/lead", json={"practitioner_id": str(world.teammate.id)}
    )
    assert handed.status_code == 200, handed.text


async def test_another_teams_manager_cannot_see_the_circle(app, client):
    world = await factories.world()
    await _manager_of_lead(world)
    organisation = await Organisation.get(id=world.circle.organisation_id)
    west = await Team.create(organisation=organisation, name="West")
    other = await factories.practitioner(
        organisation, "wes@example.test", "Wes West", role=Role.TEAM_MANAGER, team=west
    )
    west.manager = other
    await west.save(update_fields=["manager_id"])
    await factories.act_as(client, other)
    assert (await client.get(f"/api/circles/{world.circle.id}")).status_code == 404


async def test_a_removed_family_member_is_signed_out_at_once(app, client):
    world = await factories.world()
    await factories.act_as(client, world.parent)
    assert (await client.get("/api/family/home")).status_code == 200
    parent_session = dict(client.cookies), client.headers["X-CSRF-Token"]

    await factories.act_as(client, world.lead)
    response = await client.delete(f"/api/circles/{world.circle.id}/members/{world.parent.id}")
    assert response.status_code == 200, response.text
    assert [m["name"] for m in response.json()["members"]] == ["Sam", "Mia"]
    again = await client.post(
        f"/api/circles/{world.circle.id}/members/{world.parent.id}/invitations"
    )
    assert again.status_code == 404

    client.cookies.clear()
    client.cookies.update(parent_session[0])
    client.headers["X-CSRF-Token"] = parent_session[1]
    assert (await client.get("/api/family/home")).status_code == 401


async def test_a_removed_colleague_loses_access_at_once(app, client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    response = await client.delete(f"/api/circles/{world.circle.id}/team/{world.teammate.id}")
    assert response.status_code == 200, response.text
    assert [t["name"] for t in response.json()["team"]] == ["Priya Shah"]

    await factories.act_as(client, world.teammate)
    assert (await client.get(f"/api/circles/{world.circle.id}")).status_code == 404
    assert (await client.get(f"/api/circles/{world.circle.id}/voice")).status_code == 404


async def test_removing_the_lead_of_an_open_circle_is_refused(app, client):
    world = await factories.world()
    manager = await _manager_of_lead(world)
    manager.locale = "pl"
    await manager.save(update_fields=["locale"])
    await factories.act_as(client, manager)
    response = await client.delete(f"/api/circles/{world.circle.id}/team/{world.lead.id}")
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"].endswith("/last-lead")
    assert "lead" not in response.json()["title"]  # said in Polish
    assert await TeamMember.exists(circle=world.circle, practitioner=world.lead, is_lead=True)


async def test_the_family_sees_a_colleague_from_another_organisation_join(app, client):
    world = await factories.world()
    school = await Organisation.create(name="Hill School", agency=Agency.SCHOOL)
    tess = await factories.practitioner(school, "tess@school.test", "Tess Teacher", Agency.SCHOOL)
    await factories.act_as(client, world.lead)
    added = await client.post(
        f"/api/circles/{world.circle.id}/team", json={"email": "tess@school.test"}
    )
    assert added.status_code == 201, added.text

    await factories.act_as(client, world.young_person)
    home = (await client.get("/api/family/home")).json()
    (joined,) = home["joined_from_other_organisations"]
    assert (joined["name"], joined["agency_label"]) == (tess.name, "School")
    assert joined["joined_at"]
