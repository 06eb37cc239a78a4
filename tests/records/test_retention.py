"""The retention schedule, run by the worker once a day, with hand-made dates:
closed circles go N years after closing, technical records after D days, audit
after M years; what was deleted is recorded as counts, never contents."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from server.audit.models import AuditEvent
from server.auth.models import Attempt, Lockout, Session
from server.circles.models import AgeBand, Circle, FamilyMember, FamilyRole
from server.commands.models import CommandAnswer
from server.contributions.models import Contribution, ContributionKind
from server.i18n import I18n
from server.jobs import queue
from server.jobs.models import Delivery, Job
from server.jobs.worker import run_one
from server.plans.models import Answer, Plan, PlanAnswer, PlanItem, PlanSection
from server.records.models import RecordsEvent
from server.records.retention import apply_retention, next_run
from tests import factories

NOW = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)
YEAR = timedelta(days=365)
WORDS = "Retention canary: my words"


async def _family_words(circle: Circle, author: FamilyMember) -> None:
    words = await Contribution.create(
        id=uuid.uuid4(), circle=circle, author=author, kind=ContributionKind.GOING_WELL, text=WORDS
    )
    plan = await Plan.create(circle=circle)
    item = await PlanItem.create(plan=plan, section=PlanSection.WORRIED_ABOUT, source=words)
    await PlanAnswer.create(
        item=item, member=author, version_number=1, answer=Answer.DISAGREE, comment=WORDS
    )


async def _technical(age: timedelta) -> None:
    at = NOW - age
    session = await Session.create(token_hash=uuid.uuid4().hex, csrf_token="x", last_seen_at=at)
    await Session.filter(id=session.id).update(created_at=at)
    await Attempt.create(key=f"pin:{age}", at=at)
    await Lockout.create(key=f"pin:{age}", at=at, until=at + timedelta(minutes=1), step=1)
    answer = await CommandAnswer.create(person_id=str(uuid.uuid4()), key=str(age), request_hash="x")
    await CommandAnswer.filter(id=answer.id).update(created_at=at)
    job = await Job.create(kind="notify", payload={}, run_at=at, done_at=at)
    await Delivery.create(job=job, endpoint=f"https://push.example.test/{age}", sent_at=at)
    event = await AuditEvent.create(action="contributions_read")
    await AuditEvent.filter(id=event.id).update(at=at)


async def test_the_schedule_deletes_only_what_is_past_its_time(app, settings):
    world = await factories.world()
    long_closed, lately_closed = world.circle, world.other_circle
    await Circle.filter(id=long_closed.id).update(closed_at=NOW - 7 * YEAR - timedelta(days=2))
    await Circle.filter(id=lately_closed.id).update(closed_at=NOW - 6 * YEAR)
    open_circle = await Circle.create(organisation_id=long_closed.organisation_id, name="Open")
    for circle, author in (
        (long_closed, world.young_person),
        (lately_closed, world.other_young_person),
        (
            open_circle,
            await FamilyMember.create(
                circle=open_circle,
                name="Ola",
                role=FamilyRole.YOUNG_PERSON,
                age_band=AgeBand.FROM_12_TO_15,
            ),
        ),
    ):
        await _family_words(circle, author)
    await _technical(timedelta(days=31))
    await _technical(timedelta(days=29))
    old_audit = await AuditEvent.create(action="plan_read")
    await AuditEvent.filter(id=old_audit.id).update(at=NOW - 7 * YEAR - timedelta(days=1))
    waiting = await Job.create(kind="notify", payload={}, run_at=NOW - timedelta(days=40))

    counts = await apply_retention(settings, NOW)

    assert set(await Circle.all().values_list("name", flat=True)) == {"Another family", "Open"}
    assert await Contribution.filter(text=WORDS).count() == 2
    assert await PlanAnswer.filter(comment=WORDS).count() == 2
    assert await FamilyMember.filter(circle_id=long_closed.id).count() == 0
    for model in (Session, Attempt, Lockout, CommandAnswer, Delivery):
        assert await model.all().count() == 1, model.__name__
    assert await Job.filter(id=waiting.id).exists(), "a job not yet done is never deleted"
    assert await Job.filter(done_at__isnull=False).count() == 1
    # 29 days old kept; 31 days old kept (audit lasts years); 7 years and a day gone.
    assert not await AuditEvent.filter(id=old_audit.id).exists()
    assert await AuditEvent.filter(action="contributions_read").count() == 2
    assert counts["circles"] == 1 and counts["family_members"] == 3
    assert counts["contributions"] == 1 and counts["audit_events"] == 1
    assert counts["sessions"] == 1 and counts["jobs"] == 1
    [event] = await RecordsEvent.filter(action="retention")
    assert event.counts == counts and event.done_by == "worker"
    assert WORDS not in repr(await RecordsEvent.all().values())


async def test_the_schedule_follows_the_settings(app, settings):
    world = await factories.world()
    await Circle.filter(id=world.circle.id).update(closed_at=NOW - 2 * YEAR)
    await _technical(timedelta(days=3))
    shorter = replace(settings, retention_closed_years=1, retention_technical_days=2)
    counts = await apply_retention(shorter, NOW)
    assert counts["circles"] == 1 and counts["attempts"] == 1
    assert not await Circle.filter(id=world.circle.id).exists()


async def test_the_worker_runs_it_once_a_day_at_night(app, settings):
    afternoon = datetime(2026, 11, 29, 15, 0, tzinfo=UTC)
    due, key = next_run(afternoon, settings)
    assert (due, key) == (datetime(2026, 11, 30, 2, 0, tzinfo=UTC), "retention:2026-11-30")
    assert next_run(afternoon.replace(hour=1), settings)[0] == afternoon.replace(hour=2)
    summer = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    assert next_run(summer, settings)[0] == datetime(2026, 7, 2, 1, 0, tzinfo=UTC)
    await queue.enqueue("retention", {}, run_at=NOW, dedupe_key=key)
    assert await queue.enqueue("retention", {}, run_at=NOW, dedupe_key=key) is None
    job = await queue.claim()
    assert job is not None and job.kind == "retention"
    await run_one(job, settings, I18n())
    assert await RecordsEvent.filter(action="retention").count() == 1
    assert (await Job.get(id=job.id)).done_at is not None
