"""Withdrawals follow everywhere: "you said" stops saying the words are used,
"what changed since you looked" lists the withdrawal, and nobody is offered agree
or disagree under words that were taken back. Words already in the plan are not
brought in twice."""

from server.plans.models import PlanAnswer, PlanItem
from tests import factories
from tests.plans.helpers import bring_in, family_plan, publish, share


async def _withdraw(client, person, contribution_id):
    await factories.act_as(client, person)
    answer = await client.post(f"/api/contributions/{contribution_id}/withdraw")
    assert answer.status_code == 200, answer.text


async def _you_said(client, person):
    await factories.act_as(client, person)
    return {
        i["contribution_id"]: i for i in (await client.get("/api/family/you-said")).json()["items"]
    }


async def test_you_said_stops_saying_used_once_the_words_are_withdrawn(client):
    world = await factories.world()
    words = await share(client, world.young_person, "I miss my dad", "my_family_too")
    await bring_in(client, world.lead, world.circle, words)
    await publish(client, world.lead, world.circle)
    before = (await _you_said(client, world.young_person))[words]
    assert [u["section_label"] for u in before["used_in"]] == ["What we're worried about"]
    assert before["withdrawn_at"] is None
    await _withdraw(client, world.young_person, words)
    after = (await _you_said(client, world.young_person))[words]
    assert after["used_in"] == [] and after["withdrawn_at"]


async def test_what_changed_lists_a_withdrawal_and_no_answer_is_taken_under_it(client):
    world = await factories.world()
    words = await share(client, world.young_person, "I miss my dad", "my_family_too")
    item = await bring_in(client, world.lead, world.circle, words)
    await publish(client, world.lead, world.circle)
    first = await family_plan(client, world.parent)
    await factories.act_as(client, world.parent)
    await client.post("/api/family/plan/seen", json={"version": first["version"]})
    assert (await family_plan(client, world.parent))["changes"]["withdrawn"] == []
    await _withdraw(client, world.young_person, words)
    plan = await family_plan(client, world.parent)
    assert plan["changes"]["withdrawn"] == [item["id"]]
    [shown] = [i for i in plan["items"] if i["id"] == item["id"]]
    assert shown["quote"]["withdrawn_at"] and shown["quote"]["text"] is None
    await factories.act_as(client, world.parent)
    refused = await client.post(
        f"/api/family/plan/items/{item['id']}/answer", json={"answer": "disagree"}
    )
    assert refused.status_code == 409, refused.text
    assert "withdrawn" in refused.json()["title"]
    assert not await PlanAnswer.exists()


async def test_words_already_in_the_plan_are_not_brought_in_twice(client):
    world = await factories.world()
    words = await share(client, world.young_person, "I want to stay at my school", "my_meeting")
    first = await bring_in(client, world.lead, world.circle, words)
    await factories.act_as(client, world.teammate)
    again = await client.post(
        f"/api/circles/{world.circle.id}/plan/imports",
        json={"contribution_id": words, "section": "needs_to_happen"},
    )
    assert again.status_code == 409, again.text
    assert again.json()["title"] == "These words are already in the plan."
    assert await PlanItem.all().count() == 1
    await factories.act_as(client, world.lead)
    voice = (await client.get(f"/api/circles/{world.circle.id}/voice")).json()
    [said] = [i for i in voice["items"] if i["id"] == words]
    assert [u["section_label"] for u in said["in_plan"]] == ["What we're worried about"]
    assert said["in_plan"][0]["item_id"] == first["id"]
