"""Property: whatever circle, items and sequence of sharing changes and
withdrawals, no one ever receives words outside the sharing rules — through any
read path of the API."""

from __future__ import annotations

import asyncio

from hypothesis import HealthCheck, Phase, given, settings

from tests import factories
from tests.sharing.random_circle import (
    apply_changes,
    build,
    cases,
    running_app,
    write_items,
)

SETTINGS = settings(
    max_examples=25, deadline=None,
    # Each example starts the app on a real database, so shrinking a failure would
    # take minutes; the assertion message already carries the whole failing case.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


async def _scenario(db_url, data_dir, case) -> None:
    async with running_app(db_url, data_dir) as client:
        world = await build(case)
        await write_items(client, world, case)
        await apply_changes(client, world, case)
        paths = ["/api/family/home", "/api/contributions", "/api/family/shared-with-me",
                 "/api/family/my-data", "/api/practitioner/home",
                 f"/api/circles/{world.circle.id}/voice"]
        paths += [f"/api/contributions/{item.id}" for item in world.items]
        for reader in world.readers:
            await factories.act_as(client, reader.person)
            seen = "\n".join([(await client.get(path)).text for path in paths])
            for item in world.items:
                assert (item.text in seen) == world.may_read(reader, item), (reader, item, case)


@SETTINGS
@given(case=cases)
def test_no_one_ever_reads_words_outside_the_sharing_rules(db_url, tmp_path, case):
    asyncio.run(_scenario(db_url, tmp_path, case))
