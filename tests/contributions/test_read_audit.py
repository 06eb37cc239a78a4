"""Auditing reads scales: one record per read request naming what it showed,
and "read by" comes from a summary of each reader's latest read, so "My words"
does not slow down however often the words were read."""

from __future__ import annotations

from datetime import timedelta

from server.audit.models import AuditEvent, ItemRead
from tests import factories
from tests.performance.plans import statements
from tests.plans.helpers import bring_in, share
from tests.reads import forget_reads, reads

READ = "read_contribution"


async def test_one_read_request_is_one_audit_record_naming_every_item_it_showed(client):
    world = await factories.world()
    shared = [await share(client, world.young_person, f"words {n}", "my_meeting") for n in range(3)]
    for source in shared:
        await bring_in(client, world.lead, world.circle, source)
    await forget_reads(READ)
    await factories.act_as(client, world.teammate)
    assert (await client.get(f"/api/circles/{world.circle.id}/plan")).status_code == 200
    [event] = await AuditEvent.filter(action=READ)
    assert (event.practitioner_id, event.circle_id) == (world.teammate.id, world.circle.id)
    assert sorted(event.items) == sorted(shared)


async def _read_by(client, world):
    await factories.act_as(client, world.young_person)
    [mine] = (await client.get("/api/contributions")).json()["items"]
    return {r["name"]: r["at"] for r in mine["read_by"]}


def _iso(at) -> str:
    return at.isoformat().replace("+00:00", "Z")


async def test_read_by_shows_each_readers_latest_read_once(client):
    world = await factories.world()
    await share(client, world.young_person, "for the meeting", "my_meeting")
    for reader in (world.lead, world.teammate, world.lead):
        await factories.act_as(client, reader)
        assert (await client.get(f"/api/circles/{world.circle.id}/voice")).status_code == 200
    assert len(await reads(READ)) == 3  # every request is audited
    first = await _read_by(client, world)
    assert list(first) == ["Priya Shah", "Tom Evans"]

    # A minute later Priya reads again: her read moves on, Tom's stays.
    for kept in await ItemRead.all():
        kept.at -= timedelta(minutes=2)
        await kept.save(update_fields=["at"])
    earlier = await _read_by(client, world)
    await factories.act_as(client, world.lead)
    assert (await client.get(f"/api/circles/{world.circle.id}/voice")).status_code == 200
    latest = await AuditEvent.filter(action=READ).order_by("-id").first()
    now = await _read_by(client, world)
    assert list(now) == ["Priya Shah", "Tom Evans"]
    assert (now["Priya Shah"], now["Tom Evans"]) == (_iso(latest.at), earlier["Tom Evans"])


async def test_my_words_never_searches_the_audit(client):
    world = await factories.world()
    await share(client, world.young_person, "for my worker", "my_worker")
    await factories.act_as(client, world.lead)
    for _ in range(5):
        assert (await client.get(f"/api/circles/{world.circle.id}/voice")).status_code == 200
    await factories.act_as(client, world.young_person)
    with statements() as ran:
        mine = (await client.get("/api/contributions")).json()["items"]
    assert [r["name"] for r in mine[0]["read_by"]] == ["Priya Shah"]
    assert not [sql for sql, _ in ran if "audit_event" in sql]


async def test_reading_a_plan_again_at_once_writes_one_audit_record_and_nothing_else(client):
    world = await factories.world()
    for n in range(5):
        source = await share(client, world.young_person, f"words {n}", "my_meeting")
        await bring_in(client, world.lead, world.circle, source)
    await factories.act_as(client, world.teammate)
    plan = f"/api/circles/{world.circle.id}/plan"
    assert (await client.get(plan)).status_code == 200
    with statements() as ran:
        assert (await client.get(plan)).status_code == 200
    writes = [sql.split("(")[0].strip() for sql, _ in ran if sql.startswith("INSERT")]
    assert writes == ['INSERT INTO "audit_event"']
