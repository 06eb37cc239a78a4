"""Family members' answers to the plan, as one reader may see them. The choice
(agree / not sure / disagree) is for the whole team; the comment is the member's
own words, shown only through the sharing policy. Every practitioner read of a
comment is audited, and its author sees who read it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from uuid import UUID

from server.audit.service import record_reads
from server.auth.actor import Actor
from server.circles.models import TeamMember
from server.contributions.labels import AUDIENCE_LABELS
from server.contributions.reading import read_by
from server.contributions.schemas import ReadBy
from server.i18n import N_
from server.plans import escalation
from server.plans.labels import ANSWER_LABELS
from server.plans.models import Answer, PlanAnswer
from server.plans.reading import latest_answers
from server.plans.schemas import AnswerOut, PlanItemOut
from server.sharing import family_words

Gettext = Callable[[str], str]
READ_COMMENT = "read_plan_answer_comment"
COMMENT_FOR = N_("A comment for {name} only")
COMMENT_FOR_THE_WORKER = N_("A comment for their worker only")


@dataclass
class _Access:
    """What one reader may see of some answers' comments."""

    readable: set[UUID] = field(default_factory=set)
    markers: set[UUID] = field(default_factory=set)
    comment_for: str | None = None
    read_by: dict[str, list[ReadBy]] = field(default_factory=dict)
    managers: dict[UUID, str] = field(default_factory=dict)

    def hides(self, answer: PlanAnswer) -> bool:
        return (
            bool(answer.comment)
            and answer.comment_withdrawn_at is None
            and answer.id not in self.readable
        )


async def _comment_for(answers: list[PlanAnswer], gettext: Gettext) -> str:
    """Who a comment hidden from this reader is for: only "my worker" comments
    are hidden from a team member, so it names the circle's lead."""
    lead = await TeamMember.get_or_none(
        circle_id=answers[0].member.circle_id, is_lead=True
    ).select_related("practitioner")
    if lead is None:
        return gettext(COMMENT_FOR_THE_WORKER)
    return gettext(COMMENT_FOR).format(name=lead.practitioner.name)


async def _access(actor: Actor, answers: list[PlanAnswer], gettext: Gettext) -> _Access:
    ids = [answer.id for answer in answers]
    access = _Access(
        readable=await family_words.answer_ids_readable(actor, ids),
        markers=await family_words.answer_ids_withdrawn_from(actor, ids),
    )
    access.managers = await escalation.manager_names(answers)
    hidden = [answer for answer in answers if access.hides(answer)]
    if hidden and actor.practitioner is not None:  # a family member is not told of it
        access.comment_for = await _comment_for(hidden, gettext)
    if actor.member is not None:
        own = [a.id for a in answers if a.member_id == actor.member.id and a.comment]
        if own:
            access.read_by = await read_by(own, actor.member.circle_id, gettext, READ_COMMENT)
    return access


def _out(answer: PlanAnswer, access: _Access, gettext: Gettext) -> AnswerOut:
    readable = answer.id in access.readable
    manager = access.managers.get(answer.escalated_to_id) if answer.escalated_to_id else None
    return AnswerOut(
        id=answer.id,
        member_name=answer.member.name,
        answer=answer.answer,
        answer_label=gettext(ANSWER_LABELS[answer.answer]),
        comment=answer.comment if readable else None,
        audience=answer.audience,
        audience_label=gettext(AUDIENCE_LABELS[answer.audience]),
        comment_withdrawn_at=answer.comment_withdrawn_at
        if readable or answer.id in access.markers
        else None,
        comment_for=access.comment_for if access.hides(answer) else None,
        read_by=access.read_by.get(str(answer.id), []),
        at=answer.created_at,
        version_number=answer.version_number,
        flagged=answer.answer is Answer.DISAGREE and answer.responded_at is None,
        response=answer.response,
        responded_at=answer.responded_at,
        escalated_at=answer.escalated_at,
        where=(place := escalation.where(answer)),
        where_label=escalation.where_label(place, manager, gettext),
        manager_name=manager,
        manager_answer=answer.manager_answer,
        manager_answered_at=answer.manager_answered_at,
    )


async def shown(actor: Actor, answers: list[PlanAnswer], gettext: Gettext) -> list[AnswerOut]:
    """These answers (with `member` fetched) as this actor may see them; the
    comments a practitioner is shown are recorded as read."""
    if not answers:
        return []
    access = await _access(actor, answers, gettext)
    if actor.practitioner is not None:
        await record_reads(
            READ_COMMENT,
            actor.practitioner.id,
            [
                (answer.member.circle_id, answer.id)
                for answer in answers
                if answer.comment and answer.id in access.readable
            ],
            "PlanAnswer",
        )
    return [_out(answer, access, gettext) for answer in answers]


async def shown_one(actor: Actor, answer: PlanAnswer, gettext: Gettext) -> AnswerOut:
    await answer.fetch_related("member")
    [out] = await shown(actor, [answer], gettext)
    return out


async def with_answers(
    actor: Actor, items: list[PlanItemOut], gettext: Gettext, plan_id: UUID | None = None
) -> None:
    """Puts each family member's latest answer under the items shown to this
    actor: the team sees every answer; a family member sees their own as
    `my_answer`, and another's only where its comment is for them. `plan_id`
    when the items are that plan's live items."""
    latest = await latest_answers([item.id for item in items], plan_id)
    everyone = [answer for item_answers in latest.values() for answer in item_answers]
    outs = {out.id: out for out in await shown(actor, everyone, gettext)}
    me = actor.member.id if actor.member is not None else None
    for item in items:
        item.answers = []
        for answer in latest.get(item.id, []):
            out = outs[answer.id]
            if answer.member_id == me:
                item.my_answer = out
            elif me is None or out.comment is not None or out.comment_withdrawn_at is not None:
                item.answers.append(out)
