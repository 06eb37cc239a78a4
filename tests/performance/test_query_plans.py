"""No everyday read (nor the outbox's writes) reads a growing table from end to
end: every statement they run is looked up through an index, on SQLite and
PostgreSQL alike."""

from __future__ import annotations

import uuid
from datetime import date

from server.circles.models import Circle
from server.meetings.models import ViewRequest
from tests import factories
from tests.performance.plans import full_scans, statements
from tests.plans.helpers import add, bring_in, publish, share


async def _a_circle_in_use(client):
    """One circle with words in every audience, some in the plan, answered, and
    its young person asked for their views before the next meeting."""
    world = await factories.world()
    await ViewRequest.create(meeting=world.meeting, member=world.young_person, due_on=date.today())
    shared = [
        await share(client, world.young_person, f"words {audience}", audience)
        for audience in ("just_me", "my_worker", "my_meeting", "my_family_too")
    ]
    for source in shared[1:]:
        await bring_in(client, world.lead, world.circle, source)
    await add(client, world.lead, world.circle, "Sam goes to football on Fridays")
    await publish(client, world.lead, world.circle)
    await factories.act_as(client, world.young_person)
    plan = (await client.get("/api/family/plan")).json()
    item = plan["items"][0]["id"]
    answered = await client.post(
        f"/api/family/plan/items/{item}/answer",
        json={"answer": "disagree", "comment": "not like that", "audience": "my_meeting"},
    )
    assert answered.status_code in (200, 201), answered.text
    return world, shared


FAMILY_READS = [
    "/api/me",
    "/api/family/home",
    "/api/contributions",
    "/api/family/plan",
    "/api/family/shared-with-me",
    "/api/family/you-said",
]
TEAM_READS = [
    "/api/me",
    "/api/practitioner/home",
    "/api/circles/{circle}/plan",
    "/api/circles/{circle}/voice",
    "/api/meetings/{meeting}",
]


async def _run_hot_reads(client, world, shared):
    await factories.act_as(client, world.young_person)
    for path in FAMILY_READS:
        response = await client.get(path)
        assert response.status_code == 200, (path, response.text)
    body = {"id": str(uuid.uuid4()), "kind": "going_well", "text": "sent from the outbox"}
    written = await client.post("/api/contributions", json={**body, "audience": "my_worker"})
    assert written.status_code == 201, written.text
    moved = await client.put(
        f"/api/contributions/{shared[1]}/audience", json={"audience": "my_meeting"}
    )
    assert moved.status_code == 200, moved.text
    for reader in (world.lead, world.teammate):
        await factories.act_as(client, reader)
        for path in TEAM_READS:
            response = await client.get(
                path.format(circle=world.circle.id, meeting=world.meeting.id)
            )
            assert response.status_code == 200, (path, response.text)


async def test_the_hot_reads_never_scan_a_growing_table(client):
    world, shared = await _a_circle_in_use(client)
    with statements() as ran:
        await _run_hot_reads(client, world, shared)
    assert len(ran) > 20
    scans = set()
    for sql, values in ran:
        scans.update((table, sql) for table in await full_scans(sql, values))
    assert sorted(scans) == [], "\n".join(f"{table}: {sql}" for table, sql in sorted(scans))


async def test_a_lookup_by_an_unindexed_column_is_noticed(client):
    """The check itself: nothing indexes a circle's name, so finding one by it
    reads the table from end to end."""
    world = await factories.world()
    with statements() as ran:
        assert await Circle.filter(name=world.circle.name).count() == 1
    [(sql, values)] = ran
    assert await full_scans(sql, values) == {"circle"}
