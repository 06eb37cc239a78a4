"""The app's own scale questions are stored as a key and shown in each reader's
language, never as the child's words; a question of their own is kept as written."""

import uuid

from server.contributions.models import Contribution
from tests import factories


async def test_our_question_is_stored_as_a_key_and_read_in_each_readers_language(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    body = {
        "id": str(uuid.uuid4()),
        "kind": "scale",
        "text": "",
        "scale_question": "app:feel",
        "scale_value": 7,
        "audience": "my_worker",
    }
    assert (await client.post("/api/contributions", json=body)).status_code == 201
    assert (await Contribution.get(id=body["id"])).scale_question == "app:feel"
    await factories.act_as(client, world.lead)
    url = f"/api/circles/{world.circle.id}/voice"
    [english] = (await client.get(url)).json()["items"]
    assert english["scale_question"] == "How do you feel?"
    assert (await client.put("/api/me/locale", json={"locale": "pl"})).status_code == 200
    [polish] = (await client.get(url)).json()["items"]
    assert polish["scale_question"] not in ("How do you feel?", "app:feel")
    await factories.act_as(client, world.young_person)
    mine = (await client.get("/api/family/my-data")).text
    assert "How do you feel?: 7/10" in mine and "app:feel" not in mine
