from tests import factories


async def test_a_practitioner_sees_only_the_circles_they_are_on(client):
    world = await factories.world()
    await factories.sign_in_practitioner(client, world.teammate)
    home = (await client.get("/api/practitioner/home")).json()
    assert home["name"] == "Tom Evans" and home["agency_label"] == "School"
    assert [(c["name"], c["is_lead"], c["member_count"]) for c in home["circles"]] == [
        ("Sam and Mia", False, 3)
    ]
    assert home["circles"][0]["next_meeting"]["place"] == "Civic Centre"


async def test_a_practitioner_of_another_circle_does_not_see_it(client):
    world = await factories.world()
    await factories.sign_in_practitioner(client, world.outsider)
    names = [c["name"] for c in (await client.get("/api/practitioner/home")).json()["circles"]]
    assert names == ["Another family"]


async def test_only_practitioners_have_a_practitioner_home(client):
    world = await factories.world()
    assert (await client.get("/api/practitioner/home")).status_code == 401
    await factories.join(client, world.parent)
    assert (await client.get("/api/practitioner/home")).status_code == 403
