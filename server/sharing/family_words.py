"""The only door to what family members write: every query on contributions and
on plan answers (whose comments are family words) is here, built from the rules in
`sharing.policy`. No other module filters, gets or lists those rows; a test
(tests/sharing/test_only_door.py) fails if one does.

A *draft* is a contribution only its author can see ("just me")."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast
from uuid import UUID

from tortoise.expressions import Q, Subquery
from tortoise.functions import Count, Max
from tortoise.queryset import QuerySet

from server.auth.actor import Actor
from server.checkins.models import CheckIn
from server.circles.models import TeamMember
from server.contributions.models import Audience, Contribution
from server.organisations.models import Practitioner
from server.plans.models import Answer, PlanAnswer, PlanItem
from server.review.sql import Frame, window_sums
from server.sharing import policy

DRAFT = Audience.JUST_ME


def is_draft(contribution: Contribution) -> bool:
    return contribution.audience is DRAFT


def is_shared(contribution: Contribution) -> bool:
    """Shared with someone, and not withdrawn."""
    return not is_draft(contribution) and contribution.withdrawn_at is None


# --- Contributions -------------------------------------------------------------


def own(actor: Actor) -> QuerySet[Contribution]:
    """The actor's own words, as far as this phone may open them."""
    return Contribution.filter(policy.own_contributions(actor))


async def own_counts(actor: Actor) -> tuple[int, int]:
    """How many of their own words this phone may open, and how many of those are
    shared (not drafts, not withdrawn), counted in one query."""
    shared = Q(withdrawn_at=None) & ~Q(audience=DRAFT)
    counted = (
        await own(actor)
        .annotate(total=Count("id"), shared=Count("id", _filter=shared))
        .values("total", "shared")
    )
    row = counted[0] if counted else {}
    return int(row.get("total") or 0), int(row.get("shared") or 0)


async def readable(actor: Actor) -> QuerySet[Contribution]:
    """Words this actor may read."""
    return Contribution.filter(await policy.readable_contributions(actor))


async def readable_or_withdrawn(actor: Actor) -> QuerySet[Contribution]:
    """Words this actor may read, and dated markers of those withdrawn from them."""
    return Contribution.filter(
        (await policy.readable_contributions(actor)) | (await policy.withdrawn_markers(actor))
    )


async def quotable(actor: Actor) -> QuerySet[Contribution]:
    """Where words are used (a plan): readable, or a withdrawn marker."""
    return Contribution.filter(await policy.quotable_contributions(actor))


async def same_id(contribution_id: UUID) -> Contribution | None:
    """Any contribution with this id, only to tell a repeated create (the phone
    sent it again) from a clash of ids: its words are compared, never shown."""
    return await Contribution.get_or_none(id=contribution_id)


async def save_edit(
    actor: Actor, contribution_id: UUID, version: int, changes: dict[str, Any]
) -> bool:
    """Replaces the author's own item only at the version the edit was made from."""
    saved = await own(actor).filter(id=contribution_id, version=version).update(**changes)
    return bool(saved)


async def has_shared_since(member_id: Any, meeting_id: Any, since: datetime) -> bool:
    """Whether a member shared something for this meeting, or for no meeting in
    particular since `since` (when they were asked)."""
    return meeting_id in await meetings_answered(member_id, {meeting_id: since})


async def meetings_answered(member_id: Any, asked: dict[Any, datetime]) -> set[Any]:
    """Of the meetings a member was asked about (meeting id: when asked), those they
    have answered: they shared something (not a draft, not withdrawn) for the
    meeting, or for no meeting in particular after they were asked. One query: the
    latest words shared for each of these meetings, and for no meeting."""
    if not asked:
        return set()
    shared = (
        await Contribution.filter(
            Q(meeting_id__in=list(asked)) | Q(meeting_id=None, created_at__gte=min(asked.values())),
            author_id=member_id,
            withdrawn_at=None,
        )
        .exclude(audience=DRAFT)
        .annotate(latest=Max("created_at"))
        .group_by("meeting_id")
        .values_list("meeting_id", "latest")
    )
    latest = dict(shared)
    unlinked = latest.pop(None, None)
    return {
        meeting
        for meeting, since in asked.items()
        if meeting in latest or (unlinked is not None and unlinked >= since)
    }


async def audiences_of(ids: Iterable[UUID]) -> dict[UUID, tuple[UUID, Audience]]:
    """The other reverse question, for a plan that holds words a reader may not
    see: each one's circle and audience (never its words), so the reader is told
    an item is there and for whom. Withdrawn words are no longer anyone's."""
    rows = await Contribution.filter(id__in=list(ids), withdrawn_at=None).values_list(
        "id", "circle_id", "audience"
    )
    return {row[0]: (row[1], Audience(row[2])) for row in rows}


async def practitioners_who_may_read(contribution: Contribution) -> list[Practitioner]:
    """The reverse question, for notifications: who on the team may read it now.
    A closed circle's team reads nothing, so is nobody."""
    if not is_shared(contribution):
        return []
    places = TeamMember.filter(
        circle_id=contribution.circle_id, circle__closed_at=None
    ).select_related("practitioner")
    return [
        place.practitioner
        for place in await places
        if policy.practitioner_may_read(contribution.audience, is_lead=place.is_lead)
    ]


# --- Check-ins after a meeting (their answers and words are the family's) -------


async def checked_in(meeting_id: Any) -> set[UUID]:
    """Who has answered "How was it for you?" for a meeting (never what they said)."""
    answered = await CheckIn.filter(meeting_id=meeting_id).values_list("member_id", flat=True)
    return {cast(UUID, member_id) for member_id in answered}


def own_check_ins(actor: Actor) -> QuerySet[CheckIn]:
    return CheckIn.filter(policy.own_check_ins(actor))


async def save_check_in(actor: Actor, meeting_id: UUID, values: dict[str, Any]) -> CheckIn:
    """Saves (or replaces) the actor's own check-in for a meeting. One they wrote
    before joining again on a new phone stays locked, so it is replaced, not shown."""
    assert actor.member is not None
    saved, _ = await CheckIn.update_or_create(
        values, meeting_id=meeting_id, member_id=actor.member.id
    )
    return saved


async def readable_check_ins(actor: Actor) -> QuerySet[CheckIn]:
    """Check-ins this actor may read: their own, or those shared with them."""
    return CheckIn.filter(await policy.readable_check_ins(actor))


# --- Plan answers (their comments are family words) ------------------------------


def own_answers(actor: Actor) -> QuerySet[PlanAnswer]:
    return PlanAnswer.filter(policy.own_answers(actor))


async def answer_ids_readable(actor: Actor, ids: Iterable[UUID]) -> set[UUID]:
    """Of these answers, those whose comment this actor may read."""
    return await _answer_ids(await policy.readable_answer_comments(actor), ids)


async def answer_ids_withdrawn_from(actor: Actor, ids: Iterable[UUID]) -> set[UUID]:
    """Of these answers, those whose comment was withdrawn from this actor."""
    return await _answer_ids(await policy.withdrawn_comment_markers(actor), ids)


async def _answer_ids(rule: Q, ids: Iterable[UUID]) -> set[UUID]:
    # Tortoise types values_list(flat=True) as tuples; each is one answer id.
    found = await PlanAnswer.filter(rule, id__in=list(ids)).values_list("id", flat=True)
    return set(cast("list[UUID]", found))


def answers_to(item_ids: list[UUID] | Subquery) -> QuerySet[PlanAnswer]:
    """Answers to these plan items. Their choices are the team's to see; their
    comments are shown only as far as `answer_ids_readable` allows."""
    return PlanAnswer.filter(item_id__in=item_ids)


async def answer_with_id(answer_id: UUID) -> PlanAnswer | None:
    """One answer, for the team to respond to or escalate; its comment is shown
    only as far as `answer_ids_readable` allows."""
    return await PlanAnswer.get_or_none(id=answer_id)


# --- Voice coverage: counting, never reading -------------------------------------


async def shared_counts(
    circle_id: Any, meeting_id: Any, since: datetime | None, until: datetime
) -> dict[UUID, int]:
    """How many items each family member shared (with anyone, still shared) for
    this meeting, or for no meeting in particular between `since` and `until`."""
    loose = Q(meeting_id=None, created_at__lt=until)
    if since is not None:
        loose &= Q(created_at__gte=since)
    rows = (
        await Contribution.filter(Q(meeting_id=meeting_id) | loose, circle_id=circle_id)
        .filter(withdrawn_at=None)
        .exclude(audience=DRAFT)
        .group_by("author_id")
        .annotate(shared=Count("id"))
        .values_list("author_id", "shared")
    )
    return {author: shared for author, shared in rows}


async def quoted_in_plan(circle_id: Any, until: datetime) -> dict[str, int]:
    """How many plan items quoted family words by `until`, by the author's role."""
    rows = (
        await PlanItem.filter(plan__circle_id=circle_id, created_at__lt=until)
        .filter(source_id__isnull=False)
        .annotate(quoted=Count("id"))
        .group_by("source__author__role")
        .values_list("source__author__role", "quoted")
    )
    return {str(role): quoted for role, quoted in rows}


async def disagreements(circle_id: Any, since: datetime | None, until: datetime) -> tuple[int, int]:
    """Disagreements with the plan raised between `since` and `until`, and how
    many of them the team answered."""
    raised = PlanAnswer.filter(
        item__plan__circle_id=circle_id, answer=Answer.DISAGREE, created_at__lt=until
    )
    if since is not None:
        raised = raised.filter(created_at__gte=since)
    return await raised.count(), await raised.filter(responded_at__isnull=False).count()


def escalations_waiting(circle_ids: Iterable[UUID]) -> QuerySet[PlanAnswer]:
    """Disagreements sent to a manager and not yet answered, in these circles: the
    choice is for the manager to see; a comment only as far as
    `answer_ids_readable` allows."""
    return PlanAnswer.filter(
        item__plan__circle_id__in=list(circle_ids),
        escalated_at__isnull=False,
        manager_answered_at=None,
    )


# --- The annual review: counting in the database, never reading ------------------


async def review_young_words(frame: Frame) -> list[dict[str, Any]]:
    """Meetings held in circles with a young person or child, and how many of
    them had the plan quote a young person's or child's own words by then."""
    young = "('young_person', 'child')"
    quoted = f"""EXISTS (SELECT 1 FROM plan_item pi JOIN plan p ON p.id = pi.plan_id
JOIN contribution k ON k.id = pi.source_id JOIN family_member a ON a.id = k.author_id
WHERE p.circle_id = m.circle_id AND a.role IN {young} AND pi.created_at < m.starts_at)"""
    return await frame.grouped(
        table="meeting m",
        circle="m.circle_id",
        at="m.starts_at",
        sums=f"COUNT(*) AS base, SUM(CASE WHEN {quoted} THEN 1 ELSE 0 END) AS quoted",
        more_where=f""" AND EXISTS (SELECT 1 FROM family_member y WHERE y.circle_id = m.circle_id
AND y.role IN {young} AND y.created_at < m.starts_at)""",
    )


async def review_check_in_windows(frame: Frame) -> list[dict[str, Any]]:
    """Family check-ins with a window, by where they sit (the window only,
    whoever they were shared with: no answer and no word leaves the database)."""
    return await frame.grouped(
        table="check_in ci JOIN meeting m ON m.id = ci.meeting_id",
        circle="m.circle_id",
        at="m.starts_at",
        sums=window_sums("ci"),
        more_where=' AND ci."window" IS NOT NULL',
    )


async def review_disagreements(frame: Frame) -> list[dict[str, Any]]:
    """Disagreements with the plan raised, how many the team answered, the hours
    it took, and how many went to a manager."""
    hours = frame.hours("a.created_at", "a.responded_at")
    return await frame.grouped(
        table="plan_answer a JOIN plan_item pi ON pi.id = a.item_id JOIN plan p ON p.id = pi.plan_id",
        circle="p.circle_id",
        at="a.created_at",
        sums=f"""COUNT(*) AS base,
SUM(CASE WHEN a.responded_at IS NOT NULL THEN 1 ELSE 0 END) AS answered,
SUM(CASE WHEN a.responded_at IS NOT NULL THEN {hours} ELSE 0 END) AS hours,
SUM(CASE WHEN a.escalated_at IS NOT NULL THEN 1 ELSE 0 END) AS escalated""",
        more_where=" AND a.answer = 'disagree'",
    )


# --- Records management: counting and erasing, never reading -------------------


async def count_in_circles(circle_ids: Iterable[Any]) -> dict[str, int]:
    """How many items and plan answers the families of these circles wrote."""
    ids = list(circle_ids)
    return {
        "contributions": await Contribution.filter(circle_id__in=ids).count(),
        "check_ins": await CheckIn.filter(circle_id__in=ids).count(),
        "plan_answers": await PlanAnswer.filter(item__plan__circle_id__in=ids).count(),
    }


async def erase_words_of(member_id: Any) -> tuple[dict[str, int], list[str]]:
    """Deletes everything a family member wrote: their items (with the plan items
    that quoted them) and their plan answers. Returns the counts, and the ids of
    what was deleted, so copies elsewhere (kept answers) can be found."""
    items = Contribution.filter(author_id=member_id)
    item_ids = [str(ident) for ident in await items.values_list("id", flat=True)]
    answers = PlanAnswer.filter(member_id=member_id)
    answer_ids = [str(ident) for ident in await answers.values_list("id", flat=True)]
    quoting = PlanItem.filter(source_id__in=item_ids)
    counts = {
        "contributions": len(item_ids),
        "plan_answers": len(answer_ids),
        "plan_items_quoting": await quoting.count(),
    }
    counts["check_ins"] = await CheckIn.filter(member_id=member_id).delete()
    await quoting.delete()
    await answers.delete()
    await items.delete()
    return counts, item_ids + answer_ids
