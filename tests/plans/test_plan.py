from datetime import date, timedelta

from server.plans.models import PlanAnswer, PlanItem, PlanVersion
from tests import factories
from tests.plans.helpers import add, bring_in, family_plan, managed, publish, share


async def test_family_words_go_in_verbatim_attributed_and_linked(client):
    world = await factories.world()
    words = await share(
        client, world.young_person, "I want Dad at my birthday", "my_meeting", kind="want_to_happen"
    )
    item = await bring_in(client, world.teammate, world.circle, words, "needs_to_happen")
    assert item["text"] is None
    assert item["quote"]["text"] == "I want Dad at my birthday"
    assert item["quote"]["author_name"] == "Sam"
    assert item["quote"]["source_id"] == words
    assert (await PlanItem.get(id=item["id"])).text == ""  # linked, never copied


async def test_an_action_names_who_does_what_by_when(client):
    world = await factories.world()
    due = (date.today() + timedelta(days=14)).isoformat()
    action = await add(
        client,
        world.lead,
        world.circle,
        "Book a family time",
        "actions",
        owner={"member_id": str(world.parent.id)},
        due_on=due,
        status="not_started",
    )
    assert (action["owner_label"], action["due_on"], action["status_label"]) == (
        "Alex",
        due,
        "Not started",
    )


BAD_ITEMS = [
    ({"section": "actions", "text": "x", "due_on": "2020-01-01"}, "due_on"),
    (
        {
            "section": "actions",
            "text": "x",
            "owner": {"member_id": "00000000-0000-0000-0000-000000000000"},
        },
        "owner",
    ),
    (
        {
            "section": "actions",
            "text": "x",
            "owner": {"agency": "school", "member_id": None, "practitioner_id": None},
        },
        None,
    ),
    (
        {
            "section": "actions",
            "text": "x",
            "owner": {
                "agency": "school",
                "practitioner_id": "00000000-0000-0000-0000-000000000000",
            },
        },
        "owner",
    ),
    ({"section": "working_well", "text": "x", "due_on": "2030-01-01"}, "section"),
    ({"section": "working_well", "text": ""}, "text"),
    ({"section": "somewhere", "text": "x"}, "section"),
]


async def test_bad_plan_items_are_refused_and_nothing_changes(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    for body, field in BAD_ITEMS:
        response = await client.post(f"/api/circles/{world.circle.id}/plan/items", json=body)
        if field is None:
            assert response.status_code == 201
            await PlanItem.all().delete()
            continue
        assert response.status_code == 422, body
        assert response.json()["errors"][0]["field"] == field, body
    other_circle_member = {"member_id": str(world.other_young_person.id)}
    response = await client.post(
        f"/api/circles/{world.circle.id}/plan/items",
        json={"section": "actions", "text": "x", "owner": other_circle_member},
    )
    assert response.status_code == 422
    assert await PlanItem.all().count() == 0


async def test_words_not_shared_with_you_cannot_be_imported(client):
    world = await factories.world()
    for_worker = await share(client, world.young_person, "only for Priya", "my_worker")
    draft = await share(client, world.young_person, "private", "just_me")
    await factories.act_as(client, world.teammate)
    for source in (for_worker, draft, "00000000-0000-0000-0000-000000000000"):
        response = await client.post(
            f"/api/circles/{world.circle.id}/plan/imports",
            json={"contribution_id": source, "section": "worried_about"},
        )
        assert response.status_code == 422
        assert (
            response.json()["errors"][0]["message"]
            == "You can only use words that were shared with you."
        )
    assert await PlanItem.all().count() == 0


async def test_an_empty_plan_is_not_published(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    response = await client.post(f"/api/circles/{world.circle.id}/plan/publish")
    assert response.status_code == 409
    assert response.json()["title"] == "There is nothing in the plan to publish yet."
    assert await PlanVersion.all().count() == 0


async def test_publish_change_publish_shows_each_person_what_changed_since_they_looked(client):
    world = await factories.world()
    keep = await add(client, world.lead, world.circle, "School is going well", "working_well")
    change = await add(client, world.lead, world.circle, "Meet weekly")
    gone = await add(client, world.lead, world.circle, "Old idea")
    assert await publish(client, world.lead, world.circle) == 1
    first = await family_plan(client, world.parent)
    assert first["changes"]["since_version"] is None
    await client.post("/api/family/plan/seen", json={"version": 1})

    await factories.act_as(client, world.lead)
    await client.patch(f"/api/plan-items/{change['id']}", json={"text": "Meet every two weeks"})
    await client.delete(f"/api/plan-items/{gone['id']}")
    new = await add(client, world.lead, world.circle, "Family time on Sundays")
    assert await publish(client, world.lead, world.circle) == 2

    parent = await family_plan(client, world.parent)
    assert parent["version"] == 2
    assert parent["changes"]["since_version"] == 1
    assert parent["changes"]["added"] == [new["id"]]
    assert parent["changes"]["changed"] == [change["id"]]
    assert [r["text"] for r in parent["changes"]["removed"]] == ["Old idea"]
    assert keep["id"] not in parent["changes"]["changed"]
    # Sam never looked at version 1: nothing to compare with, everything is new to him.
    sam = await family_plan(client, world.young_person)
    assert sam["changes"]["since_version"] is None


async def test_answers_flag_disagreement_until_the_team_responds(client):
    world = await factories.world()
    await managed(world)  # escalations go to the lead's manager
    item = await add(client, world.lead, world.circle, "Alex stops drinking")
    await publish(client, world.lead, world.circle)
    await factories.act_as(client, world.parent)
    answered = await client.post(
        f"/api/family/plan/items/{item['id']}/answer",
        json={"answer": "disagree", "comment": "I already stopped"},
    )
    assert answered.status_code == 201 and answered.json()["flagged"] is True
    mine = await family_plan(client, world.parent)
    assert mine["items"][0]["my_answer"]["answer"] == "disagree"
    await factories.act_as(client, world.lead)
    plan = (await client.get(f"/api/circles/{world.circle.id}/plan")).json()
    [shown] = plan["items"][0]["answers"]
    assert (shown["member_name"], shown["comment"], shown["flagged"]) == (
        "Alex",
        "I already stopped",
        True,
    )
    # The comment went to Alex's worker (the default); the whole team sees the disagreement.
    await factories.act_as(client, world.teammate)
    plan = (await client.get(f"/api/circles/{world.circle.id}/plan")).json()
    [shown] = plan["items"][0]["answers"]
    assert (shown["member_name"], shown["comment"], shown["flagged"]) == ("Alex", None, True)
    escalated = await client.post(f"/api/plan-answers/{shown['id']}/escalate")
    assert escalated.json()["escalated_at"] is not None
    responded = await client.post(
        f"/api/plan-answers/{shown['id']}/response",
        json={"text": "Thank you, we will talk about it together."},
    )
    assert responded.json()["flagged"] is False


async def test_answering_an_item_you_cannot_see_changes_nothing(client):
    world = await factories.world()
    words = await share(client, world.young_person, "for the meeting", "my_meeting")
    hidden = await bring_in(client, world.lead, world.circle, words)
    await publish(client, world.lead, world.circle)
    await factories.act_as(client, world.parent)
    for item_id in (hidden["id"], "00000000-0000-0000-0000-000000000000"):
        response = await client.post(
            f"/api/family/plan/items/{item_id}/answer", json={"answer": "agree"}
        )
        assert response.status_code == 404
    assert await PlanAnswer.all().count() == 0


async def test_narrowing_the_source_removes_it_from_the_parents_plan_at_once(client):
    world = await factories.world()
    words = await share(client, world.young_person, "I want to see Grandma", "my_family_too")
    item = await bring_in(client, world.lead, world.circle, words, "needs_to_happen")
    await publish(client, world.lead, world.circle)
    assert [i["id"] for i in (await family_plan(client, world.parent))["items"]] == [item["id"]]
    await factories.act_as(client, world.young_person)
    await client.put(f"/api/contributions/{words}/audience", json={"audience": "my_worker"})
    assert (await family_plan(client, world.parent))["items"] == []
    assert len((await family_plan(client, world.young_person))["items"]) == 1


async def test_a_withdrawn_source_shows_only_a_dated_marker(client):
    world = await factories.world()
    words = await share(client, world.young_person, "the words", "my_meeting")
    await bring_in(client, world.teammate, world.circle, words)
    await publish(client, world.lead, world.circle)
    await factories.act_as(client, world.young_person)
    await client.post(f"/api/contributions/{words}/withdraw")
    await factories.act_as(client, world.teammate)
    plan = await client.get(f"/api/circles/{world.circle.id}/plan")
    [item] = plan.json()["items"]
    assert item["quote"]["text"] is None and item["quote"]["withdrawn_at"]
    assert "the words" not in plan.text
    export = await client.get(f"/api/circles/{world.circle.id}/plan/versions/1/export")
    assert "the words" not in export.text
    printed = await client.get(f"/print/circles/{world.circle.id}/plan")
    assert "The writer took these words back on" in printed.text and "the words" not in printed.text


async def test_you_said_the_plan_says(client):
    world = await factories.world()
    used = await share(client, world.young_person, "used", "my_meeting")
    await share(client, world.young_person, "not used", "my_meeting")
    await bring_in(client, world.lead, world.circle, used, "worried_about")
    await publish(client, world.lead, world.circle)
    await factories.act_as(client, world.young_person)
    said = {
        i["text"]: i["used_in"] for i in (await client.get("/api/family/you-said")).json()["items"]
    }
    assert said == {
        "used": [{"section_label": "What we're worried about", "version": 1}],
        "not used": [],
    }
