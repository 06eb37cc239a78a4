import uuid

from server.circles.models import FamilyMember
from tests import factories


async def _write(client, person, text, audience, kind="worried_about"):
    await factories.act_as(client, person)
    body = {"id": str(uuid.uuid4()), "kind": kind, "text": text, "audience": audience}
    assert (await client.post("/api/contributions", json=body)).status_code == 201
    return body["id"]


async def test_carers_see_only_what_was_shared_with_my_family_too(client):
    world = await factories.world()
    await _write(client, world.young_person, "for my worker", "my_worker")
    await _write(client, world.young_person, "for the family", "my_family_too")
    withdrawn = await _write(client, world.young_person, "taken back", "my_family_too")
    await client.post(f"/api/contributions/{withdrawn}/withdraw")
    await factories.act_as(client, world.parent)
    shared = (await client.get("/api/family/shared-with-me")).json()["items"]
    assert [(i["author_name"], i["text"]) for i in shared] == [("Sam", "for the family")]
    assert (await client.get("/api/contributions")).json()["items"] == []


async def test_a_child_never_sees_a_siblings_or_carers_words(client):
    world = await factories.world()
    await _write(client, world.parent, "for the family", "my_family_too")
    await _write(client, world.young_person, "for the family", "my_family_too")
    await factories.act_as(client, world.child)
    assert (await client.get("/api/family/shared-with-me")).json()["items"] == []


async def test_the_sharing_explainer_is_remembered(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    assert (await client.get("/api/family/home")).json()["sharing_explained"] is False
    assert (await client.post("/api/family/sharing-explained")).status_code == 204
    assert (await client.get("/api/family/home")).json()["sharing_explained"] is True


async def test_a_person_chooses_their_own_simpler_mode(client):
    world = await factories.world()
    await factories.act_as(client, world.child)
    home = (await client.put("/api/family/simple-mode", json={"simple_mode": True})).json()
    assert home["simple_mode"] is True and home["is_carer"] is False
    assert (await FamilyMember.get(id=world.child.id)).simple_mode is True
    refused = await client.put("/api/family/simple-mode", json={"simple_mode": "yes"})
    assert refused.status_code == 422


async def test_my_data_is_a_readable_file_with_the_sharing_history(client):
    world = await factories.world()
    item = await _write(client, world.young_person, "Mum is sad", "my_worker")
    await client.put(f"/api/contributions/{item}/audience", json={"audience": "my_meeting"})
    await _write(client, world.young_person, "my secret", "just_me")
    await _write(client, world.parent, "not mine", "my_family_too")
    await factories.act_as(client, world.young_person)
    response = await client.get("/api/family/my-data")
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert 'filename="my-words.txt"' in response.headers["content-disposition"]
    text = response.text
    assert "Name: Sam" in text and "Mum is sad" in text and "my secret" in text
    assert "Changed from My worker to My meeting." in text
    assert "Who can see it now: My meeting" in text
    assert "not mine" not in text


async def test_my_data_follows_my_language(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    world.young_person.locale = "pl"
    await world.young_person.save()
    text = (await client.get("/api/family/my-data")).text
    assert "Name: Sam" not in text.splitlines()[1]
