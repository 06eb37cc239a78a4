"""Property: over random circles, plans and sharing changes and withdrawals of
their sources, every reader sees exactly the permitted family words in the plan
view, the print view and the JSON export; withdrawn words never appear, and
nobody sees another circle's plan."""

from __future__ import annotations

import asyncio

from hypothesis import example, given

from tests import factories
from tests.sharing import random_circle


async def _publish_every_plan(client, world) -> None:
    """Each circle's lead imports every item of the circle (written widely shared,
    so the lead may), adds the team's own words, and publishes."""
    for number, model in enumerate(world.circles):
        await factories.act_as(client, world.practitioners[model.lead].person)
        plan = f"/api/circles/{model.row.id}/plan"
        for item in world.items:
            if item.circle == number:
                imported = await client.post(
                    plan + "/imports", json={"contribution_id": item.id, "section": "worried_about"}
                )
                assert imported.status_code == 201
        await client.post(
            plan + "/items", json={"section": "working_well", "text": f"team words {number}"}
        )
        assert (await client.post(plan + "/publish")).status_code == 201


def _paths(world, reader) -> list[tuple[int, str]]:
    """(circle, path) for each plan read this reader might try."""
    if reader.is_family:
        return [(reader.circle, "/api/family/plan"), (reader.circle, "/print/my-plan")]
    return [
        (number, path.format(model.row.id))
        for number, model in enumerate(world.circles)
        for path in (
            "/api/circles/{}/plan",
            "/print/circles/{}/plan",
            "/api/circles/{}/plan/versions/1/export",
        )
    ]


async def _scenario(db_url, data_dir, case) -> None:
    async with random_circle.running_app(db_url, data_dir) as client:
        world = await random_circle.build(case)
        await random_circle.write_items(client, world, case, audience="my_family_too")
        await _publish_every_plan(client, world)
        await random_circle.apply_changes(client, world, case)
        await random_circle.close_circles(client, world, case)
        for reader in world.readers:
            await factories.act_as(client, reader.person)
            for circle, path in _paths(world, reader):
                answer = await client.get(path)
                if not (reader.is_family or world.on_team(reader, circle)):
                    assert answer.status_code == 404, (path, reader)
                    continue
                assert answer.status_code == 200, (path, answer.text)
                assert f"team words {circle}" in answer.text
                for item in world.items:
                    expected = (
                        item.circle == circle
                        and world.may_read(reader, item)
                        and (not item.withdrawn)
                    )
                    assert (item.words in answer.text) == expected, (path, reader, item, case)


@random_circle.SETTINGS
@given(case=random_circle.cases)
@example(case=random_circle.EVERY_RULE)
def test_plan_views_show_exactly_the_permitted_family_words(db_url, tmp_path, case):
    asyncio.run(_scenario(db_url, tmp_path, case))
