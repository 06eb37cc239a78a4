"""A family member's home is kept in memory between requests (server/family/
kept_homes.py), and is never kept past a change to what it shows, nor past the
end of the session that asks for it."""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from tortoise import connections

from server.auth.models import Device, Session
from server.circles.models import Circle, CircleChanges, FamilyMember, TeamMember
from server.contributions.models import Audience, Contribution, ContributionKind
from server.family import service
from server.family.kept_homes import KeptHomes
from server.family.models import UrgentRequest
from server.meetings.models import Meeting, ViewRequest
from server.organisations.models import Agency, Organisation, Practitioner
from tests import factories
from tests.performance.plans import statements
from tests.queries import LOGGER, counted_get

HOME = "/api/family/home"


async def _kept(client, caplog) -> dict:
    """The home, asked for twice: the second answer comes from memory."""
    first = await client.get(HOME)
    assert first.status_code == 200, first.text
    again, sent = await counted_get(client, caplog, HOME)
    assert sent == 1, "a kept home reads only the session"
    assert again.json() == first.json()
    return again.json()


async def test_a_kept_home_costs_one_statement_and_is_the_same_home(client, caplog):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    made, sent = await counted_get(client, caplog, HOME)
    assert sent > 5
    home = await _kept(client, caplog)
    assert home == made.json()
    assert home["name"] == "Sam"


async def _practitioner_renamed(world):
    await Practitioner.filter(id=world.lead.id).update(name="Priya Shah-Khan")


async def _new_teammate(world):
    elsewhere = await Organisation.create(name="Health partner")
    nurse = await factories.practitioner(elsewhere, "nia@example.test", "Nia", Agency.HEALTH)
    await TeamMember.create(circle=world.circle, practitioner=nurse)


async def _lead_left(world):
    await TeamMember.filter(circle=world.circle, practitioner=world.lead).delete()


async def _shared(author: FamilyMember, text: str) -> None:
    await Contribution.create(
        circle_id=author.circle_id,
        author=author,
        kind=ContributionKind.GOING_WELL,
        text=text,
        audience=Audience.MY_WORKER,
    )


async def _words_shared(world):
    await _shared(world.young_person, "football")


async def _meeting_moved(world):
    later = datetime.now(UTC) + timedelta(days=9)
    await Meeting.filter(id=world.meeting.id).update(starts_at=later)


async def _meeting_called_off(world):
    await Meeting.filter(id=world.meeting.id).delete()


async def _asked_for_views(world):
    await ViewRequest.create(
        meeting=world.meeting, member=world.young_person, due_on=datetime.now(UTC).date()
    )


async def _help_called_for(world):
    await UrgentRequest.create(circle=world.circle, member=world.young_person)


async def _circle_closed(world):
    await Circle.filter(id=world.circle.id).update(closed_at=datetime.now(UTC))


async def _simpler_version(world):
    await FamilyMember.filter(id=world.young_person.id).update(simple_mode=True)


async def _by_hand(world):
    """Even SQL written by hand, outside the app, is counted."""
    await connections.get("default").execute_script(
        f"UPDATE circle SET name = 'Sam, Mia and Alex' WHERE id = '{world.circle.id}'"
    )


CHANGES = [
    _practitioner_renamed,
    _new_teammate,
    _lead_left,
    _words_shared,
    _meeting_moved,
    _meeting_called_off,
    _asked_for_views,
    _help_called_for,
    _circle_closed,
    _simpler_version,
    _by_hand,
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__.strip("_"))
async def test_a_change_to_what_the_home_shows_shows_on_the_next_request(client, caplog, change):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    kept = await _kept(client, caplog)
    await change(world)
    after = (await client.get(HOME)).json()
    assert after != kept
    assert after == (await service.home(await _actor(world.young_person), _english)).model_dump(
        mode="json"
    )


def _english(text: str) -> str:
    return text


async def _actor(member: FamilyMember):
    from server.auth.actor import Actor

    session = await Session.filter(member_id=member.id).first()
    return Actor(session, member=await FamilyMember.get(id=member.id))


async def test_another_circles_change_leaves_a_kept_home_kept(client, caplog):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    await _kept(client, caplog)
    await _shared(world.other_young_person, "theirs")
    await _kept(client, caplog)


async def _phone_retired(world):
    await Device.filter(member=world.young_person).update(revoked_at=datetime.now(UTC))


async def _removed_from_circle(world):
    await FamilyMember.filter(id=world.young_person.id).update(removed_at=datetime.now(UTC))
    await Session.filter(member_id=world.young_person.id).delete()


async def _idle_too_long(world):
    await Session.filter(member_id=world.young_person.id).update(
        last_seen_at=datetime.now(UTC) - timedelta(hours=1)
    )


async def _past_its_lifetime(world):
    await Session.filter(member_id=world.young_person.id).update(
        created_at=datetime.now(UTC) - timedelta(days=2)
    )


@pytest.mark.parametrize(
    "end",
    [_phone_retired, _removed_from_circle, _idle_too_long, _past_its_lifetime],
    ids=lambda end: end.__name__.strip("_"),
)
async def test_a_session_that_ended_gets_no_kept_home(client, caplog, end):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    await _kept(client, caplog)
    await end(world)
    refused = await client.get(HOME)
    assert refused.status_code == 401
    assert "Sam" not in refused.text


async def test_a_practitioner_still_has_no_family_home(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    assert (await client.get(HOME)).status_code == 403


async def _due_a_refresh(client, caplog):
    """Sam's home kept, and Sam's session last refreshed five minutes ago."""
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    await _kept(client, caplog)
    earlier = datetime.now(UTC) - timedelta(minutes=5)
    await Session.filter(member_id=world.young_person.id).update(last_seen_at=earlier)
    return world, earlier


async def test_a_session_due_a_refresh_is_refreshed_and_still_served_kept(client, caplog):
    world, earlier = await _due_a_refresh(client, caplog)
    refreshed, sent = await counted_get(client, caplog, HOME)
    assert refreshed.status_code == 200
    assert sent <= 4, "checked, refreshed, checked again, and the kept home sent"
    session = await Session.get(member_id=world.young_person.id)
    assert session.last_seen_at > earlier + timedelta(minutes=4)
    await _kept(client, caplog)


async def _together(client, caplog, times: int) -> tuple[list, int]:
    """`times` requests for the home at once, and how many sessions they refreshed."""
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger=LOGGER):
        answers = await asyncio.gather(*[client.get(HOME) for _ in range(times)])
    updates = [r for r in caplog.records if r.getMessage().startswith('UPDATE "session"')]
    return answers, len(updates)


async def test_requests_that_come_together_when_a_refresh_falls_due_refresh_it_once(client, caplog):
    world, earlier = await _due_a_refresh(client, caplog)
    answers, refreshed = await _together(client, caplog, 8)
    assert [a.status_code for a in answers] == [200] * 8
    assert {a.json()["name"] for a in answers} == {"Sam"}
    assert refreshed == 1
    session = await Session.get(member_id=world.young_person.id)
    assert session.last_seen_at > earlier + timedelta(minutes=4)


async def test_requests_together_from_a_retired_phone_due_a_refresh_are_all_refused(client, caplog):
    world, _ = await _due_a_refresh(client, caplog)
    await _phone_retired(world)
    answers, _ = await _together(client, caplog, 5)
    assert [a.status_code for a in answers] == [401] * 5
    assert not any("Sam" in a.text for a in answers)


async def test_a_kept_home_is_in_the_language_chosen_since(client, caplog):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    english = await _kept(client, caplog)
    chose = await client.put("/api/me/locale", json={"locale": "pl"})
    assert chose.status_code == 200, chose.text
    polish = (await client.get(HOME)).json()
    assert (
        polish["lead_practitioner"]["agency_label"] != english["lead_practitioner"]["agency_label"]
    )


async def test_each_person_has_their_own_kept_home(client, caplog):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    assert (await _kept(client, caplog))["name"] == "Sam"
    await factories.act_as(client, world.parent)
    assert (await client.get(HOME)).json()["name"] == "Alex"


# The database's count of changes


_TABLE = re.compile(r'(?:FROM|JOIN) "(\w+)"')
#: Read on every request, not kept: the session check.
SESSION_TABLES = {"session", "device", "family_member", "circle_changes"}


async def _tables_that_count_changes() -> set[str]:
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        _, rows = await connection.execute_query(
            "SELECT event_object_table AS t, string_agg(event_manipulation, ',') AS ops"
            " FROM information_schema.triggers WHERE trigger_name = 'home_changed'"
            " GROUP BY event_object_table"
        )
        return {
            row["t"] for row in rows if set(row["ops"].split(",")) == {"INSERT", "UPDATE", "DELETE"}
        }
    _, rows = await connection.execute_query(
        "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'home_changed_%'"
    )
    ops: dict[str, set[str]] = {}
    for row in rows:
        ops.setdefault(row["tbl_name"], set()).add(row["sql"].split(" AFTER ")[1].split()[0])
    return {table for table, made in ops.items() if made == {"INSERT", "UPDATE", "DELETE"}}


async def test_every_table_a_home_reads_counts_every_change_to_it(client):
    """So a home made tomorrow from one more table fails here until that table
    counts its changes (a new trigger in a migration)."""
    world = await factories.world()
    await ViewRequest.create(
        meeting=world.meeting, member=world.young_person, due_on=datetime.now(UTC).date()
    )
    await UrgentRequest.create(circle=world.circle, member=world.young_person)
    actor = await _actor_signed_in(client, world.young_person)
    with statements() as ran:
        await service.home(actor, _english)
    read = {table for sql, _ in ran for table in _TABLE.findall(sql)}
    assert {"contribution", "meeting", "view_request", "urgent_request", "check_in"} <= read
    counted = await _tables_that_count_changes()
    assert read - SESSION_TABLES <= counted, read - SESSION_TABLES - counted
    assert "family_member" in counted  # shown on the home too (name, simple version)


async def _actor_signed_in(client, member):
    await factories.act_as(client, member)
    return await _actor(member)


async def test_a_new_circle_starts_its_count_and_takes_it_away_when_deleted(client):
    organisation = await Organisation.create(name="Counted")
    circle = await Circle.create(organisation=organisation, name="New family")
    assert (await CircleChanges.get(circle_id=circle.id)).changes == 0
    await Circle.filter(id=circle.id).update(name="Renamed")
    assert (await CircleChanges.get(circle_id=circle.id)).changes == 1
    await circle.delete()
    assert not await CircleChanges.filter(circle_id=circle.id).exists()


# Kept in memory: for how long, and made once


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_a_home_is_made_again_after_its_time_however_little_changed():
    clock, made = _Clock(), []

    async def make() -> bytes:
        made.append(clock.now)
        return b"home"

    kept = KeptHomes(seconds=10, clock=clock)
    key = (uuid4(), 1, "en")
    assert await kept.get(key, make) == b"home"
    clock.now = 9.9
    await kept.get(key, make)
    assert made == [0.0]
    clock.now = 10.0
    await kept.get(key, make)
    assert made == [0.0, 10.0]


async def test_while_a_home_past_its_time_is_made_again_the_others_get_the_one_kept():
    clock, release = _Clock(), asyncio.Event()

    async def make() -> bytes:
        if clock.now:  # the second home takes its time
            await release.wait()
        return f"home at {clock.now}".encode()

    kept = KeptHomes(seconds=10, clock=clock)
    key = (uuid4(), 1, "en")
    await kept.get(key, make)
    clock.now = 10.0
    making = asyncio.create_task(kept.get(key, make))
    await asyncio.sleep(0)
    answer = await asyncio.wait_for(kept.get(key, make), timeout=5)
    assert answer == b"home at 0.0", "answered with the one kept, not kept waiting"
    release.set()
    assert await making == b"home at 10.0"
    assert await kept.get(key, make) == b"home at 10.0"


async def test_a_home_is_forgotten_a_minute_after_it_was_made_used_or_not():
    clock = _Clock()

    async def make() -> bytes:
        return b"home"

    kept = KeptHomes(seconds=10, clock=clock)
    first = (uuid4(), 1, "en")
    await kept.get(first, make)
    clock.now = 5.0
    await kept.get(first, make)  # answered from memory
    clock.now = 60.0
    await kept.get((uuid4(), 1, "en"), make)
    assert first not in kept._kept


async def test_requests_at_once_for_the_same_home_make_it_once():
    made = []
    release = asyncio.Event()

    async def make() -> bytes:
        made.append(1)
        await release.wait()
        return b"home"

    kept = KeptHomes()
    key = (uuid4(), 1, "en")
    waiting = [asyncio.create_task(kept.get(key, make)) for _ in range(5)]
    await asyncio.sleep(0)
    release.set()
    assert await asyncio.gather(*waiting) == [b"home"] * 5
    assert made == [1]


async def test_when_making_a_home_fails_the_others_waiting_make_their_own():
    tries = []
    release = asyncio.Event()

    async def make() -> bytes:
        tries.append(1)
        if len(tries) == 1:
            await release.wait()
            raise RuntimeError("the database went away")
        return b"home"

    kept = KeptHomes()
    key = (uuid4(), 1, "en")
    first = asyncio.create_task(kept.get(key, make))
    await asyncio.sleep(0)
    second = asyncio.create_task(kept.get(key, make))
    await asyncio.sleep(0)
    release.set()
    with pytest.raises(RuntimeError):
        await first
    assert await second == b"home"
    assert len(tries) == 2


async def test_the_number_kept_is_bounded():
    kept = KeptHomes(at_most=2)

    async def make() -> bytes:
        return b"home"

    for _ in range(5):
        await kept.get((uuid4(), 1, "en"), make)
    assert len(kept._kept) == 2
