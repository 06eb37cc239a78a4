"""A web process builds no more than four plans at a time: a long plan holds a
megabyte or two while it is built, so many people opening it at once wait their
turn rather than hold it all at once. Everyone still gets the whole plan."""

import asyncio

from server.plans.team import BUILDING
from tests import factories
from tests.limits import watched
from tests.plans.helpers import add


async def test_eight_people_opening_the_plan_at_once_are_served_four_at_a_time(client):
    world = await factories.world()
    for n in range(40):
        await add(client, world.lead, world.circle, f"Sam's worker rings school ({n})")
    await factories.act_as(client, world.lead)
    plan = f"/api/circles/{world.circle.id}/plan"

    async def eight_people() -> list:
        return await asyncio.gather(*(client.get(plan) for _ in range(8)))

    answers, borrowed, waiting = await watched(BUILDING, eight_people)
    assert [len(a.json()["items"]) for a in answers] == [40] * 8
    assert borrowed == 4
    assert waiting >= 1
    assert BUILDING.statistics().borrowed_tokens == 0
