"""The moments that tell someone something is new. Each queues a job; the
worker sends it. Keys make every trigger safe to fire twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.circles.models import FamilyMember, TeamMember
from server.contributions.models import Contribution
from server.jobs import queue
from server.jobs.models import Job
from server.meetings.models import Meeting, ViewRequest
from server.notifications.service import notify
from server.organisations.models import Practitioner
from server.sharing import family_words

REMINDER_DAYS = (3, 1)
#: How long after a meeting starts its family is asked "How was it for you?" on their
#: phones (most meetings are over by then; the question is on their home from the start).
CHECK_IN_AFTER = timedelta(hours=2)


async def views_requested(meeting: Meeting, members: list[FamilyMember]) -> None:
    now = datetime.now(UTC)
    for member in members:
        await notify(member, "views_requested", key=f"views:{meeting.id}")
        for days in REMINDER_DAYS:
            when = meeting.starts_at - timedelta(days=days)
            if when > now:
                await queue.enqueue(
                    "meeting_reminder",
                    {"meeting": str(meeting.id), "member": str(member.id)},
                    run_at=when,
                    dedupe_key=f"reminder:{meeting.id}:{member.id}:{days}",
                )


async def meeting_scheduled(meeting: Meeting) -> None:
    await queue.enqueue(
        "check_in",
        {"meeting": str(meeting.id)},
        run_at=meeting.starts_at + CHECK_IN_AFTER,
        dedupe_key=f"check-in:{meeting.id}",
    )


async def run_check_in(job: Job) -> None:
    """After a meeting, each family member of its open circle who was in the circle
    by then, and has not answered yet, is asked how it was for them."""
    meeting = await Meeting.get_or_none(id=job.payload["meeting"], circle__closed_at=None)
    if meeting is None:
        return
    answered = await family_words.checked_in(meeting.id)
    for member in await FamilyMember.filter(
        circle_id=meeting.circle_id, removed_at=None, created_at__lte=meeting.starts_at
    ):
        if member.id not in answered:
            await notify(member, "check_in", key=f"check-in:{meeting.id}")


async def plan_published(circle_id: object, version_id: object) -> None:
    for member in await FamilyMember.filter(circle_id=circle_id, removed_at=None):
        await notify(member, "plan_published", key=f"plan:{version_id}")


async def contribution_shared(contribution: Contribution) -> None:
    """Tell the practitioners who may now read it (never what it says). A closed
    circle's team reads nothing new, so is told nothing."""
    for practitioner in await family_words.practitioners_who_may_read(contribution):
        await notify(
            practitioner, "shared_with_you", key=f"shared:{contribution.id}:{contribution.audience}"
        )


async def _open_circles_lead(circle_id: object) -> Practitioner | None:
    lead = await TeamMember.get_or_none(
        circle_id=circle_id, is_lead=True, circle__closed_at=None
    ).select_related("practitioner")
    return lead.practitioner if lead is not None else None


async def need_to_talk(circle_id: object, request_id: object) -> None:
    lead = await _open_circles_lead(circle_id)
    if lead is not None:
        await notify(lead, "urgent", key=f"urgent:{request_id}")


async def need_to_talk_team(circle_id: object, request_id: object) -> None:
    """They chose "my meeting": everyone on the open circle's team is told too."""
    for place in await TeamMember.filter(
        circle_id=circle_id, circle__closed_at=None
    ).select_related("practitioner"):
        await notify(place.practitioner, "urgent", key=f"urgent:{request_id}")


async def sign_in_trouble(circle_id: object, pause_id: object) -> Practitioner | None:
    """Someone in the circle keeps getting their PIN wrong: its lead is told, if the
    circle is open; returns who was told."""
    lead = await _open_circles_lead(circle_id)
    if lead is not None:
        await notify(lead, "sign_in_trouble", key=f"sign-in-trouble:{pause_id}")
    return lead


async def run_meeting_reminder(job: Job) -> None:
    """Remind a member who was asked and has not shared anything yet (never in a
    closed circle: nobody there reads what they would share)."""
    meeting = await Meeting.get_or_none(id=job.payload["meeting"], circle__closed_at=None)
    asked = await ViewRequest.get_or_none(
        meeting_id=job.payload["meeting"], member_id=job.payload["member"]
    ).select_related("member")
    if meeting is None or asked is None or meeting.starts_at <= datetime.now(UTC):
        return
    if not await family_words.has_shared_since(asked.member_id, meeting.id, asked.created_at):
        await notify(asked.member, "meeting_reminder", key=job.dedupe_key or f"job:{job.id}")
