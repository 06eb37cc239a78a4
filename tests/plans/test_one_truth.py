"""One truth on every screen: words only for the lead ("my worker") are marked as
such wherever they stand (screen, print, JSON export); other team members see
that an item is there and for whom, in place of it; print is headed with the
published version and includes the answers the reader may see."""

from tests import factories
from tests.plans.helpers import add, bring_in, publish, share


async def _restricted_plan(client, world):
    words = await share(client, world.young_person, "Mum shouts at night", "my_worker")
    item = await bring_in(client, world.lead, world.circle, words)
    await add(client, world.lead, world.circle, "Sam goes to football", section="working_well")
    await publish(client, world.lead, world.circle)
    return item


async def test_the_lead_sees_my_worker_words_marked_and_the_school_sees_whose_they_are(client):
    world = await factories.world()
    item = await _restricted_plan(client, world)
    await factories.act_as(client, world.lead)
    lead_plan = (await client.get(f"/api/circles/{world.circle.id}/plan")).json()
    [marked] = [i for i in lead_plan["items"] if i["id"] == item["id"]]
    assert marked["quote"]["only_for"] == "Priya Shah"
    assert lead_plan["hidden"] == []
    await factories.act_as(client, world.teammate)
    school = (await client.get(f"/api/circles/{world.circle.id}/plan")).json()
    assert item["id"] not in [i["id"] for i in school["items"]]
    assert school["hidden"] == [
        {
            "section": "worried_about",
            "section_label": "What we're worried about",
            "count": 1,
            "only_for": "Priya Shah",
        }
    ]
    assert "Mum shouts" not in str(school)


async def test_print_and_export_mark_the_restricted_item_and_print_says_which_version(client):
    world = await factories.world()
    await _restricted_plan(client, world)
    await factories.act_as(client, world.lead)
    printed = (await client.get(f"/print/circles/{world.circle.id}/plan")).text
    assert "Only Priya Shah can see these words" in printed
    assert "Version 1 was shared on" in printed and "not shared yet" not in printed
    exported = (await client.get(f"/api/circles/{world.circle.id}/plan/versions/1/export")).json()
    [quoted] = [i for i in exported["items"] if i["family_words"]]
    assert quoted["family_words"]["only_for"] == "Priya Shah"
    await factories.act_as(client, world.teammate)
    school_print = (await client.get(f"/print/circles/{world.circle.id}/plan")).text
    assert "1 item is only for Priya Shah" in school_print
    assert "Mum shouts" not in school_print


async def test_print_includes_the_family_answers_the_reader_may_see(client):
    world = await factories.world()
    await add(client, world.lead, world.circle, "Sam moves school", section="needs_to_happen")
    await publish(client, world.lead, world.circle)
    await factories.act_as(client, world.parent)
    plan = (await client.get("/api/family/plan")).json()
    answered = await client.post(
        f"/api/family/plan/items/{plan['items'][0]['id']}/answer",
        json={
            "answer": "disagree",
            "comment": "He is settled where he is",
            "audience": "my_meeting",
        },
    )
    assert answered.status_code == 201, answered.text
    await factories.act_as(client, world.teammate)
    printed = (await client.get(f"/print/circles/{world.circle.id}/plan")).text
    assert "He is settled where he is" in printed and "Alex" in printed
