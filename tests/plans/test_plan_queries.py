"""The plan view's database work does not grow with the plan."""

from server.contributions.models import Audience, Contribution, ContributionKind
from server.plans.models import Answer, Plan, PlanAnswer, PlanItem, PlanSection
from tests import databases, factories
from tests.queries import counted_get

AUDIENCES = list(Audience)


async def _plan_of_size(world, size: int) -> None:
    plan = await Plan.create(circle=world.circle)
    sources = [
        Contribution(
            circle=world.circle,
            author=world.young_person,
            text=f"words {n}",
            kind=ContributionKind.WORRIED_ABOUT,
            audience=AUDIENCES[n % 4],
        )
        for n in range(size // 2)
    ]
    await Contribution.bulk_create(sources)
    items = [
        PlanItem(plan=plan, section=PlanSection.WORRIED_ABOUT, source_id=s.id, position=n)
        for n, s in enumerate(sources)
    ]
    items += [
        PlanItem(
            plan=plan,
            section=PlanSection.ACTIONS,
            text=f"action {n}",
            owner_member=world.parent if n % 2 else None,
            owner_practitioner=None if n % 2 else world.teammate,
            position=n,
        )
        for n in range(size - len(sources))
    ]
    await PlanItem.bulk_create(items)
    await PlanAnswer.bulk_create(
        [
            PlanAnswer(
                item_id=item.id, member=world.parent, version_number=1, answer=Answer.DISAGREE
            )
            for item in items[::3]
        ]
    )


async def _queries_for_plan_view(client, caplog, world) -> tuple[int, int]:
    response, queries = await counted_get(client, caplog, f"/api/circles/{world.circle.id}/plan")
    assert response.status_code == 200
    return queries, len(response.json()["items"])


async def test_the_plan_view_makes_as_many_queries_for_500_items_as_for_10(client, caplog):
    counts = []
    for size in (10, 500):
        await databases.empty_all_tables()
        world = await factories.world()
        await _plan_of_size(world, size)
        await factories.act_as(client, world.lead)
        queries, shown = await _queries_for_plan_view(client, caplog, world)
        private = len([n for n in range(size // 2) if AUDIENCES[n % 4] is Audience.JUST_ME])
        assert shown == size - private  # "just me" words are never shown
        counts.append(queries)
    print(f"plan view: {counts[0]} queries for 10 items, {counts[1]} for 500")
    assert counts[0] == counts[1], counts
    # Two of them say whom hidden items are for (the lead's name, and the audiences),
    # two keep "read by" to the minute (which reads are fresh, then one upsert). The
    # sharing policy looks up the reader's teams once for the whole read.
    assert counts[0] <= 18
