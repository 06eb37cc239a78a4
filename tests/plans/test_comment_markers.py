"""A withdrawn comment leaves a dated marker only for those who could read it:
to anyone else it was never there."""

from tests import factories
from tests.plans.test_answer_comments import _answer, _published_item, _shown_to


async def test_a_withdrawn_comments_marker_shows_only_to_those_who_could_read_it(client):
    world = await factories.world()
    item_id = await _published_item(client, world)
    sent = await _answer(client, world.young_person, item_id, audience="my_worker")
    withdrawn = await client.post(f"/api/family/plan/answers/{sent['id']}/withdraw")
    when = withdrawn.json()["comment_withdrawn_at"]
    lead, _ = await _shown_to(client, world, "lead", item_id)
    teammate, _ = await _shown_to(client, world, "teammate", item_id)
    assert (lead["comment_withdrawn_at"], teammate["comment_withdrawn_at"]) == (when, None)
    assert teammate["answer"] == "disagree"  # the choice is the team's to see
    for reader in ("carer", "other_family_member"):
        shown, _ = await _shown_to(client, world, reader, item_id)
        assert shown is None, reader
