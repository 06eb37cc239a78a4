"""Property: whatever circle, items and sequence of sharing changes and
withdrawals, no one ever receives words outside the sharing rules — through any
read path of the API."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx2 as httpx
from asgi_lifespan import LifespanManager
from hypothesis import HealthCheck, Phase, given, settings
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


@dataclass
class Item:
    author: int
    text: str
    audience: str
    withdrawn: bool = False
    id: str = field(default_factory=lambda: str(uuid.uuid4()))


circles = st.fixed_dictionaries({
    "family": st.lists(st.sampled_from(list(FamilyRole)), min_size=1, max_size=4),
    "team_size": st.integers(min_value=1, max_value=3),
    "items": st.lists(st.tuples(st.integers(0, 3), st.sampled_from(AUDIENCES)),
                      min_size=1, max_size=6),
    "changes": st.lists(
        st.tuples(st.integers(0, 5), st.sampled_from([*AUDIENCES, "withdraw"])), max_size=10),
})


def allowed(kind: str, person_index: int, item: Item) -> bool:
    if kind == "family" and person_index == item.author:
        return True
    if item.withdrawn:
        return False
    return kind_of_reader(kind, person_index) in SEEN_BY[item.audience]


_roles: dict[int, FamilyRole] = {}


def kind_of_reader(kind: str, index: int) -> str:
    if kind == "family":
        return "carer" if _roles[index].is_carer else "child"
    return "lead" if index == 0 else "team" if index > 0 else "outsider"


async def _reads(client: httpx.AsyncClient, circle_id: str, items: list[Item]) -> str:
    """Everything this person can get from every read path, as one text."""
    paths = ["/api/family/home", "/api/contributions", "/api/family/shared-with-me",
             "/api/family/my-data", "/api/practitioner/home", f"/api/circles/{circle_id}/voice"]
    paths += [f"/api/contributions/{item.id}" for item in items]
    answers = [await client.get(path) for path in paths]
    return "\n".join(answer.text for answer in answers)


async def _scenario(db_url: str, data_dir: Path, case: dict) -> None:
    EXECUTOR_CACHE.clear()
    app = create_app(Settings(data_dir=data_dir, database_url=db_url, secret_key=TEST_SECRET))
    async with LifespanManager(app):
        await databases.empty_all_tables()
        org = await Organisation.create(name="P")
        circle = await Circle.create(organisation=org, name="C")
        other = await Circle.create(organisation=org, name="Other")
        family = [await FamilyMember.create(circle=circle, name=f"F{i}", role=role,
                                            age_band=AgeBand.ADULT)
                  for i, role in enumerate(case["family"])]
        _roles.clear()
        _roles.update(dict(enumerate(case["family"])))
        team = []
        for i in range(case["team_size"]):
            person = await Practitioner.create(organisation=org, email=f"p{i}@x.test",
                                               name=f"P{i}", agency=Agency.HEALTH)
            await TeamMember.create(circle=circle, practitioner=person, is_lead=i == 0)
            team.append(person)
        outsider = await Practitioner.create(organisation=org, email="o@x.test", name="O",
                                             agency=Agency.POLICE)
        await TeamMember.create(circle=other, practitioner=outsider, is_lead=True)

        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=ORIGIN,
                                     headers={"Origin": ORIGIN}) as client:
            items = []
            for number, (author, audience) in enumerate(case["items"]):
                item = Item(author % len(family), f"words-{number}-{uuid.uuid4().hex}", audience)
                await factories.act_as(client, family[item.author])
                sent = await client.post("/api/contributions", json={
                    "id": item.id, "kind": "worried_about", "text": item.text,
                    "audience": audience})
                assert sent.status_code == 201
                items.append(item)
            for index, change in case["changes"]:
                item = items[index % len(items)]
                await factories.act_as(client, family[item.author])
                url = f"/api/contributions/{item.id}"
                if change == "withdraw":
                    answer = await client.post(url + "/withdraw")
                    if item.audience != "just_me":
                        item.withdrawn = True
                    assert answer.status_code == (409 if item.audience == "just_me" else 200)
                else:
                    answer = await client.put(url + "/audience", json={"audience": change})
                    assert answer.status_code == 200
                    item.audience, item.withdrawn = change, False

            readers = [("family", i, p) for i, p in enumerate(family)]
            readers += [("practitioner", i, p) for i, p in enumerate(team)]
            readers.append(("practitioner", -1, outsider))
            for kind, index, person in readers:
                await factories.act_as(client, person)
                seen = await _reads(client, str(circle.id), items)
                for item in items:
                    expected = allowed(kind, index, item)
                    assert (item.text in seen) == expected, (kind, index, item, case)


# Each example starts the app on a real database, so shrinking a failure would take
# minutes; the assertion message already carries the whole failing case.
@settings(max_examples=25, deadline=None,
          phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(case=circles)
def test_no_one_ever_reads_words_outside_the_sharing_rules(db_url, tmp_path, case):
    asyncio.run(_scenario(db_url, tmp_path, case))
