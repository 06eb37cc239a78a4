"""The plan as the circle's team works on it: every item they may see, with the
family's answers, disagreements flagged until someone responds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from uuid import UUID

import anyio
from tortoise.transactions import in_transaction

from server.auth.actor import Actor
from server.circles.access import team_place
from server.contributions.reading import record_reads_of
from server.errors import NotFound
from server.plans import escalation
from server.plans.answers import with_answers
from server.plans.models import Plan, PlanAnswer, PlanVersion
from server.plans.reading import ItemData, hidden_from, render
from server.plans.schemas import PlanItemOut, PlanOut
from server.plans.service import item_for_team
from server.sharing import family_words

Gettext = Callable[[str], str]
#: Plans are built four at a time in a web process. A plan of 500 items holds a
#: megabyte or two of objects while it is built; 64 people opening it at once held
#: them all (a process's peak memory went from 133 MB to 220 MB), though the
#: process's one core builds them one after another anyway.
BUILDING = anyio.CapacityLimiter(4)


async def team_plan(
    actor: Actor, circle_id: UUID, gettext: Gettext, answers: bool = True
) -> PlanOut:
    """The working plan; with the family's answers unless they are not shown
    (the print view), so a comment is only recorded as read where it is."""
    await team_place(actor, circle_id)
    plan = await Plan.get_or_none(circle_id=circle_id)
    if plan is None:
        return PlanOut(circle_id=circle_id, published_version=None, items=[])
    latest = await PlanVersion.filter(plan=plan).order_by("-number").first()
    async with BUILDING:
        data = await ItemData.of_plan(plan.id)
        shown = await render(actor, data, gettext, plan.id)
        async with in_transaction():  # what this read records in the audit, committed once
            if answers:
                await with_answers(actor, shown, gettext, plan.id)
            await audit_quotes(actor, shown)
        return PlanOut(
            circle_id=circle_id,
            published_version=latest.number if latest else None,
            published_at=latest.published_at if latest else None,
            items=shown,
            hidden=await hidden_from(data, shown, gettext),
        )


async def audit_quotes(actor: Actor, items: list[PlanItemOut]) -> None:
    """Family words a practitioner was shown are reads, like any other. A quote
    shows words only as the sharing policy let `render` have them (readable, or a
    withdrawn marker with no words), so its words shown are the reads."""
    if actor.practitioner is None:
        return
    reads = [
        (item.quote._circle_id, item.quote.source_id)
        for item in items
        if item.quote is not None and item.quote.text is not None
    ]
    await record_reads_of(actor.practitioner.id, reads)


async def _answer_for_team(actor: Actor, answer_id: UUID) -> tuple[PlanAnswer, UUID]:
    """The answer, and its circle, if this actor is on the circle's team."""
    answer = await family_words.answer_with_id(answer_id)
    if answer is None:
        raise NotFound()
    item = await item_for_team(actor, answer.item_id)
    return answer, item.plan.circle_id


async def respond(actor: Actor, answer_id: UUID, text: str) -> PlanAnswer:
    """Listening back: a response clears the disagreement flag."""
    answer, _ = await _answer_for_team(actor, answer_id)
    answer.response = text.strip()
    answer.responded_at = datetime.now(UTC)
    answer.responded_by = actor.practitioner
    await answer.save(update_fields=["response", "responded_at", "responded_by_id"])
    return answer


async def escalate(actor: Actor, answer_id: UUID, base_url: str) -> PlanAnswer:
    """The lead (or anyone on the team) raises a disagreement with the named
    manager of the lead's team (server.plans.escalation)."""
    answer, circle_id = await _answer_for_team(actor, answer_id)
    assert actor.practitioner is not None  # only a team member gets this far
    return await escalation.send(answer, circle_id, base_url, by=actor.practitioner)


async def version_items(
    actor: Actor, circle_id: UUID, number: int
) -> tuple[PlanVersion, list[ItemData]]:
    await team_place(actor, circle_id)
    version = await PlanVersion.get_or_none(plan__circle_id=circle_id, number=number)
    if version is None:
        raise NotFound()
    return version, [ItemData.published(data) for data in version.snapshot["items"]]
