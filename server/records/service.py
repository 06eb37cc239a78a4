"""Subject access and erasure of one family member, for the command line and the
records screens. Each checks `may_manage_records` and is recorded (who, when,
counts) in records_event, never with anyone's words, and in the audit."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.audit.service import record
from server.auth.actor import Actor
from server.auth.models import Session
from server.circles.models import FamilyMember
from server.commands.models import CommandAnswer
from server.errors import Forbidden, NotFound
from server.family.my_data import my_data
from server.i18n import I18n, Wording
from server.jobs.models import Job
from server.plans.models import PlanVersion
from server.records.access import CommandLine, done_by, may_manage_records
from server.records.models import RecordsEvent
from server.settings import Settings
from server.sharing import family_words

FIND_LIMIT = 50


async def member_for(
    actor: Actor | CommandLine, settings: Settings, member_id: Any
) -> FamilyMember:
    if not may_manage_records(actor, settings):
        raise Forbidden()
    member = await FamilyMember.get_or_none(id=member_id)
    if member is None:
        raise NotFound()
    return member


def _practitioner(actor: Actor | CommandLine) -> Any:
    return None if isinstance(actor, CommandLine) else actor.practitioner


async def find_members(
    actor: Actor | CommandLine, settings: Settings, name: str
) -> list[FamilyMember]:
    """Family members whose name holds `name`, to choose whose records."""
    if not may_manage_records(actor, settings):
        raise Forbidden()
    if not name.strip():
        return []
    return (
        await FamilyMember.filter(name__icontains=name.strip())
        .order_by("name", "created_at")
        .limit(FIND_LIMIT)
        .select_related("circle")
    )


async def export_member(actor: Actor | CommandLine, settings: Settings, member_id: Any) -> str:
    """Everything held about one family member: the readable file they get from
    "Download my words" (with who read each item), in their language, including
    words a later phone could not open."""
    member = await member_for(actor, settings, member_id)
    member.own_words_since = None  # not saved: the whole record, whichever phone
    language = I18n(default=settings.default_locale).get(member.locale)
    words = Wording(language.code, language.translations, settings.timezone)
    text = await my_data(Actor(session=Session(), member=member), words)
    await RecordsEvent.create(
        action="subject_access",
        done_by=done_by(actor),
        member_id=str(member.id),
        counts={"lines": text.count("\n")},
    )
    await record(
        "records_exported",
        practitioner=_practitioner(actor),
        member=member,
        circle_id=member.circle_id,
    )
    return text


async def _kept_answers_about(member_id: UUID, ids: list[str]) -> int:
    """Answers kept for repeated commands that hold the member's words: theirs,
    and anyone's about one of their items."""
    about = Q(person_id=str(member_id)) | Q(subject_id__in=ids)
    for ident in [str(member_id), *ids]:
        about |= Q(body__contains=ident)
    rows = CommandAnswer.filter(about)
    count = await rows.count()
    await rows.delete()
    return count


async def _jobs_about(member_id: UUID) -> int:
    """Queued and finished jobs that name the member (notifications to them,
    reminders about them). Rare enough to look through every job."""
    ids = [
        job.id
        for job in await Job.all().only("id", "payload")
        if str(member_id) in json.dumps(job.payload)
    ]
    await Job.filter(id__in=ids).delete()
    return len(ids)


async def _published_actions_of(member: FamilyMember) -> int:
    """Published plans name the member as an action's owner by id: no longer."""
    changed = 0
    for version in await PlanVersion.filter(plan__circle_id=member.circle_id):
        items = version.snapshot.get("items", [])
        theirs = [item for item in items if item.get("owner_member_id") == str(member.id)]
        for item in theirs:
            item["owner_member_id"] = None
        if theirs:
            await PlanVersion.filter(id=version.id).update(snapshot=version.snapshot)
            changed += len(theirs)
    return changed


async def erase_member(
    actor: Actor | CommandLine, settings: Settings, member_id: Any, reason: str
) -> dict[str, int]:
    """Erases a family member when the law requires it: their words, plan answers,
    phones, sessions, notifications, kept answers and jobs, then the member. The
    audit keeps its rows (ids only) with the member's id removed."""
    member = await member_for(actor, settings, member_id)
    async with in_transaction():
        counts, ids = await family_words.erase_words_of(member.id)
        counts["command_answers"] = await _kept_answers_about(member.id, ids)
        counts["jobs"] = await _jobs_about(member.id)
        counts["published_actions"] = await _published_actions_of(member)
        await member.delete()
        counts["family_members"] = 1
        await RecordsEvent.create(
            action="erasure",
            done_by=done_by(actor),
            member_id=str(member.id),
            reason=reason,
            counts=counts,
        )
        # The audit keeps no id of theirs: who erased, in which circle.
        await record(
            "records_erased", practitioner=_practitioner(actor), circle_id=member.circle_id
        )
    return counts
