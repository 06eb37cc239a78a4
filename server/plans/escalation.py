"""Escalation leads somewhere: a disagreement goes to a named manager — the
manager of the circle lead's team — who answers in words. The family member
who disagreed, or the lead, may send it; only that manager answers. With no
manager named, it is refused plainly rather than sent to nobody: a partnership
administrator administers and is not in the line of casework, so is not a
stand-in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from uuid import UUID

from server.audit.service import record
from server.auth.actor import Actor
from server.circles.closure import ensure_open
from server.circles.models import FamilyMember, TeamMember
from server.email.service import queue_email
from server.errors import Conflict, Forbidden, NotFound
from server.i18n import N_
from server.notifications.service import notify
from server.organisations.models import Practitioner, Role
from server.organisations.service import manager_of
from server.plans.labels import WHERE_LABELS
from server.plans.models import Answer, PlanAnswer, Where
from server.sharing import family_words

Gettext = Callable[[str], str]
OVERSIGHT_PATH = "/#/oversight"


class NoManager(Conflict):
    code = "no-manager"
    title = N_(
        "No manager is named for this team yet, so this cannot go to a manager. "
        "The worker can still answer."
    )


class NotADisagreement(Conflict):
    code = "not-a-disagreement"
    title = N_("Only a disagreement can go to a manager.")


def where(answer: PlanAnswer) -> Where | None:
    """Where a disagreement stands; None for agree and not sure."""
    if answer.answer is not Answer.DISAGREE:
        return None
    if answer.manager_answered_at is not None:
        return Where.ANSWERED
    if answer.escalated_at is not None:
        return Where.WITH_MANAGER
    return Where.ANSWERED if answer.responded_at is not None else Where.WITH_WORKER


def where_label(place: Where | None, manager: str | None, gettext: Gettext) -> str | None:
    if place is None:
        return None
    if place is Where.WITH_MANAGER and manager is None:
        return gettext(N_("With a manager"))
    return gettext(WHERE_LABELS[place]).format(name=manager)


async def manager_names(answers: list[PlanAnswer]) -> dict[UUID, str]:
    """The names of the managers these answers went to."""
    ids = {answer.escalated_to_id for answer in answers if answer.escalated_to_id}
    if not ids:
        return {}
    return {p.id: p.name for p in await Practitioner.filter(id__in=ids).only("id", "name")}


async def named_manager(circle_id: UUID) -> Practitioner | None:
    """The manager of the team the circle's lead works in, if one is named."""
    lead = await TeamMember.get_or_none(circle_id=circle_id, is_lead=True).select_related(
        "practitioner"
    )
    return await manager_of(lead.practitioner) if lead is not None else None


async def send(
    answer: PlanAnswer, circle_id: UUID, base_url: str, *, by: Practitioner | FamilyMember
) -> PlanAnswer:
    """Sends the disagreement to the named manager (once), who is told by push and
    by an email that carries a link and nothing of the family's."""
    if answer.escalated_at is not None and answer.escalated_to_id is not None:
        return answer
    manager = await named_manager(circle_id)
    if manager is None:
        raise NoManager()
    answer.escalated_at = answer.escalated_at or datetime.now(UTC)
    answer.escalated_to = manager
    if isinstance(by, FamilyMember):
        answer.escalated_by_member = by
        await record("disagreement_escalated", member=by, circle_id=circle_id, subject=answer)
    else:
        answer.escalated_by = by
        await record("disagreement_escalated", practitioner=by, subject=answer)
    await answer.save(
        update_fields=[
            "escalated_at",
            "escalated_to_id",
            "escalated_by_id",
            "escalated_by_member_id",
        ]
    )
    await notify(manager, "escalated", key=f"escalated:{answer.id}")
    await queue_email(
        manager.email, "escalated", manager.locale, link=base_url.rstrip("/") + OVERSIGHT_PATH
    )
    return answer


async def from_family(actor: Actor, answer_id: UUID, base_url: str) -> PlanAnswer:
    """A family member takes their own disagreement to a manager."""
    member = actor.member
    if member is None:
        raise Forbidden()
    answer = await family_words.own_answers(actor).get_or_none(id=answer_id)
    if answer is None:
        raise NotFound()
    await ensure_open(member)  # nobody on a closed circle's team reads anything new
    if answer.answer is not Answer.DISAGREE:
        raise NotADisagreement()
    return await send(answer, member.circle_id, base_url, by=member)


async def _may_answer(manager: Practitioner, answer: PlanAnswer, circle_id: UUID) -> bool:
    if manager.role is not Role.TEAM_MANAGER or not manager.is_active:
        return False
    if answer.escalated_to_id == manager.id:
        return True
    now_named = await named_manager(circle_id)  # the team's manager may have changed
    return now_named is not None and now_named.id == manager.id


async def answer_as_manager(actor: Actor, answer_id: UUID, text: str) -> PlanAnswer:
    """The named manager answers in words; the family member and the circle's
    team read it beside the disagreement. Anyone else: not found."""
    if actor.practitioner is None:
        raise Forbidden()
    answer = await family_words.answer_with_id(answer_id)
    if answer is None or answer.escalated_at is None:
        raise NotFound()
    member = await FamilyMember.get(id=answer.member_id)
    if not await _may_answer(actor.practitioner, answer, member.circle_id):
        raise NotFound()
    answer.manager_answer = text.strip()
    answer.manager_answered_at = datetime.now(UTC)
    answer.manager_answered_by = actor.practitioner
    await answer.save(
        update_fields=["manager_answer", "manager_answered_at", "manager_answered_by_id"]
    )
    await record(
        "escalation_answered",
        practitioner=actor.practitioner,
        circle_id=member.circle_id,
        subject=answer,
    )
    await notify(member, "manager_answered", key=f"manager-answered:{answer.id}")
    return answer
