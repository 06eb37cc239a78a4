"""Fills a database with a city's worth of other families, in seconds.

A partnership of 2,000 circles (3 family members, a meeting, a lead and a second
practitioner each), 20,000 contributions in every audience with their receipts,
a plan of 5 items per circle, and 200,000 audit records of reads and other
actions — written with bulk inserts, on SQLite or PostgreSQL. What is already in
the database (the demo, say) is left as it is: the seeded families are *other*
families, so a read of the demo's data shows whether it slows as the city grows.

    .venv/bin/python scripts/seed_city.py [--database-url URL] [--circles 2000]
        [--contributions 20000] [--audit 200000] [--plan-items N]

--plan-items N also gives the demo circle ("Sam and Mia") a plan of N items, half
quoting its family's words; with --circles 0 that is all it does.

Without --database-url it uses ALONGSIDE_DATABASE_URL, else the demo SQLite file.
Migrations are applied first. Prints what it made and how long it took.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from itertools import cycle
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tortoise import Tortoise
from tortoise.models import Model
from tortoise.transactions import in_transaction

from server.audit.models import AuditEvent
from server.circles.models import AgeBand, Circle, FamilyMember, FamilyRole, TeamMember
from server.contributions.models import Audience, AudienceChange, Contribution, ContributionKind
from server.db import tortoise_config
from server.meetings.models import Meeting, MeetingKind
from server.migrate import apply_migrations
from server.organisations.models import Agency, Organisation, Practitioner
from server.plans.models import Plan, PlanItem, PlanSection
from server.settings import Settings

BATCH = 2000
FAMILY = [
    ("Young person", FamilyRole.YOUNG_PERSON, AgeBand.FROM_12_TO_15),
    ("Child", FamilyRole.CHILD, AgeBand.FROM_8_TO_11),
    ("Carer", FamilyRole.PARENT, AgeBand.ADULT),
]
NOW = datetime.now(UTC)


async def _insert(model: type[Model], rows: list[Any]) -> None:
    await model.bulk_create(rows, batch_size=BATCH)


async def _people(organisation: Organisation, circles: int) -> list[Practitioner]:
    """One practitioner leads 5 circles and is on 5 more."""
    agencies = cycle(list(Agency))
    people = [
        Practitioner(
            id=uuid.uuid4(),
            organisation_id=organisation.id,
            email=f"worker{n}.{uuid.uuid4().hex[:6]}@city.alongside.test",
            name=f"Worker {n}",
            agency=next(agencies),
        )
        for n in range(max(2, circles // 5))
    ]
    await _insert(Practitioner, people)
    return people


async def _circles(organisation: Organisation, count: int, people: list[Practitioner]) -> dict:
    circles = [
        Circle(id=uuid.uuid4(), organisation_id=organisation.id, name=f"Family {n}")
        for n in range(count)
    ]
    await _insert(Circle, circles)
    members = [
        FamilyMember(id=uuid.uuid4(), circle_id=c.id, name=name, role=role, age_band=age)
        for c in circles
        for name, role, age in FAMILY
    ]
    await _insert(FamilyMember, members)
    team = []
    for n, circle in enumerate(circles):
        lead, other = people[n // 5], people[(n // 5 + 1) % len(people)]
        team += [
            TeamMember(circle_id=circle.id, practitioner_id=lead.id, is_lead=True),
            TeamMember(circle_id=circle.id, practitioner_id=other.id),
        ]
    await _insert(TeamMember, team)
    meetings = [
        Meeting(
            id=uuid.uuid4(),
            circle_id=c.id,
            kind=MeetingKind.CHILD_IN_NEED_REVIEW,
            starts_at=NOW + timedelta(days=7 + n % 30),
        )
        for n, c in enumerate(circles)
    ]
    await _insert(Meeting, meetings)
    return {"circles": circles, "members": members, "team": team}


async def _contributions(made: dict, count: int) -> list[Contribution]:
    audiences, kinds = cycle(list(Audience)), cycle(list(ContributionKind))
    authors = cycle(m for m in made["members"])
    words = []
    for n in range(count):
        author = next(authors)
        words.append(
            Contribution(
                id=uuid.uuid4(),
                circle_id=author.circle_id,
                author_id=author.id,
                kind=next(kinds),
                text=f"Seeded words {n}",
                scale_question="How are things?" if n % 7 == 0 else "",
                scale_value=n % 5 + 1 if n % 7 == 0 else None,
                audience=next(audiences),
            )
        )
    await _insert(Contribution, words)
    receipts = [AudienceChange(contribution_id=c.id, to_audience=c.audience) for c in words]
    await _insert(AudienceChange, receipts)
    return words


async def _plans(made: dict, words: list[Contribution]) -> None:
    plans = [Plan(id=uuid.uuid4(), circle_id=c.id) for c in made["circles"]]
    await _insert(Plan, plans)
    quotable = {}
    for c in words:
        if c.audience in (Audience.MY_MEETING, Audience.MY_FAMILY_TOO):
            quotable.setdefault(c.circle_id, c)
    items = []
    for plan in plans:
        source = quotable.get(plan.circle_id)
        for n in range(5):
            quotes = n == 0 and source is not None
            items.append(
                PlanItem(
                    id=uuid.uuid4(),
                    plan_id=plan.id,
                    section=list(PlanSection)[n % len(PlanSection)],
                    text="" if quotes else f"Plan item {n}",
                    source_id=source.id if quotes and source else None,
                    position=n,
                )
            )
    await _insert(PlanItem, items)


async def _audit(made: dict, words: list[Contribution], count: int) -> None:
    """Reads (as the schema in use records them) and other actions."""
    team = made["team"]
    per_item = "items" not in AuditEvent._meta.fields_map  # the schema before 0009
    events, n = [], 0
    while len(events) < count:
        place, word = team[n % len(team)], words[n % len(words)]
        at = NOW - timedelta(minutes=count - len(events))
        if n % 4:
            events.append(_read(place, word, at, per_item))
        else:
            events.append(
                AuditEvent(action="signed_in", practitioner_id=place.practitioner_id, at=at)
            )
        n += 1
    await _insert(AuditEvent, events)
    if not per_item:
        await _summarise_reads(events)


def _read(place: TeamMember, word: Contribution, at: datetime, per_item: bool) -> AuditEvent:
    subject = {"subject_id": str(word.id)} if per_item else {"items": [str(word.id)]}
    return AuditEvent(
        action="read_contribution",
        practitioner_id=place.practitioner_id,
        circle_id=word.circle_id,
        subject_type="Contribution",
        at=at,
        **subject,
    )


async def _summarise_reads(events: list[AuditEvent]) -> None:
    """Each reader's latest read of each item, as recording a read keeps it."""
    from server.audit.models import ItemRead

    latest: dict[tuple[str, Any], datetime] = {}
    for event in events:
        for item in event.items if event.action == "read_contribution" else []:
            key = (item, event.practitioner_id)
            latest[key] = max(event.at, latest.get(key, event.at))
    summary = [
        ItemRead(action="read_contribution", subject_id=item, practitioner_id=reader, at=at)
        for (item, reader), at in latest.items()
    ]
    await _insert(ItemRead, summary)


async def plan_of(circle_name: str, count: int) -> None:
    """Gives a circle (the demo's) a plan of `count` items, half of them quoting
    words its family shared with the meeting."""
    circle = await Circle.get(name=circle_name)
    plan, _ = await Plan.get_or_create(circle_id=circle.id)
    author = await FamilyMember.filter(circle_id=circle.id).order_by("created_at").first()
    assert author is not None
    words = [
        Contribution(
            id=uuid.uuid4(),
            circle_id=circle.id,
            author_id=author.id,
            kind=ContributionKind.WORRIED_ABOUT,
            text=f"What I said {n}",
            audience=Audience.MY_MEETING,
        )
        for n in range(count // 2)
    ]
    await _insert(Contribution, words)
    sections = cycle(list(PlanSection))
    items = [
        PlanItem(
            id=uuid.uuid4(),
            plan_id=plan.id,
            section=next(sections),
            text="" if n < len(words) else f"Plan item {n}",
            source_id=words[n].id if n < len(words) else None,
            position=n,
        )
        for n in range(count)
    ]
    await _insert(PlanItem, items)


async def seed(
    db_url: str, circles: int, contributions: int, audit: int, plan: tuple[str, int] | None
) -> dict[str, int]:
    await apply_migrations(db_url)
    await Tortoise.init(config=tortoise_config(db_url))
    try:
        async with in_transaction():
            if plan is not None:
                await plan_of(*plan)
            if not circles:
                return {"plan items": plan[1] if plan else 0}
            return await _city(circles, contributions, audit)
    finally:
        await Tortoise.close_connections()


async def _city(circles: int, contributions: int, audit: int) -> dict[str, int]:
    organisation = await Organisation.create(name=f"City partnership {uuid.uuid4().hex[:6]}")
    people = await _people(organisation, circles)
    made = await _circles(organisation, circles, people)
    words = await _contributions(made, contributions)
    await _plans(made, words)
    await _audit(made, words, audit)
    return {"circles": circles, "contributions": len(words), "audit records": audit}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--circles", type=int, default=2000)
    parser.add_argument("--contributions", type=int, default=20000)
    parser.add_argument("--audit", type=int, default=200000)
    parser.add_argument(
        "--plan-items", type=int, default=0, help="also give the demo circle a plan this long"
    )
    parser.add_argument("--plan-circle", default="Sam and Mia")
    args = parser.parse_args()
    url = args.database_url or Settings.from_env(os.environ).db_url
    plan = (args.plan_circle, args.plan_items) if args.plan_items else None
    started = time.perf_counter()
    made = asyncio.run(seed(url, args.circles, args.contributions, args.audit, plan))
    took = time.perf_counter() - started
    print(", ".join(f"{n:,} {what}" for what, n in made.items()) + f" in {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
