"""A web process builds no more than four plans at a time: a long plan holds a
megabyte or two while it is built, so many people opening it at once wait their
turn rather than hold it all at once. Everyone still gets the whole plan."""

import asyncio

from server.plans.team import BUILDING
from tests import factories
from tests.plans.helpers import add


async def test_eight_people_opening_the_plan_at_once_are_served_four_at_a_time(client):
    world = await factories.world()
    for n in range(40):
        await add(client, world.lead, world.circle, f"Sam's worker rings school ({n})")
    await factories.act_as(client, world.lead)
    seen: list[tuple[int, int]] = []

    async def watch() -> None:
        while True:
            stats = BUILDING.statistics()
            seen.append((stats.borrowed_tokens, stats.tasks_waiting))
            await asyncio.sleep(0)

    watching = asyncio.create_task(watch())
    plan = f"/api/circles/{world.circle.id}/plan"
    answers = await asyncio.gather(*(client.get(plan) for _ in range(8)))
    watching.cancel()
    assert [len(a.json()["items"]) for a in answers] == [40] * 8
    assert max(borrowed for borrowed, _ in seen) == 4
    assert max(waiting for _, waiting in seen) >= 1
    assert BUILDING.statistics().borrowed_tokens == 0
