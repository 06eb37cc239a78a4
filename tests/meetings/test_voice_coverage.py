"""Voice coverage of a meeting, computed from the records of a hand-built history
whose answers are known: who was asked and how long before, who shared, family
words in the plan, disagreements raised and answered, calls for help and the
longest wait for one to be acknowledged."""

from datetime import UTC, datetime, timedelta

from server.circles.models import FamilyMember
from server.contributions.models import Audience, Contribution, ContributionKind
from server.family.models import UrgentRequest
from server.meetings.models import Meeting, MeetingKind, ViewRequest
from server.plans.models import Answer, Plan, PlanAnswer, PlanItem, PlanSection
from tests import factories

NOW = datetime.now(UTC).replace(microsecond=0)


async def _at(row, when):
    await type(row).filter(pk=row.pk).update(created_at=when)


async def _words(member, when, meeting=None, audience=Audience.MY_WORKER):
    words = await Contribution.create(
        circle_id=member.circle_id,
        author=member,
        kind=ContributionKind.WANT_TO_HAPPEN,
        text="words",
        meeting=meeting,
        audience=audience,
    )
    await _at(words, when)
    return words


async def _history():
    w = await factories.world()
    await FamilyMember.filter(circle_id=w.circle.id).update(created_at=NOW - timedelta(days=90))
    earlier = await Meeting.create(
        circle=w.circle, kind=MeetingKind.CHILD_IN_NEED_REVIEW, starts_at=NOW - timedelta(days=40)
    )
    this = await Meeting.create(
        circle=w.circle, kind=MeetingKind.CHILD_IN_NEED_REVIEW, starts_at=NOW - timedelta(days=2)
    )
    run_up = NOW - timedelta(days=20)  # between the two meetings
    # Sam was asked 10 days before, Alex 3 days before; Mia never.
    for member, days in ((w.young_person, 10), (w.parent, 3)):
        asked = await ViewRequest.create(meeting=this, member=member, due_on=this.starts_at.date())
        await _at(asked, this.starts_at - timedelta(days=days, hours=1))
    sam = await _words(w.young_person, run_up, meeting=this)
    await _words(w.parent, run_up, meeting=this, audience=Audience.JUST_ME)  # a draft
    mia = await _words(w.child, NOW - timedelta(days=50))  # before the run-up
    alex = await _words(w.parent, NOW - timedelta(days=45), meeting=earlier)
    plan = await Plan.create(circle=w.circle)
    items = []
    for n, (source, when) in enumerate(
        [(sam, run_up), (mia, run_up), (alex, run_up), (sam, NOW), (None, run_up)]
    ):
        item = await PlanItem.create(
            plan=plan, section=PlanSection.NEEDS_TO_HAPPEN, text="x", source=source, position=n
        )
        await _at(item, when)
        items.append(item)
    answers = [
        (w.parent, Answer.DISAGREE, run_up, NOW - timedelta(days=15)),
        (w.young_person, Answer.DISAGREE, run_up, None),
        (w.child, Answer.AGREE, run_up, None),
        (w.child, Answer.DISAGREE, NOW - timedelta(days=50), None),
    ]
    for n, (member, choice, when, responded) in enumerate(answers):
        answer = await PlanAnswer.create(
            item=items[n], member=member, version_number=1, answer=choice, responded_at=responded
        )
        await _at(answer, when)
    calls = [
        (run_up, run_up + timedelta(minutes=45)),
        (run_up, None),
        (NOW - timedelta(days=60), None),
    ]
    for sent, seen in calls:
        call = await UrgentRequest.create(
            member=w.young_person, circle=w.circle, acknowledged_at=seen
        )
        await _at(call, sent)
    return w, this


async def test_voice_coverage_of_a_meeting_from_its_records(client):
    world, meeting = await _history()
    await factories.act_as(client, world.teammate)
    shown = await client.get(f"/api/meetings/{meeting.id}/voice-coverage")
    assert shown.status_code == 200, shown.text
    coverage = shown.json()
    assert [(m["name"], m["asked_days_before"], m["shared"]) for m in coverage["members"]] == [
        ("Sam", 10, True),
        ("Mia", None, False),
        ("Alex", 3, False),
    ]
    assert (coverage["family_words_in_plan"], coverage["young_peoples_words_in_plan"]) == (3, 2)
    assert (coverage["disagreements_raised"], coverage["disagreements_answered"]) == (2, 1)
    assert (coverage["urgent_requests"], coverage["urgent_acknowledged"]) == (2, 1)
    assert coverage["longest_minutes_to_acknowledge"] == 45


async def test_another_teams_meeting_has_no_coverage_for_them(client):
    world, meeting = await _history()
    await factories.act_as(client, world.outsider)
    assert (await client.get(f"/api/meetings/{meeting.id}/voice-coverage")).status_code == 404
