from server.circles.models import Circle, TeamMember
from tests import factories


async def test_a_practitioner_sets_up_a_circle_adds_the_family_and_the_team(client):
    world = await factories.world()
    await factories.act_as(client, world.outsider)
    made = await client.post("/api/circles", json={"name": "The Novak family"})
    assert made.status_code == 201
    circle = made.json()
    assert circle["is_lead"] is True and [t["name"] for t in circle["team"]] == ["Olu Ade"]
    url = f"/api/circles/{circle['id']}"
    added = await client.post(
        url + "/members",
        json={"name": "Zofia", "role": "young_person", "age_band": "12_15", "locale": "pl"},
    )
    assert added.status_code == 201
    assert added.json()["member"]["locale"] == "pl"
    code = added.json()["invitation"]["code"]
    teammate = await client.post(url + "/team", json={"email": "TOM@example.test"})
    assert teammate.status_code == 201
    assert {t["name"] for t in teammate.json()["team"]} == {"Olu Ade", "Tom Evans"}
    unknown = await client.post(url + "/team", json={"email": "nobody@example.test"})
    assert unknown.status_code == 404
    twice = await client.post(url + "/team", json={"email": "tom@example.test"})
    assert twice.status_code == 409
    client.cookies.clear()
    joined = await client.post("/api/invitations/redeem", json={"code": code, "pin": "5826"})
    assert joined.json()["name"] == "Zofia" and joined.json()["locale"] == "pl"


async def test_only_the_lead_hands_over_the_lead_or_closes_the_circle(client):
    world = await factories.world()
    url = f"/api/circles/{world.circle.id}"
    await factories.act_as(client, world.teammate)
    assert (await client.post(url + "/close")).status_code == 403
    assert (
        await client.put(url + "/lead", json={"practitioner_id": str(world.teammate.id)})
    ).status_code == 403
    await factories.act_as(client, world.lead)
    handed = await client.put(url + "/lead", json={"practitioner_id": str(world.teammate.id)})
    assert handed.status_code == 200 and handed.json()["is_lead"] is False
    assert (await TeamMember.get(practitioner=world.teammate, circle=world.circle)).is_lead is True
    await factories.act_as(client, world.teammate)
    closed = await client.post(url + "/close")
    assert closed.json()["closed_at"] is not None
    assert (await Circle.get(id=world.circle.id)).closed_at is not None
    assert (await client.get(f"/api/circles/{world.circle.id}/voice")).status_code == 404


async def test_a_circle_is_not_found_by_anyone_off_its_team(client):
    world = await factories.world()
    for person in (world.outsider, world.young_person, world.parent):
        await factories.act_as(client, person)
        response = await client.get(f"/api/circles/{world.circle.id}")
        assert response.status_code == 404
        assert "Sam" not in response.text


async def test_new_members_need_a_known_role_and_language(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    bad = await client.post(
        f"/api/circles/{world.circle.id}/members",
        json={"name": "X", "role": "uncle", "age_band": "adult", "locale": "de"},
    )
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"role", "locale"}
