"""Once its author withdraws a comment, no kept answer gives the words back: not
the author's own, and not a practitioner's answer to the comment either."""

from tests import factories
from tests.plans.test_answer_comments import WORDS, _answer, _published_item


async def test_a_leads_replayed_response_does_not_bring_back_a_withdrawn_comment(client):
    world = await factories.world()
    item_id = await _published_item(client, world)
    sent = await _answer(client, world.young_person, item_id)  # for my worker: Priya
    await factories.act_as(client, world.lead)
    url, body = f"/api/plan-answers/{sent['id']}/response", {"text": "I hear you."}
    headers = {"Idempotency-Key": "respond-1"}
    first = await client.post(url, json=body, headers=headers)
    assert WORDS in first.text
    await factories.act_as(client, world.young_person)
    assert (await client.post(f"/api/family/plan/answers/{sent['id']}/withdraw")).status_code == 200
    await factories.act_as(client, world.lead)
    again = await client.post(url, json=body, headers=headers)
    assert WORDS not in again.text
