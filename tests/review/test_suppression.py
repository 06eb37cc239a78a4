"""Small numbers are never shown, not even by subtracting one figure from another;
no report holds a name or a word; only managers and partnership administrators
see it; and its database work does not grow with the number of circles."""

from __future__ import annotations

from server.checkins.models import CheckIn, Reflection
from server.checkins.questions import Window
from server.family.models import UrgentRequest
from server.organisations.models import Organisation, Role
from tests import factories
from tests.queries import counted_get
from tests.review.helpers import YEAR, cell, day, families, meeting, review, team_with_manager


async def _checked_in(lead, count: int, text: str = "") -> None:
    for circle, (young, _) in await families(lead, count):
        held = await meeting(circle, day(5, 10))
        await CheckIn.create(
            meeting=held, circle=circle, member=young, window=Window.WITH, anything_else=text
        )
        await Reflection.create(meeting=held, practitioner=lead, window=Window.TO)


async def _both_teams_managed_by_one(organisation):
    small, small_lead = await team_with_manager(organisation, "Small")
    large, large_lead = await team_with_manager(organisation, "Large")
    manager = await small.manager
    large.manager = manager
    await large.save(update_fields=["manager_id"])
    return manager, (small, small_lead), (large, large_lead)


async def test_a_team_of_three_families_never_shows_a_figure_even_by_subtraction(client):
    organisation = await Organisation.create(name="City")
    manager, (small, small_lead), (large, large_lead) = await _both_teams_managed_by_one(
        organisation
    )
    await _checked_in(small_lead, 3)
    await _checked_in(large_lead, 6)
    seen = await review(client, manager)
    for quarter in (2, None):
        hidden = cell(seen, "family_window", small, quarter)
        assert hidden["suppressed"] is True
        assert set(hidden["values"].values()) == {None}
        assert cell(seen, "family_window", large, quarter)["values"]["answers"] == 6
        # The total of both teams would give the small one away: it is not shown.
        assert cell(seen, "family_window", None, quarter)["suppressed"] is True

    await _checked_in(small_lead, 2)
    seen = await review(client, manager)
    assert cell(seen, "family_window", small, 2)["values"]["answers"] == 5
    assert cell(seen, "family_window", None, 2)["values"]["answers"] == 11


async def test_an_organisation_is_shown_to_the_partnership_only_when_each_team_is(client):
    city = await Organisation.create(name="City")
    _, small_lead = await team_with_manager(city, "Small")
    _, large_lead = await team_with_manager(city, "Large")
    county = await Organisation.create(name="County")
    _, county_lead = await team_with_manager(county, "Shire")
    await _checked_in(small_lead, 3)
    await _checked_in(large_lead, 6)
    await _checked_in(county_lead, 5)
    ada = await factories.practitioner(
        city, "ada@example.test", "Ada Admin", role=Role.PARTNERSHIP_ADMIN
    )
    seen = await review(client, ada)
    assert seen["by"] == "organisation"
    assert {g["name"] for g in seen["groups"]} == {"City", "County"}
    assert cell(seen, "family_window", city, 2)["suppressed"] is True
    assert cell(seen, "team_window", county, 2)["values"]["to"] == 100.0
    assert cell(seen, "family_window", None, 2)["suppressed"] is True


async def test_no_report_holds_a_name_or_a_word(client):
    organisation = await Organisation.create(name="City")
    team, lead = await team_with_manager(organisation, "North")
    await _checked_in(lead, 6, text="My dad shouts at night")
    for circle, (young, _) in await families(lead, 2):
        call = await UrgentRequest.create(member=young, circle=circle)  # two: too few to show
        await UrgentRequest.filter(id=call.id).update(created_at=day(3, 1))
    manager = await team.manager
    await factories.act_as(client, manager)
    answers = [
        await client.get(f"/api/review?year={YEAR}"),
        await client.get(f"/api/review.csv?year={YEAR}"),
        await client.get(f"/review/{YEAR}/print"),
    ]
    assert [a.status_code for a in answers] == [200, 200, 200]
    for answer in answers:
        assert "Person 0-0" not in answer.text
        assert "Family Lead" not in answer.text
        assert "shouts" not in answer.text
    csv_text = answers[1].text
    assert "fewer than 5" in csv_text
    assert "Calls for help" in csv_text
    assert "<svg" in answers[2].text and "<table" in answers[2].text
    chart = await client.get(f"/review/{YEAR}/chart.svg?measure=family_window")
    assert chart.status_code == 200 and chart.headers["content-type"] == "image/svg+xml"
    assert "<title" in chart.text and "shouts" not in chart.text
    assert (await client.get(f"/review/{YEAR}/chart.svg?measure=nothing")).status_code == 404


async def test_nobody_else_sees_the_review(client):
    world = await factories.world()
    auditor = await factories.practitioner(
        await world.circle.organisation, "audit@example.test", "Aud", role=Role.AUDITOR
    )
    for person in (world.lead, auditor, world.young_person):
        await review(client, person, status=403)


async def _queries(client, caplog, person) -> int:
    await factories.act_as(client, person)
    answer, queries = await counted_get(client, caplog, f"/api/review?year={YEAR}")
    assert answer.status_code == 200
    return queries


async def test_the_review_makes_as_many_queries_for_40_circles_as_for_4(client, caplog):
    organisation = await Organisation.create(name="City")
    team, lead = await team_with_manager(organisation, "North")
    manager = await team.manager
    await _checked_in(lead, 4)
    few = await _queries(client, caplog, manager)
    await _checked_in(lead, 36)
    assert await _queries(client, caplog, manager) == few
