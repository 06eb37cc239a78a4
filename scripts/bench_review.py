"""How long the annual review takes on a partnership's worth of history.

Seeds a throw-away database with one partnership of 5,000 circles (3 family
members each, led from 50 teams) and a year of history: 50,000 meetings, each
family member asked before each (150,000 requests), check-ins and reflections
after half of them, a plan quoting the young person's words, disagreements and
calls for help — with bulk inserts, as scripts/seed_city.py does. Then it times
the review as the partnership administrator sees it (every organisation) and as
one team manager does (their team), and counts the queries each makes.

    .venv/bin/python scripts/bench_review.py [--db sqlite|postgres] [--circles 5000]
        [--meetings 50000] [--rounds 3]

The PostgreSQL database is made beside ALONGSIDE_TEST_POSTGRES_URL (default
postgres://postgres@127.0.0.1:5432/test) and dropped at the end. Not a test:
it prints the times.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import secrets
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from itertools import cycle
from pathlib import Path
from typing import Any, cast

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tortoise import Tortoise, connections
from tortoise.models import Model

from scripts.bench_reads import _admin, _admin_url
from server.auth.actor import Actor
from server.auth.models import Session
from server.checkins.models import CheckIn, Reflection
from server.checkins.questions import Window
from server.circles.models import AgeBand, Circle, FamilyMember, FamilyRole, TeamMember
from server.contributions.models import Audience, Contribution, ContributionKind
from server.db import tortoise_config
from server.family.models import UrgentRequest
from server.meetings.models import Meeting, MeetingKind, ViewRequest
from server.migrate import apply_migrations
from server.organisations.models import Agency, Organisation, Practitioner, Role, Team
from server.plans.models import Answer, Plan, PlanAnswer, PlanItem, PlanSection
from server.review import service

BATCH = 2000
YEAR = datetime.now(UTC).year - 1
FAMILY = [
    (FamilyRole.YOUNG_PERSON, AgeBand.FROM_12_TO_15, "en"),
    (FamilyRole.CHILD, AgeBand.FROM_8_TO_11, "pl"),
    (FamilyRole.PARENT, AgeBand.ADULT, "ur"),
]


async def _insert(model: type[Model], rows: list[Any]) -> None:
    await model.bulk_create(rows, batch_size=BATCH)


def _at(n: int, of: int) -> datetime:
    """The n-th of `of` moments spread over the year."""
    return datetime(YEAR, 1, 1, tzinfo=UTC) + timedelta(days=364 * n / of, hours=10)


async def _staff(organisation: Organisation, teams: int, leads: int) -> list[Practitioner]:
    made = [
        Team(id=uuid.uuid4(), organisation_id=organisation.id, name=f"Team {n}")
        for n in range(teams)
    ]
    await _insert(Team, made)
    managers = [
        Practitioner(
            id=uuid.uuid4(),
            organisation_id=organisation.id,
            team_id=team.id,
            email=f"manager{n}.{uuid.uuid4().hex[:6]}@bench.test",
            name=f"Manager {n}",
            agency=Agency.SOCIAL_CARE,
            role=Role.TEAM_MANAGER,
        )
        for n, team in enumerate(made)
    ]
    await _insert(Practitioner, managers)
    for team, manager in zip(made, managers, strict=True):
        team.manager_id = manager.id
    await Team.bulk_update(made, fields=["manager_id"], batch_size=BATCH)
    people = [
        Practitioner(
            id=uuid.uuid4(),
            organisation_id=organisation.id,
            team_id=made[n % teams].id,
            email=f"lead{n}.{uuid.uuid4().hex[:6]}@bench.test",
            name=f"Lead {n}",
            agency=Agency.SOCIAL_CARE,
        )
        for n in range(leads)
    ]
    await _insert(Practitioner, people)
    return people


async def _history(
    organisation: Organisation, leads: list[Practitioner], count: int, meetings: int
) -> None:
    circles = [
        Circle(id=uuid.uuid4(), organisation_id=organisation.id, name=f"Family {n}")
        for n in range(count)
    ]
    await _insert(Circle, circles)
    await _insert(
        TeamMember,
        [
            TeamMember(circle_id=c.id, practitioner_id=leads[n % len(leads)].id, is_lead=True)
            for n, c in enumerate(circles)
        ],
    )
    members = [
        FamilyMember(
            id=uuid.uuid4(), circle_id=c.id, name="Someone", role=role, age_band=age, locale=locale
        )
        for c in circles
        for role, age, locale in FAMILY
    ]
    await _insert(FamilyMember, members)
    await FamilyMember.all().update(created_at=datetime(YEAR - 1, 6, 1, tzinfo=UTC))
    held = [
        Meeting(
            id=uuid.uuid4(),
            circle_id=circles[n % count].id,
            kind=MeetingKind.CHILD_IN_NEED_REVIEW,
            starts_at=_at(n, meetings),
        )
        for n in range(meetings)
    ]
    await _insert(Meeting, held)
    by_circle: dict[Any, list[FamilyMember]] = {}
    for m in members:
        by_circle.setdefault(m.circle_id, []).append(m)
    requests = [
        ViewRequest(meeting_id=m.id, member_id=f.id, due_on=m.starts_at.date())
        for m in held
        for f in by_circle[m.circle_id]
    ]
    await _insert(ViewRequest, requests)
    windows = cycle(list(Window))
    lead_of = {c.id: leads[n % len(leads)].id for n, c in enumerate(circles)}
    await _insert(
        CheckIn,
        [
            CheckIn(
                meeting_id=m.id,
                circle_id=m.circle_id,
                member_id=by_circle[m.circle_id][0].id,
                window=next(windows),
            )
            for m in held[::2]
        ],
    )
    await _insert(
        Reflection,
        [
            Reflection(meeting_id=m.id, practitioner_id=lead_of[m.circle_id], window=next(windows))
            for m in held[::2]
        ],
    )
    plans = [Plan(id=uuid.uuid4(), circle_id=c.id) for c in circles]
    await _insert(Plan, plans)
    words = [
        Contribution(
            id=uuid.uuid4(),
            circle_id=p.circle_id,
            author_id=by_circle[p.circle_id][0].id,
            kind=ContributionKind.WANT_TO_HAPPEN,
            text="Seeded words",
            audience=Audience.MY_MEETING,
        )
        for p in plans
    ]
    await _insert(Contribution, words)
    items = [
        PlanItem(
            id=uuid.uuid4(),
            plan_id=p.id,
            section=PlanSection.NEEDS_TO_HAPPEN,
            source_id=w.id,
            position=0,
        )
        for p, w in zip(plans, words, strict=True)
    ]
    await _insert(PlanItem, items)
    await _insert(
        PlanAnswer,
        [
            PlanAnswer(
                item_id=i.id,
                member_id=by_circle[p.circle_id][2].id,
                version_number=1,
                answer=Answer.DISAGREE,
            )
            for i, p in zip(items, plans, strict=True)
        ],
    )
    await _insert(
        UrgentRequest,
        [UrgentRequest(member_id=by_circle[c.id][0].id, circle_id=c.id) for c in circles],
    )
    await PlanAnswer.all().update(created_at=_at(1, 2))
    await UrgentRequest.all().update(
        created_at=_at(1, 3), acknowledged_at=_at(1, 3) + timedelta(minutes=20)
    )


class Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


async def _time(person: Practitioner, rounds: int) -> tuple[float, int]:
    actor = Actor(session=cast(Session, None), practitioner=person)
    counter = Counter()
    client_log = logging.getLogger("tortoise.db_client")
    client_log.setLevel(logging.DEBUG)
    client_log.addHandler(counter)
    best = float("inf")
    for _ in range(rounds):
        counter.count = 0
        started = time.perf_counter()
        await service.review(actor, YEAR, "Europe/London", lambda s: s)
        best = min(best, time.perf_counter() - started)
    client_log.removeHandler(counter)
    return best, counter.count


async def bench(url: str, circles: int, meetings: int, rounds: int) -> None:
    await apply_migrations(url)
    await Tortoise.init(config=tortoise_config(url))
    try:
        started = time.perf_counter()
        organisation = await Organisation.create(name="Bench partnership")
        leads = await _staff(organisation, 50, max(1, circles // 25))
        await _history(organisation, leads, circles, meetings)
        # As autovacuum (PostgreSQL) or a routine ANALYZE would have done by now.
        await connections.get("default").execute_script("ANALYZE")
        print(
            f"  seeded {circles:,} circles and {meetings:,} meetings in {time.perf_counter() - started:.1f} s"
        )
        admin = await Practitioner.create(
            organisation=organisation,
            email="admin@bench.test",
            name="Admin",
            agency=Agency.SOCIAL_CARE,
            role=Role.PARTNERSHIP_ADMIN,
        )
        manager = await Practitioner.get(name="Manager 0")
        for who, person in (("partnership administrator", admin), ("one team's manager", manager)):
            took, queries = await _time(person, rounds)
            print(f"  review for {who}: {took * 1000:.0f} ms (best of {rounds}), {queries} queries")
    finally:
        await Tortoise.close_connections()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--circles", type=int, default=5000)
    parser.add_argument("--meetings", type=int, default=50000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"{args.db}:")
    if args.db == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            asyncio.run(
                bench(f"sqlite://{folder}/bench.sqlite3", args.circles, args.meetings, args.rounds)
            )
        return 0
    name = f"alongside_bench_{secrets.token_hex(4)}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    try:
        url = _admin_url().rsplit("/", 1)[0].replace("postgresql://", "postgres://", 1) + f"/{name}"
        asyncio.run(bench(url, args.circles, args.meetings, args.rounds))
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    return 0


if __name__ == "__main__":
    sys.exit(main())
