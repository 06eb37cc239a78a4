"""`alongside demo` adds a year of synthetic history (issue 15): three more workers
in Maya's team lead circles of made-up families with meetings, requests for
views, words, plans, check-ins and reflections, so the annual review shows real
figures on first start. It is made once, and none of it reaches Priya or Tom."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from server import demo, demo_history
from server.checkins.models import CheckIn, Reflection
from server.circles.models import Circle, FamilyMember
from server.contributions.models import Contribution
from server.meetings.models import Meeting, ViewRequest
from server.organisations.models import Organisation, Practitioner, Team
from server.plans.models import PlanAnswer, PlanItem
from tests import factories
from tests.review.helpers import cell

TABLES = (Practitioner, Circle, FamilyMember, Meeting, ViewRequest, Contribution, PlanItem)
MORE = (PlanAnswer, CheckIn, Reflection)


async def _counts() -> dict[str, int]:
    return {model.__name__: await model.all().count() for model in TABLES + MORE}


def _last_three_quarters(now: datetime) -> list[tuple[int, int]]:
    """The three whole quarters before this one, as (year, quarter)."""
    local = now.astimezone(ZoneInfo("Europe/London"))
    year, quarter = local.year, (local.month - 1) // 3 + 1
    found = []
    for _ in range(3):
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
        found.append((year, quarter))
    return found


async def test_a_year_of_history_fills_the_managers_annual_review(client):
    organisation = await Organisation.create(name=demo.ORGANISATION)
    started = time.perf_counter()
    await demo.populate(organisation)
    print(f"demo with history: {time.perf_counter() - started:.2f} s")
    maya = await Practitioner.get(email=demo.STAFF[1][0])
    team = await Team.get(manager_id=maya.id)
    await factories.act_as(client, maya)
    reviews: dict[int, dict] = {}
    for year, quarter in _last_three_quarters(datetime.now(UTC)):
        if year not in reviews:
            answer = await client.get(f"/api/review?year={year}")
            assert answer.status_code == 200, answer.text
            reviews[year] = answer.json()
        for measure in ("asked", "young_words", "family_window", "team_window"):
            shown = cell(reviews[year], measure, team, quarter)
            assert shown["suppressed"] is False and shown["empty"] is False, (measure, quarter)
            assert all(value is not None for value in shown["values"].values()), measure


async def test_the_history_tells_a_story_over_the_year(client):
    organisation = await Organisation.create(name=demo.ORGANISATION)
    await demo.populate(organisation)
    maya = await Practitioner.get(email=demo.STAFF[1][0])
    team = await Team.get(manager_id=maya.id)
    await factories.act_as(client, maya)
    quarters = list(reversed(_last_three_quarters(datetime.now(UTC))))
    reviews = {y: (await client.get(f"/api/review?year={y}")).json() for y, _ in quarters}

    def share(measure: str, figure: str, at: tuple[int, int]) -> float:
        value = cell(reviews[at[0]], measure, team, at[1])["values"][figure]
        assert value is not None
        return float(value)

    first, last = quarters[0], quarters[-1]
    assert share("asked", "share", first) < share("asked", "share", last)
    # Where they differ is the challenge: families feel worked WITH less than workers think.
    assert share("family_window", "with", first) < share("team_window", "with", first)
    languages = {c["part"] for m in reviews[last[0]]["measures"] for c in m["cells"] if c["part"]}
    assert {"en", "pl", "pa", "ur", "ro"} <= languages


async def test_running_the_demo_again_adds_nothing(client):
    organisation = await Organisation.create(name=demo.ORGANISATION)
    await demo.populate(organisation)
    before = await _counts()
    assert before["Circle"] > 20 and before["CheckIn"] > 50
    await demo.populate(organisation)
    assert await _counts() == before
    workers = await Practitioner.filter(email__in=[w[0] for w in demo_history.WORKERS])
    assert len(workers) == 3
    priya = await Practitioner.get(email=demo.PRACTITIONERS[0][0])
    assert all(w.password_hash and w.team_id == priya.team_id for w in workers)


async def test_the_history_stays_out_of_priyas_and_toms_sight(client):
    organisation = await Organisation.create(name=demo.ORGANISATION)
    await demo.populate(organisation)
    samples = await Circle.exclude(name="Sam and Mia").limit(3)
    assert samples
    for email, _, _, _ in demo.PRACTITIONERS:
        person = await Practitioner.get(email=email)
        await factories.act_as(client, person)
        home = (await client.get("/api/practitioner/home")).json()
        assert [c["name"] for c in home["circles"]] == ["Sam and Mia"]
        for circle in samples:
            meeting = await Meeting.filter(circle=circle).first()
            assert meeting is not None
            for path in (
                f"/api/circles/{circle.id}",
                f"/api/circles/{circle.id}/plan",
                f"/api/meetings/{meeting.id}",
            ):
                answer = await client.get(path)
                assert answer.status_code in (403, 404), (path, answer.status_code)


def test_the_demo_says_the_annual_review_has_a_year_of_history():
    text = demo.describe({"url": "http://x", "practitioners": [], "staff": [], "family": []})
    assert "annual review shows a year of synthetic history" in text
