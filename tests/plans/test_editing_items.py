"""Changing a plan item after it was added: an action can be handed to someone
else in the circle (never to someone outside it), and imported family words can
be moved to another section, their words untouched."""

from datetime import date, timedelta

from server.plans.models import PlanItem
from tests import factories
from tests.plans.helpers import add, bring_in, share


async def _action(client, world):
    due = (date.today() + timedelta(days=14)).isoformat()
    return await add(
        client,
        world.lead,
        world.circle,
        "Book a family time",
        "actions",
        owner={"member_id": str(world.parent.id)},
        due_on=due,
    )


async def test_an_action_can_be_handed_to_someone_else_in_the_circle(client):
    world = await factories.world()
    action = await _action(client, world)
    handed = await client.patch(
        f"/api/plan-items/{action['id']}",
        json={"owner": {"practitioner_id": str(world.teammate.id)}},
    )
    assert handed.status_code == 200, handed.text
    assert handed.json()["owner_label"] == "Tom Evans"
    kept = await PlanItem.get(id=action["id"])
    assert (kept.owner_practitioner_id, kept.owner_member_id) == (world.teammate.id, None)


async def test_an_action_cannot_be_handed_to_someone_outside_the_circle(client):
    world = await factories.world()
    action = await _action(client, world)
    refused = await client.patch(
        f"/api/plan-items/{action['id']}",
        json={"owner": {"practitioner_id": str(world.outsider.id)}},
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "owner"
    assert (await PlanItem.get(id=action["id"])).owner_member_id == world.parent.id


async def test_imported_words_can_move_to_another_section_unchanged(client):
    world = await factories.world()
    words = await share(client, world.young_person, "I miss my dad", "my_meeting")
    item = await bring_in(client, world.lead, world.circle, words)
    moved = await client.patch(f"/api/plan-items/{item['id']}", json={"section": "working_well"})
    assert moved.status_code == 200, moved.text
    assert (moved.json()["section"], moved.json()["quote"]["text"]) == (
        "working_well",
        "I miss my dad",
    )


async def test_an_actions_due_date_can_move_but_not_into_the_past(client):
    world = await factories.world()
    action = await _action(client, world)
    later = (date.today() + timedelta(days=30)).isoformat()
    moved = await client.patch(f"/api/plan-items/{action['id']}", json={"due_on": later})
    assert (moved.status_code, moved.json()["due_on"]) == (200, later)
    past = (date.today() - timedelta(days=1)).isoformat()
    refused = await client.patch(f"/api/plan-items/{action['id']}", json={"due_on": past})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "due_on"


async def test_an_action_with_an_owner_cannot_move_out_of_the_actions(client):
    world = await factories.world()
    action = await _action(client, world)
    refused = await client.patch(
        f"/api/plan-items/{action['id']}", json={"section": "working_well"}
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "section"
    assert (await PlanItem.get(id=action["id"])).section == "actions"
