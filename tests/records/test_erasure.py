"""Subject access and erasure of one family member. Sam's circle is built as the
safety tests build it (every kind of item, in every audience, quoted in a
published plan, answered, with kept command answers and jobs); then Sam is
erased and every table is searched for Sam's words and Sam's id."""

from __future__ import annotations

from contextlib import AsyncExitStack
from dataclasses import replace

import pytest

from server.auth.actor import Actor
from server.auth.models import Session
from server.circles.models import FamilyMember
from server.errors import Forbidden
from server.organisations.models import Organisation, Practitioner, Role
from server.plans.models import Plan, PlanVersion
from server.records.access import COMMAND_LINE
from server.records.models import RecordsEvent
from server.records.service import erase_member, export_member
from tests import factories
from tests.safety import family_words as words
from tests.safety.test_canaries import _drain_jobs, _tables


def _holding(tables: dict, needles: set[str]) -> list[str]:
    return sorted(
        f"{table} holds {needle}"
        for table, rows in tables.items()
        if table != "records_event"
        for needle in needles
        if needle in repr(rows)
    )


async def test_erasing_a_family_member_leaves_none_of_their_words_anywhere(app):
    async with AsyncExitStack() as stack:
        scene = await words.build(app, stack)
        await _drain_jobs(app)
    sam = scene.world.young_person
    sams = {c.text for c in scene.canaries if c.label.startswith("sam:")}
    assert _holding(await _tables(), sams), (
        "the scene holds Sam's words: the search proves something"
    )

    counts = await erase_member(COMMAND_LINE, app.state.settings, sam.id, "Court order 2026/118")

    assert _holding(await _tables(), sams | {str(sam.id)}) == []
    tables = await _tables()
    for canary in scene.canaries:
        if canary.label.startswith(("mia:", "alex:")) and canary.table:
            assert canary.text in repr(tables[canary.table]), f"{canary.label} is kept"
    assert not await FamilyMember.filter(id=sam.id).exists()
    assert counts["contributions"] >= 6 and counts["plan_answers"] >= 1
    [event] = await RecordsEvent.filter(action="erasure")
    assert (event.done_by, event.member_id) == ("command line", str(sam.id))
    assert event.reason == "Court order 2026/118" and event.counts == counts


async def test_subject_access_gives_the_my_data_file_with_who_read_what(app, client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    body = {
        "id": "5d1f0a52-5b61-4a4e-9a55-0e4e4c3b6a10",
        "kind": "going_well",
        "text": "Football on Saturdays",
        "audience": "my_worker",
    }
    assert (await client.post("/api/contributions", json=body)).status_code == 201
    await factories.act_as(client, world.lead)
    assert (await client.get(f"/api/circles/{world.circle.id}/voice")).status_code == 200
    await factories.act_as(client, world.young_person)
    own = (await client.get("/api/family/my-data")).text

    exported = await export_member(COMMAND_LINE, app.state.settings, world.young_person.id)

    assert "Football on Saturdays" in exported and "Priya Shah" in exported
    assert exported.split("\n", 3)[:2] == own.split("\n", 3)[:2]
    [event] = await RecordsEvent.filter(action="subject_access")
    assert event.member_id == str(world.young_person.id)
    assert "Football" not in repr(event.counts)


async def test_only_a_records_manager_may_export_or_erase(app, settings):
    world = await factories.world()
    lead = Actor(session=Session(), practitioner=world.lead)
    sam = Actor(session=Session(), member=world.young_person)
    for someone in (lead, sam):
        with pytest.raises(Forbidden):
            await export_member(someone, settings, world.young_person.id)
        with pytest.raises(Forbidden):
            await erase_member(someone, settings, world.young_person.id, "asked")
    # A leaver who was a partnership administrator may do neither.
    organisation = await Organisation.get(id=world.circle.organisation_id)
    ada = await factories.practitioner(
        organisation, "ada@example.test", "Ada", role=Role.PARTNERSHIP_ADMIN
    )
    admin = Actor(session=Session(), practitioner=ada)
    await Practitioner.filter(id=ada.id).update(is_active=False)
    await ada.refresh_from_db()
    with pytest.raises(Forbidden):
        await export_member(admin, settings, world.young_person.id)
    # The partnership administrator may export; a practitioner named in the settings
    # may erase.
    await Practitioner.filter(id=ada.id).update(is_active=True)
    await ada.refresh_from_db()
    await export_member(admin, settings, world.young_person.id)
    flagged = replace(settings, records_managers=("priya@example.test",))
    await erase_member(lead, flagged, world.young_person.id, "asked")
    [event] = await RecordsEvent.filter(action="erasure")
    assert event.done_by == f"practitioner:{world.lead.id}"
    assert await RecordsEvent.filter(action="subject_access").count() == 1


async def test_a_published_action_they_owned_no_longer_names_them(app):
    world = await factories.world()
    sam = str(world.young_person.id)
    plan = await Plan.create(circle=world.circle)
    owned = {"id": "a", "section": "needs_to_happen", "text": "Sam walks the dog"}
    await PlanVersion.create(
        plan=plan,
        number=1,
        snapshot={"items": [{**owned, "owner_member_id": sam}, {"owner_member_id": None}]},
    )
    counts = await erase_member(COMMAND_LINE, app.state.settings, sam, "asked")
    [version] = await PlanVersion.all()
    assert version.snapshot["items"][0] == {**owned, "owner_member_id": None}
    assert counts["published_actions"] == 1
