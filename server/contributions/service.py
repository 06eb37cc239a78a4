"""The rules for a family member's own contributions: writing, editing drafts,
choosing who sees them, withdrawing. Every change of audience leaves a receipt."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from tortoise.transactions import in_transaction

from server.auth.actor import Actor
from server.circles.closure import ensure_open
from server.circles.models import FamilyMember
from server.commands import idempotency
from server.contributions import errors
from server.contributions.models import (
    Audience,
    AudienceChange,
    Contribution,
    ContributionKind,
)
from server.contributions.schemas import ContributionEdit, ContributionWrite
from server.errors import Forbidden, Invalid, NotFound
from server.meetings.models import Meeting
from server.notifications import triggers
from server.sharing import family_words

CONTENT_FIELDS = ("kind", "text", "scale_question", "scale_value", "meeting_id", "audience")


def _content(item: Contribution | ContributionWrite) -> tuple[str | None, ...]:
    values = (getattr(item, name) for name in CONTENT_FIELDS)
    return tuple(None if value is None else str(value) for value in values)


def author_of(actor: Actor) -> FamilyMember:
    if actor.member is None:
        raise Forbidden()
    return actor.member


async def own(actor: Actor, contribution_id: UUID) -> Contribution:
    """The author's own contribution; to anyone else, the id is simply not found."""
    if actor.member is None:
        raise NotFound()
    found = await family_words.own(actor).get_or_none(id=contribution_id)
    if found is None:
        raise NotFound()
    return found


async def _check_content(
    member: FamilyMember,
    kind: ContributionKind,
    text: str,
    question: str,
    value: int | None,
    meeting_id: UUID | None,
) -> None:
    if kind is ContributionKind.SCALE:
        if value is None:
            raise Invalid.on("scale_value", errors.PICK_A_NUMBER)
        if not question.strip():
            raise Invalid.on("scale_question", errors.ASK_A_QUESTION)
    else:
        if not text.strip():
            raise Invalid.on("text", errors.PLEASE_WRITE)
        if value is not None or question:
            raise Invalid.on("scale_value", errors.ONLY_SCALES)
    if meeting_id is not None and not await Meeting.exists(
        id=meeting_id, circle_id=member.circle_id
    ):
        raise Invalid.on("meeting_id", errors.PICK_YOUR_MEETING)


async def write(actor: Actor, new: ContributionWrite) -> tuple[Contribution, bool]:
    """Saves a new contribution; returns it and whether it was created now.
    The same id with the same content is the same contribution (a retry)."""
    member = author_of(actor)
    existing = await family_words.same_id(new.id)
    if existing is not None:
        same = str(existing.author_id) == str(member.id) and _content(existing) == _content(new)
        if not same:
            raise errors.ChangedElsewhere()
        return existing, False
    await ensure_open(member)
    await _check_content(
        member, new.kind, new.text, new.scale_question, new.scale_value, new.meeting_id
    )
    async with in_transaction():
        contribution = await Contribution.create(
            id=new.id,
            circle_id=member.circle_id,
            author_id=member.id,
            kind=new.kind,
            text=new.text,
            scale_question=new.scale_question,
            scale_value=new.scale_value,
            meeting_id=new.meeting_id,
            audience=new.audience,
        )
        await AudienceChange.create(contribution=contribution, to_audience=new.audience)
    await triggers.contribution_shared(contribution)
    return contribution, True


async def edit(actor: Actor, contribution_id: UUID, change: ContributionEdit) -> Contribution:
    contribution = await own(actor, contribution_id)
    if not family_words.is_draft(contribution) or contribution.withdrawn_at:
        raise errors.NotADraft()
    await ensure_open(author_of(actor))
    if change.version != contribution.version:
        raise errors.ChangedElsewhere(current_version=contribution.version)
    updates = change.model_dump(exclude_unset=True, exclude={"version"})
    await _check_content(
        author_of(actor),
        contribution.kind,
        updates.get("text", contribution.text),
        updates.get("scale_question", contribution.scale_question),
        updates.get("scale_value", contribution.scale_value),
        updates.get("meeting_id", contribution.meeting_id),
    )
    # Only the version this edit was made from may be replaced, even if two
    # requests race: the second finds the version moved on.
    saved = await family_words.save_edit(
        actor,
        contribution.id,
        change.version,
        {**updates, "version": change.version + 1, "updated_at": datetime.now(UTC)},
    )
    if not saved:
        raise errors.ChangedElsewhere()
    await idempotency.forget_words_about(contribution.author_id, contribution.id)
    return await family_words.own(actor).get(id=contribution.id)


async def delete_draft(actor: Actor, contribution_id: UUID) -> None:
    contribution = await own(actor, contribution_id)
    if not family_words.is_draft(contribution) or contribution.withdrawn_at:
        raise errors.NotADraft()
    await contribution.delete()
    await idempotency.forget_words_about(contribution.author_id, contribution.id, gone=True)


async def choose_audience(actor: Actor, contribution_id: UUID, audience: Audience) -> Contribution:
    """Widening, narrowing, or sharing again after withdrawing: at once, with a receipt."""
    contribution = await own(actor, contribution_id)
    if contribution.audience is audience and contribution.withdrawn_at is None:
        return contribution
    async with in_transaction():
        await AudienceChange.create(
            contribution=contribution, from_audience=contribution.audience, to_audience=audience
        )
        contribution.audience = audience
        contribution.withdrawn_at = None
        await contribution.save(update_fields=["audience", "withdrawn_at", "updated_at"])
        # Whoever may no longer read it must not get its words from a kept answer.
        await idempotency.forget_words_about(contribution.author_id, contribution.id)
    await triggers.contribution_shared(contribution)
    return contribution


async def withdraw(actor: Actor, contribution_id: UUID) -> Contribution:
    contribution = await own(actor, contribution_id)
    if contribution.withdrawn_at is not None:
        return contribution
    if family_words.is_draft(contribution):
        raise errors.NotShared()
    async with in_transaction():
        contribution.withdrawn_at = datetime.now(UTC)
        await contribution.save(update_fields=["withdrawn_at", "updated_at"])
        await AudienceChange.create(
            contribution=contribution, from_audience=contribution.audience, withdrawn=True
        )
        await idempotency.forget_words_about(contribution.author_id, contribution.id, gone=True)
    return contribution
