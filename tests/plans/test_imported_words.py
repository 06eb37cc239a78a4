"""Family words in the plan: only words shared with you, from this circle, still
shared; once imported they stay the author's, verbatim, for everyone."""

import uuid

from server.audit.models import AuditEvent
from server.circles.models import TeamMember
from server.plans.models import PlanItem
from tests import factories
from tests.plans.helpers import add, bring_in, publish, share


async def _import(client, practitioner, circle, source):
    await factories.act_as(client, practitioner)
    return await client.post(
        f"/api/circles/{circle.id}/plan/imports",
        json={"contribution_id": source, "section": "worried_about"},
    )


async def test_words_from_another_circle_cannot_be_imported(client):
    """Kills mutant L1: the import not limited to the plan's own circle, so a
    practitioner on two teams could carry one family's words into another's plan."""
    world = await factories.world()
    await TeamMember.create(circle=world.other_circle, practitioner=world.lead)
    words = await share(client, world.young_person, "Sam's words", "my_meeting")
    refused = await _import(client, world.lead, world.other_circle, words)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "contribution_id"
    assert "Sam's words" not in refused.text
    assert not await PlanItem.filter(plan__circle_id=world.other_circle.id).exists()
    assert (await _import(client, world.lead, world.circle, words)).status_code == 201


async def test_withdrawn_words_cannot_be_imported(client):
    """Kills mutant L2: importing words their author has withdrawn."""
    world = await factories.world()
    words = await share(client, world.young_person, "taken back", "my_meeting")
    assert (await client.post(f"/api/contributions/{words}/withdraw")).status_code == 200
    for practitioner in (world.lead, world.teammate):
        refused = await _import(client, practitioner, world.circle, words)
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["field"] == "contribution_id"
    assert await PlanItem.all().count() == 0


async def test_a_teammate_cannot_change_or_remove_an_item_quoting_my_worker_words(client):
    """Kills mutant L3 (first half): a teammate who may not read the quoted words
    editing or deleting the plan item that quotes them. To them it is not found."""
    world = await factories.world()
    words = await share(client, world.young_person, "for my worker", "my_worker")
    item = await bring_in(client, world.lead, world.circle, words)
    await factories.act_as(client, world.teammate)
    url = f"/api/plan-items/{item['id']}"
    edited = await client.patch(url, json={"section": "working_well"})
    removed = await client.delete(url)
    assert (edited.status_code, removed.status_code) == (404, 404)
    assert "for my worker" not in edited.text + removed.text
    kept = await PlanItem.get(id=item["id"])
    assert (kept.section, str(kept.source_id)) == ("worried_about", words)


async def test_imported_words_cannot_be_rewritten_by_anyone(client):
    """Kills mutant L3 (second half): an edit putting the team's text over
    imported words. The item still shows the author's words, verbatim."""
    world = await factories.world()
    words = await share(client, world.young_person, "I want to go home", "my_meeting")
    item = await bring_in(client, world.teammate, world.circle, words)
    for practitioner in (world.lead, world.teammate):
        await factories.act_as(client, practitioner)
        answer = await client.patch(
            f"/api/plan-items/{item['id']}", json={"text": f"{practitioner.name} rewrote it"}
        )
        assert answer.status_code < 500
        assert "rewrote it" not in answer.text
    assert (await PlanItem.get(id=item["id"])).text == ""
    await publish(client, world.lead, world.circle)
    await factories.act_as(client, world.young_person)
    [shown] = (await client.get("/api/family/plan")).json()["items"]
    assert (shown["text"], shown["quote"]["text"]) == (None, "I want to go home")
    await factories.act_as(client, world.lead)
    export = await client.get(f"/api/circles/{world.circle.id}/plan/versions/1/export")
    assert "rewrote it" not in export.text


async def test_an_imported_scale_reaches_the_export_whole(client):
    """A scale's words are its question and number: the JSON export carries both,
    as the plan and print views do, and neither once the author withdraws it."""
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    scale = {
        "id": str(uuid.uuid4()),
        "kind": "scale",
        "audience": "my_meeting",
        "scale_question": "How safe do I feel at home?",
        "scale_value": 3,
    }
    assert (await client.post("/api/contributions", json=scale)).status_code == 201
    await bring_in(client, world.lead, world.circle, scale["id"])
    await publish(client, world.lead, world.circle)
    url = f"/api/circles/{world.circle.id}/plan/versions/1/export"
    [item] = (await client.get(url)).json()["items"]
    quoted = item["family_words"]
    assert (quoted["scale_question"], quoted["scale_value"]) == ("How safe do I feel at home?", 3)
    await factories.act_as(client, world.young_person)
    await client.post(f"/api/contributions/{scale['id']}/withdraw")
    await factories.act_as(client, world.lead)
    [item] = (await client.get(url)).json()["items"]
    assert item["family_words"]["withdrawn_at"] and "How safe" not in str(item)


async def test_each_import_is_audited_with_who_brought_whose_words_into_which_plan(client):
    world = await factories.world()
    words = await share(client, world.young_person, "I want to see my nan", "my_meeting")
    await bring_in(client, world.teammate, world.circle, words)
    audit = await AuditEvent.filter(action="contribution_imported").values_list(
        "practitioner_id", "circle_id", "subject_type", "subject_id"
    )
    assert audit == [(world.teammate.id, world.circle.id, "Contribution", words)]


async def test_imported_words_go_after_the_items_already_in_that_section(client):
    world = await factories.world()
    for text in ("Sam walks to school", "Sam sees friends"):
        await add(client, world.lead, world.circle, text, "working_well")
    words = await share(client, world.young_person, "I like my teacher", "my_meeting")
    await bring_in(client, world.lead, world.circle, words, section="working_well")
    items = (await client.get(f"/api/circles/{world.circle.id}/plan")).json()["items"]
    assert [item["text"] or item["quote"]["text"] for item in items] == [
        "Sam walks to school",
        "Sam sees friends",
        "I like my teacher",
    ]
