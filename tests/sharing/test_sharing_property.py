"""Property: whatever circles, teams, items and sequence of sharing changes,
withdrawals and closings, every person receives exactly the words, item ids and
withdrawal markers the sharing rules allow them — through every read path of
the API. The rules come from random_circle's own model, not the product's."""

from __future__ import annotations

import asyncio

from hypothesis import example, given

from tests import factories
from tests.sharing.random_circle import (
    EVERY_RULE,
    SETTINGS,
    Reader,
    World,
    apply_changes,
    build,
    cases,
    close_circles,
    running_app,
    write_items,
)


def _words(shown: dict) -> str | None:
    return shown["scale_question"] if shown["kind"] == "scale" else shown["text"]


async def _family_reads(client, world: World, reader: Reader) -> list[str]:
    mine = [item for item in world.items if item.author is reader]
    listed = (await client.get("/api/contributions")).json()["items"]
    assert {i["id"]: (_words(i), i["audience"], i["withdrawn_at"] is not None) for i in listed} == {
        item.id: (item.words, item.audience, item.withdrawn) for item in mine
    }
    shared = (await client.get("/api/family/shared-with-me")).json()["items"]
    assert {i["id"]: _words(i) for i in shared} == {
        item.id: item.words
        for item in world.items
        if item.author is not reader and world.may_read(reader, item)
    }
    home = await client.get("/api/family/home")
    assert home.json()["contributions"] == {
        "total": len(mine),
        "shared": sum(not i.withdrawn and i.audience != "just_me" for i in mine),
    }
    return [home.text, (await client.get("/api/family/my-data")).text, str(listed), str(shared)]


async def _team_reads(client, world: World, reader: Reader) -> list[str]:
    home = await client.get("/api/practitioner/home")
    assert {c["id"] for c in home.json()["circles"]} == {
        str(model.row.id)
        for number, model in enumerate(world.circles)
        if world.on_team(reader, number)
    }
    seen = [home.text]
    for number, model in enumerate(world.circles):
        voice = await client.get(f"/api/circles/{model.row.id}/voice")
        assert voice.status_code == (200 if world.on_team(reader, number) else 404)
        shown = {i["id"]: _words(i) for i in voice.json().get("items", [])}
        assert shown == {  # words where they may be read; a marker (None) where withdrawn
            item.id: None if item.withdrawn else item.words
            for item in world.items
            if item.circle == number
            and (world.may_read(reader, item) or world.sees_marker(reader, item))
        }
        seen.append(voice.text)
    return seen


async def _scenario(db_url, data_dir, case) -> None:
    async with running_app(db_url, data_dir) as client:
        world = await build(case)
        await write_items(client, world, case)
        await apply_changes(client, world, case)
        await close_circles(client, world, case)
        for reader in world.readers:
            await factories.act_as(client, reader.person)
            reads = _family_reads if reader.is_family else _team_reads
            seen = await reads(client, world, reader)
            for item in world.items:
                one = await client.get(f"/api/contributions/{item.id}")
                assert one.status_code == (200 if item.author is reader else 404)
                seen.append(one.text)
            everything = "\n".join(seen)
            for item in world.items:
                assert (item.words in everything) == world.may_read(reader, item), (
                    reader,
                    item,
                    case,
                )


@SETTINGS
@given(case=cases)
@example(case=EVERY_RULE)
def test_no_one_ever_reads_words_outside_the_sharing_rules(db_url, tmp_path, case):
    asyncio.run(_scenario(db_url, tmp_path, case))
