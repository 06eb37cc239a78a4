"""Each measure of the annual review on a hand-built history with a known answer."""

from __future__ import annotations

from datetime import timedelta

from server.checkins.models import CheckIn, Reflection
from server.checkins.questions import Window
from server.circles.models import FamilyRole
from server.contributions.models import Audience, Contribution, ContributionKind
from server.family.models import UrgentRequest
from server.organisations.models import Organisation
from server.plans.models import Answer, Plan, PlanAnswer, PlanItem, PlanSection
from tests.review.helpers import cell, day, families, meeting, review, team_with_manager


async def _team(name: str = "North"):
    organisation = await Organisation.create(name="Partnership " + name)
    return await team_with_manager(organisation, name)


async def test_share_of_meetings_where_everyone_was_asked_five_days_before(client):
    team, lead = await _team()
    made = await families(lead, 6)
    asked = [7, 7, 5, 30, 3, None]  # days before for the parent; the young person 10
    for (circle, (young, parent)), days in zip(made, asked, strict=True):
        await meeting(circle, day(2, 10), {young: 10, parent: days})
    seen = await review(client, await team.manager)
    q1 = cell(seen, "asked", team, 1)
    assert q1["suppressed"] is False
    assert q1["values"] == {"meetings": 6, "share": 66.7}
    assert cell(seen, "asked", team, 2)["empty"] is True
    # The year: one quarter with figures, three with none.
    assert cell(seen, "asked", team, None)["values"] == {"meetings": 6, "share": 66.7}
    assert seen["asked_days"] == 5 and seen["fewest"] == 5


async def test_share_of_meetings_where_the_young_persons_words_reached_the_plan(client):
    team, lead = await _team()
    made = await families(lead, 5)
    for n, (circle, (young, parent)) in enumerate(made):
        plan = await Plan.create(circle=circle)
        author = young if n < 3 else parent if n == 3 else None
        if author is not None:
            words = await Contribution.create(
                circle=circle,
                author=author,
                text="I want to stay at my school",
                kind=ContributionKind.WANT_TO_HAPPEN,
                audience=Audience.MY_MEETING,
            )
            await PlanItem.create(plan=plan, section=PlanSection.NEEDS_TO_HAPPEN, source=words)
            await PlanItem.filter(plan=plan).update(created_at=day(4, 1))
        await meeting(circle, day(5, 1))
    seen = await review(client, await team.manager)
    assert cell(seen, "young_words", team, 2)["values"] == {"meetings": 5, "share": 60.0}


async def test_the_window_from_families_and_from_practitioners_side_by_side(client):
    team, lead = await _team()
    made = await families(lead, 5)
    windows = [Window.WITH, Window.WITH, Window.TO, Window.FOR, Window.NOT]
    for (circle, (young, _)), window in zip(made, windows, strict=True):
        held = await meeting(circle, day(8, 1))
        await CheckIn.create(meeting=held, circle=circle, member=young, window=window)
        await Reflection.create(meeting=held, practitioner=lead, window=Window.WITH)
    seen = await review(client, await team.manager)
    assert cell(seen, "family_window", team, 3)["values"] == {
        "answers": 5,
        "with": 40.0,
        "to": 20.0,
        "for": 20.0,
        "not": 20.0,
    }
    assert cell(seen, "team_window", team, 3)["values"] == {
        "answers": 5,
        "with": 100.0,
        "to": 0.0,
        "for": 0.0,
        "not": 0.0,
    }


async def test_disagreements_their_answers_and_escalations(client):
    team, lead = await _team()
    made = await families(lead, 5)
    for n, (circle, (young, _)) in enumerate(made):
        plan = await Plan.create(circle=circle)
        item = await PlanItem.create(plan=plan, section=PlanSection.ACTIONS, text="Weekly visits")
        raised = day(11, 2)
        answer = await PlanAnswer.create(
            item=item, member=young, version_number=1, answer=Answer.DISAGREE
        )
        await PlanAnswer.filter(id=answer.id).update(
            created_at=raised,
            responded_at=raised + timedelta(days=n + 1) if n < 4 else None,
            escalated_at=raised + timedelta(days=3) if n < 2 else None,
        )
    seen = await review(client, await team.manager)
    assert cell(seen, "disagreements", team, 4)["values"] == {
        "raised": 5,
        "answered": 80.0,
        "days_to_answer": 2.5,
        "escalated": 2,
    }


async def test_time_to_acknowledge_calls_for_help(client):
    team, lead = await _team()
    made = await families(lead, 5)
    for n, (circle, (young, _)) in enumerate(made):
        call = await UrgentRequest.create(member=young, circle=circle)
        sent = day(3, 5)
        await UrgentRequest.filter(id=call.id).update(
            created_at=sent,
            acknowledged_at=sent + timedelta(minutes=10 * (n + 1)) if n < 4 else None,
        )
    seen = await review(client, await team.manager)
    assert cell(seen, "urgent", team, 1)["values"] == {
        "calls": 5,
        "acknowledged": 80.0,
        "minutes_to_acknowledge": 25.0,
    }


async def test_languages_of_the_people_asked_each_language_on_its_own(client):
    team, lead = await _team()
    urdu = await families(lead, 5, roles=(FamilyRole.PARENT,), locale="ur")
    polish = await families(lead, 2, roles=(FamilyRole.PARENT,), locale="pl")
    for circle, (parent,) in urdu + polish:
        await meeting(circle, day(1, 20), {parent: 6})
    seen = await review(client, await team.manager)
    assert cell(seen, "languages", team, 1, "ur")["values"] == {"requests": 5}
    polish_cell = cell(seen, "languages", team, 1, "pl")
    assert polish_cell["suppressed"] is True and polish_cell["values"] == {"requests": None}
