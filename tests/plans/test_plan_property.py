"""Property: over random plans and random sharing changes and withdrawals of
their sources, every reader sees exactly the permitted family words in the plan
view, the print view and the JSON export; withdrawn words never appear."""

from __future__ import annotations

import asyncio

from hypothesis import given

from tests import factories
from tests.sharing.random_circle import apply_changes, build, cases, running_app, write_items
from tests.sharing.test_sharing_property import SETTINGS


async def _scenario(db_url, data_dir, case) -> None:
    async with running_app(db_url, data_dir) as client:
        world = await build(case)
        # Written widely shared so the lead may import every one, then changed at random.
        await write_items(client, world, case, audience="my_family_too")
        await factories.act_as(client, world.team[0])
        for item in world.items:
            imported = await client.post(f"/api/circles/{world.circle.id}/plan/imports", json={
                "contribution_id": item.id, "section": "worried_about"})
            assert imported.status_code == 201
        await client.post(f"/api/circles/{world.circle.id}/plan/items",
                          json={"section": "working_well", "text": "team words"})
        assert (await client.post(f"/api/circles/{world.circle.id}/plan/publish")).status_code == 201
        await apply_changes(client, world, case)

        team_paths = [f"/api/circles/{world.circle.id}/plan",
                      f"/print/circles/{world.circle.id}/plan",
                      f"/api/circles/{world.circle.id}/plan/versions/1/export"]
        family_paths = ["/api/family/plan", "/print/my-plan"]
        for reader in world.readers:
            await factories.act_as(client, reader.person)
            is_family = reader.kind in ("child", "carer")
            for path in family_paths if is_family else team_paths:
                answer = await client.get(path)
                if reader.kind == "outsider":
                    assert answer.status_code == 404
                    continue
                assert answer.status_code == 200, (path, answer.text)
                assert "team words" in answer.text
                for item in world.items:
                    expected = world.may_read(reader, item) and not item.withdrawn
                    assert (item.text in answer.text) == expected, (path, reader, item, case)


@SETTINGS
@given(case=cases)
def test_plan_views_show_exactly_the_permitted_family_words(db_url, tmp_path, case):
    asyncio.run(_scenario(db_url, tmp_path, case))
