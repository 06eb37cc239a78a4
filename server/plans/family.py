"""The plan as a family member sees it: the latest published version, what
changed since they last looked, their answers, and what became of their words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from uuid import UUID

from server.audit.service import record
from server.auth.actor import Actor
from server.circles.closure import ensure_open
from server.circles.models import FamilyMember
from server.commands import idempotency
from server.contributions.labels import KIND_LABELS
from server.errors import Forbidden, Invalid, NotFound
from server.plans import errors
from server.plans.answers import shown, with_answers
from server.plans.errors import NothingPublished
from server.plans.labels import SECTION_LABELS
from server.plans.models import Plan, PlanAnswer, PlanSeen, PlanVersion
from server.plans.reading import ItemData, render
from server.plans.schemas import (
    AnswerNew,
    AnswerOut,
    Changes,
    FamilyPlanOut,
    PlanItemOut,
    UsedIn,
    YouSaid,
    YouSaidItem,
)
from server.sharing import family_words

Gettext = Callable[[str], str]


def _member(actor: Actor) -> FamilyMember:
    if actor.member is None:
        raise Forbidden()
    return actor.member


async def _versions(actor: Actor) -> tuple[Plan, list[PlanVersion]]:
    plan = await Plan.get_or_none(circle_id=_member(actor).circle_id)
    if plan is None:
        raise NothingPublished()
    versions = await PlanVersion.filter(plan=plan).order_by("number")
    if not versions:
        raise NothingPublished()
    return plan, versions


def _items(version: PlanVersion) -> list[ItemData]:
    return [ItemData.published(data) for data in version.snapshot["items"]]


async def _changes(
    actor: Actor,
    plan: Plan,
    versions: list[PlanVersion],
    now_shown: list[PlanItemOut],
    gettext: Gettext,
) -> Changes:
    seen = await PlanSeen.get_or_none(plan=plan, member_id=_member(actor).id)
    before = next((v for v in versions if seen and v.number == seen.version_number), None)
    if before is None or seen is None:
        return Changes(since_version=None, added=[], changed=[], removed=[], withdrawn=[])
    old = {item.id: item for item in _items(before)}
    new = {item.id: item for item in _items(versions[-1])}
    shown_ids = {item.id for item in now_shown}
    removed = await render(actor, [item for key, item in old.items() if key not in new], gettext)
    return Changes(
        since_version=before.number,
        added=[key for key in new if key not in old and key in shown_ids],
        changed=[key for key in new if key in old and old[key] != new[key] and key in shown_ids],
        removed=removed,
        withdrawn=[
            item.id
            for item in now_shown
            if item.quote and item.quote.withdrawn_at and item.quote.withdrawn_at > seen.seen_at
        ],
    )


async def family_plan(actor: Actor, gettext: Gettext) -> FamilyPlanOut:
    plan, versions = await _versions(actor)
    latest = versions[-1]
    items = await render(actor, _items(latest), gettext)
    await with_answers(actor, items, gettext)
    return FamilyPlanOut(
        version=latest.number,
        published_at=latest.published_at,
        items=items,
        changes=await _changes(actor, plan, versions, items, gettext),
    )


async def mark_seen(actor: Actor, version_number: int) -> None:
    plan, versions = await _versions(actor)
    if version_number not in {v.number for v in versions}:
        raise NotFound()
    await PlanSeen.update_or_create(
        plan=plan, member_id=_member(actor).id, defaults={"version_number": version_number}
    )


async def answer(actor: Actor, item_id: UUID, new: AnswerNew, gettext: Gettext) -> PlanAnswer:
    """An answer to an item of the latest version that this person can see."""
    await ensure_open(_member(actor))
    if new.audience is family_words.DRAFT:
        raise Invalid.on("audience", errors.COMMENT_NEEDS_A_READER)
    _, versions = await _versions(actor)
    visible = {item.id: item for item in await render(actor, _items(versions[-1]), gettext)}
    if item_id not in visible:
        raise NotFound()
    quote = visible[item_id].quote
    if quote is not None and quote.withdrawn_at is not None:
        raise errors.WordsWithdrawn()
    created = await PlanAnswer.create(
        item_id=item_id,
        member_id=_member(actor).id,
        version_number=versions[-1].number,
        answer=new.answer,
        comment=new.comment.strip(),
        audience=new.audience,
    )
    return created


async def withdraw_comment(actor: Actor, answer_id: UUID) -> PlanAnswer:
    """The author takes their words back: the choice stays, the comment is
    hidden from everyone else, and those who could read it see when it went."""
    member = _member(actor)
    answer = await family_words.own_answers(actor).get_or_none(id=answer_id)
    if answer is None:
        raise NotFound()
    if answer.comment_withdrawn_at is None:
        if not answer.comment:
            raise errors.NoComment()
        answer.comment_withdrawn_at = datetime.now(UTC)
        await answer.save(update_fields=["comment_withdrawn_at"])
        await record(
            "plan_answer_comment_withdrawn",
            member=member,
            circle_id=member.circle_id,
            subject=answer,
        )
        await idempotency.forget_words_about(member.id, answer.id, gone=True)
    return answer


async def you_said(actor: Actor, gettext: Gettext) -> YouSaid:
    """Each of my contributions, and where the latest plan uses it."""
    _member(actor)
    mine = await family_words.own(actor).order_by("created_at")
    used: dict[UUID, list[UsedIn]] = {}
    try:
        _, versions = await _versions(actor)
        for item in _items(versions[-1]):
            if item.source_id:
                used.setdefault(item.source_id, []).append(
                    UsedIn(
                        section_label=gettext(SECTION_LABELS[item.section]),
                        version=versions[-1].number,
                    )
                )
    except NothingPublished:
        pass
    return YouSaid(
        items=[
            YouSaidItem(
                contribution_id=c.id,
                kind_label=gettext(KIND_LABELS[c.kind]),
                text=c.text,
                used_in=[] if c.withdrawn_at else used.get(c.id, []),
                withdrawn_at=c.withdrawn_at,
            )
            for c in mine
        ]
    )


async def my_answers(actor: Actor, gettext: Gettext) -> list[tuple[PlanItemOut | None, AnswerOut]]:
    """Every answer I gave, oldest first, each with its plan item as I may see it
    now (None when I no longer may)."""
    _member(actor)
    mine = (
        await family_words.own_answers(actor)
        .select_related("member", "item")
        .order_by("created_at")
    )
    live = {answer.item_id: ItemData.live(answer.item) for answer in mine}
    items = {item.id: item for item in await render(actor, list(live.values()), gettext)}
    return list(
        zip(
            [items.get(answer.item_id) for answer in mine],
            await shown(actor, mine, gettext),
            strict=True,
        )
    )
