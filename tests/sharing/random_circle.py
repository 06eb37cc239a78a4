"""Random circles for property tests: family members of any role, a team whose
first member leads, an outsider from another circle, items written through the
API, then a random sequence of sharing changes and withdrawals."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx2 as httpx
from asgi_lifespan import LifespanManager
from hypothesis import strategies as st
from tortoise.backends.base.executor import EXECUTOR_CACHE

from server.app import create_app
from server.circles.models import AgeBand, Circle, FamilyMember, FamilyRole, TeamMember
from server.organisations.models import Agency, Organisation, Practitioner
from server.settings import Settings
from tests import databases, factories
from tests.conftest import ORIGIN, TEST_SECRET

AUDIENCES = ["just_me", "my_worker", "my_meeting", "my_family_too"]
SEEN_BY = {  # who, besides the author, may read words shared with each audience
    "just_me": set(),
    "my_worker": {"lead"},
    "my_meeting": {"lead", "team"},
    "my_family_too": {"lead", "team", "carer"},
}

cases = st.fixed_dictionaries({
    "family": st.lists(st.sampled_from(list(FamilyRole)), min_size=1, max_size=4),
    "team_size": st.integers(min_value=1, max_value=3),
    "items": st.lists(st.tuples(st.integers(0, 3), st.sampled_from(AUDIENCES)),
                      min_size=1, max_size=6),
    "changes": st.lists(
        st.tuples(st.integers(0, 5), st.sampled_from([*AUDIENCES, "withdraw"])), max_size=10),
})


@dataclass
class Item:
    author: int
    text: str
    audience: str
    withdrawn: bool = False
    id: str = field(default_factory=lambda: str(uuid.uuid4()))


@dataclass
class Reader:
    kind: str  # "author-or-family" readers are "child" or "carer"; practitioners "lead"/"team"/"outsider"
    index: int
    person: FamilyMember | Practitioner


@dataclass
class World:
    circle: Circle
    family: list[FamilyMember]
    team: list[Practitioner]
    readers: list[Reader]
    items: list[Item] = field(default_factory=list)

    def may_read(self, reader: Reader, item: Item) -> bool:
        if reader.kind in ("child", "carer") and reader.index == item.author:
            return True
        return not item.withdrawn and reader.kind in SEEN_BY[item.audience]


@asynccontextmanager
async def running_app(db_url: str, data_dir: Path) -> AsyncIterator[httpx.AsyncClient]:
    EXECUTOR_CACHE.clear()
    app = create_app(Settings(data_dir=data_dir, database_url=db_url, secret_key=TEST_SECRET))
    async with LifespanManager(app):
        await databases.empty_all_tables()
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=ORIGIN,
                                     headers={"Origin": ORIGIN}) as client:
            yield client


async def build(case: dict) -> World:
    org = await Organisation.create(name="P")
    circle = await Circle.create(organisation=org, name="C")
    other = await Circle.create(organisation=org, name="Other")
    family = [await FamilyMember.create(circle=circle, name=f"F{i}", role=role,
                                        age_band=AgeBand.ADULT)
              for i, role in enumerate(case["family"])]
    team = []
    for i in range(case["team_size"]):
        person = await Practitioner.create(organisation=org, email=f"p{i}@x.test",
                                           name=f"P{i}", agency=Agency.HEALTH)
        await TeamMember.create(circle=circle, practitioner=person, is_lead=i == 0)
        team.append(person)
    outsider = await Practitioner.create(organisation=org, email="o@x.test", name="O",
                                         agency=Agency.POLICE)
    await TeamMember.create(circle=other, practitioner=outsider, is_lead=True)
    readers = [Reader("carer" if m.role.is_carer else "child", i, m) for i, m in enumerate(family)]
    readers += [Reader("lead" if i == 0 else "team", i, p) for i, p in enumerate(team)]
    readers.append(Reader("outsider", -1, outsider))
    return World(circle, family, team, readers)


async def write_items(client: httpx.AsyncClient, world: World, case: dict,
                      audience: str | None = None) -> None:
    """Each item written by its author; `audience` overrides the drawn one."""
    for number, (author, drawn) in enumerate(case["items"]):
        item = Item(author % len(world.family), f"words-{number}-{uuid.uuid4().hex}",
                    audience or drawn)
        await factories.act_as(client, world.family[item.author])
        sent = await client.post("/api/contributions", json={
            "id": item.id, "kind": "worried_about", "text": item.text,
            "audience": item.audience})
        assert sent.status_code == 201
        world.items.append(item)


async def set_audience(client: httpx.AsyncClient, world: World, item: Item, change: str) -> None:
    await factories.act_as(client, world.family[item.author])
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
        await set_audience(client, world, world.items[index % len(world.items)], change)
