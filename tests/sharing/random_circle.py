"""Random partnerships for property tests: two or three circles with family
members of any role; practitioners from one pool, one of them on two teams and
one on none; items of every kind (scales too) written through the API; a random
sequence of sharing changes and withdrawals; some circles closed at the end.

The expected readers come from this file's own model of PRODUCT.md's sharing
rules, never from the product's code."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx2 as httpx
from asgi_lifespan import LifespanManager
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from tortoise.backends.base.executor import EXECUTOR_CACHE

from server.app import create_app
from server.circles.models import AgeBand, Circle, FamilyMember, FamilyRole, TeamMember
from server.organisations.models import Agency, Organisation, Practitioner
from server.settings import Settings
from tests import databases, factories
from tests.conftest import ORIGIN, TEST_SECRET, _in_ci

AUDIENCES = ["just_me", "my_worker", "my_meeting", "my_family_too"]
KINDS = ["going_well", "worried_about", "want_to_happen", "scale", "message"]

# The model, from PRODUCT.md. "Who uses it": carers are parents, kinship and
# foster carers; children and young people are not.
CARER_ROLES = {"parent", "carer", "kinship_carer", "foster_carer"}
# "Sharing choices": who, besides the author, reads words shared with each audience.
READ_BY = {
    "just_me": set(),
    "my_worker": {"lead"},
    "my_meeting": {"lead", "team"},
    "my_family_too": {"lead", "team", "carer"},
}
POOL = 4  # practitioners: the first is on the first two teams, the last on none

SETTINGS = settings(
    # Modest here, more under CI; each example starts the app on a real database.
    max_examples=25 if _in_ci() else 8,
    deadline=None,
    # Shrinking a failure would take minutes; the assertion message already
    # carries the whole failing case.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

circle_cases = st.fixed_dictionaries(
    {
        "family": st.lists(
            st.sampled_from([role.value for role in FamilyRole]), min_size=1, max_size=3
        ),
        "team": st.sets(st.integers(0, POOL - 2), max_size=POOL - 1),
        "lead": st.integers(0, POOL - 2),
        "closed": st.sampled_from([False, False, True]),
    }
)
cases = st.fixed_dictionaries(
    {
        "circles": st.lists(circle_cases, min_size=2, max_size=3),
        "items": st.lists(
            st.tuples(
                st.integers(0, 99),
                st.integers(0, 99),
                st.sampled_from(KINDS),
                st.sampled_from(AUDIENCES),
            ),
            min_size=1,
            max_size=8,
        ),
        "changes": st.lists(
            st.tuples(st.integers(0, 99), st.sampled_from([*AUDIENCES, "withdraw"])), max_size=10
        ),
    }
)

#: Every rule at least once, whatever the random draws: a teammate who is not
#: the lead, a withdrawn "my worker" item, a lead of one circle who is a teammate
#: on another with "my worker" words, scales, children, young people, three kinds
#: of carer, narrowing, and a closed circle.
EVERY_RULE = {
    "circles": [
        {"family": ["young_person", "parent", "child"], "team": {1}, "lead": 0, "closed": False},
        {"family": ["foster_carer", "young_person"], "team": {2}, "lead": 2, "closed": False},
        {"family": ["kinship_carer"], "team": {1}, "lead": 1, "closed": True},
    ],
    "items": [
        (0, 0, "worried_about", "my_worker"),
        (0, 0, "going_well", "my_meeting"),
        (0, 0, "want_to_happen", "my_family_too"),
        (0, 1, "scale", "my_family_too"),
        (0, 2, "message", "just_me"),
        (1, 0, "worried_about", "my_family_too"),
        (1, 1, "scale", "my_worker"),
        (2, 0, "going_well", "my_meeting"),
    ],
    "changes": [
        (0, "withdraw"),
        (1, "withdraw"),
        (2, "my_worker"),
        (5, "my_worker"),
        (6, "my_meeting"),
        (7, "withdraw"),
    ],
}


@dataclass(eq=False)
class Reader:
    """A person: a family member of one circle, or a practitioner of the pool."""

    person: FamilyMember | Practitioner
    role: str | None = None  # family members only
    circle: int | None = None  # family members only
    pool_index: int | None = None  # practitioners only

    @property
    def is_family(self) -> bool:
        return self.role is not None


@dataclass
class CircleModel:
    row: Circle
    family: list[Reader]
    team: set[int]
    lead: int
    closed: bool = False


@dataclass(eq=False)
class Item:
    circle: int
    author: Reader
    kind: str
    words: str  # the text, or a scale's question
    audience: str
    withdrawn: bool = False
    id: str = field(default_factory=lambda: str(uuid.uuid4()))


@dataclass
class World:
    circles: list[CircleModel]
    practitioners: list[Reader]
    items: list[Item] = field(default_factory=list)

    @property
    def readers(self) -> list[Reader]:
        return [m for c in self.circles for m in c.family] + self.practitioners

    def standing(self, reader: Reader, circle: int) -> set[str]:
        """The places in READ_BY this reader holds in a circle. Closing a circle
        ends its team's reading (circles: "Close the circle")."""
        model = self.circles[circle]
        if reader.is_family:
            return {"carer"} if reader.circle == circle and reader.role in CARER_ROLES else set()
        if model.closed:
            return set()
        return ({"lead"} if reader.pool_index == model.lead else set()) | (
            {"team"} if reader.pool_index in model.team else set()
        )

    def allowed(self, reader: Reader, item: Item) -> bool:
        """In the item's audience now, withdrawn or not."""
        return bool(self.standing(reader, item.circle) & READ_BY[item.audience])

    def may_read(self, reader: Reader, item: Item) -> bool:
        """Withdrawing hides the words from everyone but their author."""
        if reader is item.author:
            return True
        return not item.withdrawn and self.allowed(reader, item)

    def sees_marker(self, reader: Reader, item: Item) -> bool:
        """ "The writer took these words back on DATE", for the team who were allowed to read it."""
        return not reader.is_family and item.withdrawn and self.allowed(reader, item)

    def on_team(self, reader: Reader, circle: int) -> bool:
        model = self.circles[circle]
        return not reader.is_family and not model.closed and reader.pool_index in model.team


@asynccontextmanager
async def running_app(db_url: str, data_dir: Path) -> AsyncIterator[httpx.AsyncClient]:
    EXECUTOR_CACHE.clear()
    app = create_app(Settings(data_dir=data_dir, database_url=db_url, secret_key=TEST_SECRET))
    async with LifespanManager(app):
        await databases.empty_all_tables()
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url=ORIGIN, headers={"Origin": ORIGIN}
        ) as client:
            yield client


async def build(case: dict) -> World:
    org = await Organisation.create(name="P")
    pool = [
        Reader(
            await Practitioner.create(
                organisation=org, email=f"p{i}@x.test", name=f"P{i}", agency=Agency.HEALTH
            ),
            pool_index=i,
        )
        for i in range(POOL)
    ]
    circles = []
    for number, drawn in enumerate(case["circles"]):
        row = await Circle.create(organisation=org, name=f"C{number}")
        team = drawn["team"] | {drawn["lead"]} | ({0} if number < 2 else set())
        for index in sorted(team):
            await TeamMember.create(
                circle=row, practitioner=pool[index].person, is_lead=index == drawn["lead"]
            )
        family = [
            Reader(
                await FamilyMember.create(
                    circle=row, name=f"F{number}.{i}", role=FamilyRole(role), age_band=AgeBand.ADULT
                ),
                role=role,
                circle=number,
            )
            for i, role in enumerate(drawn["family"])
        ]
        circles.append(CircleModel(row, family, team, drawn["lead"]))
    return World(circles, pool)


async def write_items(
    client: httpx.AsyncClient, world: World, case: dict, audience: str | None = None
) -> None:
    """Each item written by its author; `audience` overrides the drawn one."""
    for number, (circle, author, kind, drawn) in enumerate(case["items"]):
        circle %= len(world.circles)
        family = world.circles[circle].family
        item = Item(
            circle,
            family[author % len(family)],
            kind,
            f"words-{number}-{uuid.uuid4().hex}",
            audience or drawn,
        )
        body = {"id": item.id, "kind": kind, "audience": item.audience, "text": item.words}
        if kind == "scale":
            body.update(text="", scale_question=item.words, scale_value=number % 11)
        await factories.act_as(client, item.author.person)
        assert (await client.post("/api/contributions", json=body)).status_code == 201
        world.items.append(item)


async def set_audience(client: httpx.AsyncClient, item: Item, change: str) -> None:
    await factories.act_as(client, item.author.person)
    url = f"/api/contributions/{item.id}"
    if change == "withdraw":
        answer = await client.post(url + "/withdraw")
        assert answer.status_code == (409 if item.audience == "just_me" else 200)
        item.withdrawn = item.withdrawn or item.audience != "just_me"
    else:
        assert (await client.put(url + "/audience", json={"audience": change})).status_code == 200
        item.audience, item.withdrawn = change, False


async def apply_changes(client: httpx.AsyncClient, world: World, case: dict) -> None:
    for index, change in case["changes"]:
        await set_audience(client, world.items[index % len(world.items)], change)


async def close_circles(client: httpx.AsyncClient, world: World, case: dict) -> None:
    """The drawn circles are closed by their lead, through the API."""
    for model, drawn in zip(world.circles, case["circles"], strict=True):
        if drawn["closed"]:
            await factories.act_as(client, world.practitioners[model.lead].person)
            closed = await client.post(f"/api/circles/{model.row.id}/close")
            assert closed.status_code == 200, closed.text
            model.closed = True
