"""No family word reaches anyone outside its audience.

Sam (young person), Mia (child) and Alex (parent) write in every audience, each
item carrying its own canary string; the lead brings shared words into the plan
and publishes it; the family answers the plan; some words are then narrowed,
withdrawn, deleted or edited. Then everyone — the family, the team, another
circle's lead and family, a teammate who joined as Sam with a code he made
himself, and someone signed out — reads every GET operation of the OpenAPI
document with every id anyone was shown. Each canary may reach exactly the
readers PRODUCT.md's sharing rules allow, and no table, kept answer, job or log
line other than the words' own."""

from __future__ import annotations

import logging
import re
from contextlib import AsyncExitStack
from datetime import UTC, datetime
from typing import Any

from starlette.applications import Starlette
from tortoise import connections

from server.i18n import I18n
from server.jobs import queue
from server.jobs.worker import run_one
from tests.safety import family_words as words
from tests.safety.crawl import Crawl
from tests.safety.family_words import ADMIN, CANARY, IMPOSTOR, LEAD, Canary, Scene


async def _drain_jobs(app: Starlette) -> None:
    """Runs every due job as the worker would, so its work and logs count too."""
    i18n = I18n()
    while (job := await queue.claim()) is not None:
        await run_one(job, app.state.settings, i18n, now=datetime.now(UTC))


async def _worker_joins_as_sam(scene: Scene, app: Starlette, stack: AsyncExitStack):
    """Priya (the lead, who alone may make codes) makes a new code for Sam and
    redeems it on her own browser. Without Sam's old PIN she can only start
    fresh: Sam's earlier words stay locked."""
    circle, sam = scene.world.circle.id, scene.world.young_person.id
    made = await scene.send(LEAD, "POST", f"/api/circles/{circle}/members/{sam}/invitations", 201)
    own_browser = await words.browser(app, stack)
    joined = await own_browser.post(
        "/api/invitations/redeem", json={"code": made["code"], "pin": "9731", "start_fresh": True}
    )
    assert joined.status_code == 200, joined.text
    own_browser.headers["X-CSRF-Token"] = joined.json()["csrf_token"]
    return own_browser


async def _tables() -> dict[str, list[dict[str, Any]]]:
    """Every row of every table in the database (not only the models')."""
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        listing = (
            "SELECT table_name AS name FROM information_schema.tables "
            "WHERE table_schema = current_schema()"
        )
    else:
        listing = "SELECT name FROM sqlite_master WHERE type = 'table'"
    names = [row["name"] for row in await connection.execute_query_dict(listing)]
    return {name: await connection.execute_query_dict(f'SELECT * FROM "{name}"') for name in names}


#: A subject access request gives, by law, everything held about one family member
#: to whoever manages records (Ada, the partnership administrator), and only to them.
SUBJECT_ACCESS = re.compile(r"^/api/records/members/[^/]+/export$")


def _shown_wrongly(crawl: Crawl, canaries: dict[str, Canary]) -> list[str]:
    problems = []
    for reader, shown in crawl.seen.items():
        for text, all_urls in shown.items():
            canary = canaries.get(text)
            lawful = reader == ADMIN
            urls = {url for url in all_urls if not (lawful and SUBJECT_ACCESS.match(url))}
            if not urls:
                continue
            if canary is None or reader not in canary.readers:
                label = canary.label if canary else "an unknown canary"
                problems.append(f"{reader} was shown {label} ({text}) by {sorted(urls)[:3]}")
    for canary in canaries.values():
        for reader in canary.shown_to - {
            r for r, shown in crawl.seen.items() if canary.text in shown
        }:
            problems.append(f"{reader} was never shown {canary.label}: the crawl proves nothing")
    return problems


def _stored_wrongly(
    tables: dict[str, list[dict[str, Any]]], canaries: dict[str, Canary], names: dict[str, str]
) -> list[str]:
    """Words live in their own table only. An answer kept for a repeated command
    may hold them only while its holder may still read them."""
    problems = []
    for table, rows in tables.items():
        for row in rows:
            holder = names.get(str(row.get("person_id"))) if table == "command_answer" else None
            for text in set(CANARY.findall(repr(row))):
                canary = canaries.get(text) or Canary(
                    text, "an unknown canary", frozenset(), None, False, frozenset()
                )
                kept = canary.may_stay_in_kept_answers and holder in canary.readers
                if table != canary.table and not kept:
                    whose = f" kept for {holder}" if holder else ""
                    problems.append(f"table {table}{whose} holds {canary.label} ({text})")
    for canary in canaries.values():
        if canary.table is not None and canary.text not in repr(tables[canary.table]):
            problems.append(f"table {canary.table} lost {canary.label}: the scan proves nothing")
    return problems


def _logged(records: list[logging.LogRecord], canaries: dict[str, Canary]) -> list[str]:
    problems = []
    for record in records:
        line = record.getMessage() + (record.exc_text or "")
        for text in set(CANARY.findall(line)):
            label = canaries[text].label if text in canaries else text
            problems.append(f"logger {record.name} ({record.levelname}) wrote {label}")
    return sorted(set(problems))


async def test_no_canary_reaches_anyone_outside_its_audience(app, caplog):
    caplog.set_level(logging.DEBUG)
    async with AsyncExitStack() as stack:
        scene = await words.build(app, stack)
        await _drain_jobs(app)
        crawl = Crawl((await scene.clients[LEAD].get("/api/openapi.json")).json(), CANARY)
        for answer in scene.answers:
            crawl.learn(answer)
        await crawl.everyone(scene.clients)
        await crawl.everyone(
            {**scene.clients, IMPOSTOR: await _worker_joins_as_sam(scene, app, stack)}
        )
    canaries = {canary.text: canary for canary in scene.canaries}
    assert sorted(crawl.visited) == sorted(words.EVERYONE)
    assert crawl.unanswered() == [], "no reader was answered 200 by these reads"
    problems = [
        *_shown_wrongly(crawl, canaries),
        *_stored_wrongly(await _tables(), canaries, scene.names),
        *_logged(caplog.records, canaries),
    ]
    assert not problems, "\n".join(problems)
