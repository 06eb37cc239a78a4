"""'Download everything I wrote': a plain-text file a family member can read,
with who each thing was shared with and every change they made, and their
answers to the plan."""

from __future__ import annotations

from datetime import UTC, datetime

from server.auth.actor import Actor
from server.auth.phones import phone_events
from server.checkins.models import CheckIn
from server.checkins.questions import FACE_LABELS, FAMILY_QUESTIONS, Face, Question
from server.contributions.labels import AUDIENCE_LABELS, scale_question_text
from server.contributions.reading import for_author
from server.contributions.schemas import ContributionOut, ReadBy
from server.contributions.service import author_of
from server.i18n import N_, Wording
from server.plans.family import my_answers
from server.plans.schemas import AnswerOut, PlanItemOut
from server.sharing import family_words


def _sharing(withdrawn_at: datetime | None, audience_label: str, words: Wording) -> str:
    if withdrawn_at:
        return "   " + words.gettext(N_("You stopped sharing this on {date}.")).format(
            date=words.when(withdrawn_at)
        )
    return "   " + words.gettext(N_("Who can see it now: {audience}")).format(
        audience=audience_label
    )


def _read_by(reads: list[ReadBy], words: Wording) -> list[str]:
    return [
        "   "
        + words.gettext(N_("Read by {name} ({label}) on {date}")).format(
            name=read.name, label=read.label, date=words.when(read.at)
        )
        for read in reads
    ]


def _entry(number: int, item: ContributionOut, words: Wording) -> list[str]:
    lines = [f"{number}. {item.kind_label} — {words.when(item.created_at)}"]
    if item.scale_value is not None:
        question = scale_question_text(item.scale_question, words.gettext)
        lines.append(f"   {question}: {item.scale_value}/10")
    for line in item.text.splitlines() or [""]:
        lines.append(f"   {line}")
    lines.append(_sharing(item.withdrawn_at, words.gettext(AUDIENCE_LABELS[item.audience]), words))
    lines.append("   " + words.gettext(N_("Changes:")))
    lines += [f"     - {words.when(c.at)}: {c.summary}" for c in item.history]
    return [*lines, *_read_by(item.read_by, words), ""]


def _plan_item(item: PlanItemOut | None, words: Wording) -> str:
    if item is None:
        return words.gettext(N_("A part of the plan you cannot see now"))
    quote = item.quote
    if quote is None:
        said = item.text or ""
    elif quote.text is None:
        assert quote.withdrawn_at is not None  # a Quote loses its text only when withdrawn
        said = words.gettext(N_("The writer took these words back on {date}")).format(
            date=words.when(quote.withdrawn_at)
        )
    else:
        said = (
            words.gettext(N_("In {name}'s words")).format(name=quote.author_name)
            + ": "
            + quote.text
        )
    return f"{item.section_label}: {said}"


def _answer(number: int, item: PlanItemOut | None, answer: AnswerOut, words: Wording) -> list[str]:
    lines = [
        f"{number}. {_plan_item(item, words)} — {words.when(answer.at)}",
        "   " + words.gettext(N_("Your answer: {answer}")).format(answer=answer.answer_label),
    ]
    lines += [f"   {line}" for line in (answer.comment or "").splitlines()]
    lines.append(_sharing(answer.comment_withdrawn_at, answer.audience_label, words))
    return [*lines, *_read_by(answer.read_by, words), ""]


def _check_in(number: int, item: CheckIn, words: Wording) -> list[str]:
    lines = [f"{number}. {words.when(item.created_at)}"]
    for question in Question:
        face = getattr(item, question.value)
        if face is not None:
            asked = words.gettext(FAMILY_QUESTIONS[question])
            lines.append(f"   {asked} {words.gettext(FACE_LABELS[Face(face)])}")
    lines += [f"   {line}" for line in item.anything_else.splitlines()]
    lines.append(_sharing(None, words.gettext(AUDIENCE_LABELS[item.audience]), words))
    return [*lines, ""]


PHONE_EVENTS = {
    "code_made": N_("{name} made an invitation code for you."),
    "joined": N_("A phone joined Alongside as you."),
    "joined_fresh": N_(
        "A phone joined Alongside as you, without your old secret number, so your earlier words stayed locked."
    ),
    "signed_out": N_("A phone was signed out because you joined on another phone."),
}


async def my_data(actor: Actor, words: Wording) -> str:
    member = author_of(actor)
    items = await for_author(await family_words.own(actor).order_by("created_at"), words.gettext)
    lines = [
        words.gettext(N_("Everything I wrote in Alongside")),
        words.gettext(N_("Name: {name}")).format(name=member.name),
        words.gettext(N_("Downloaded on {date}")).format(date=words.when(datetime.now(UTC))),
        "",
    ]
    if not items:
        lines.append(words.gettext(N_("You have not written anything yet.")))
    for number, item in enumerate(items, start=1):
        lines += _entry(number, item, words)
    answers = await my_answers(actor, words.gettext)
    if answers:
        lines += ["", words.gettext(N_("My answers about the plan")), ""]
    for number, (plan_item, answer) in enumerate(answers, start=1):
        lines += _answer(number, plan_item, answer, words)
    check_ins = await family_words.own_check_ins(actor).order_by("created_at")
    if check_ins:
        lines += ["", words.gettext(N_("My check-ins after meetings")), ""]
    for number, check_in in enumerate(check_ins, start=1):
        lines += _check_in(number, check_in, words)
    lines += ["", words.gettext(N_("My phones and invitation codes")), ""]
    lines += [
        f"- {words.when(event.at)}: "
        + words.gettext(PHONE_EVENTS[event.kind]).format(name=event.by)
        for event in await phone_events(member)
    ]
    return "\n".join(lines) + "\n"
