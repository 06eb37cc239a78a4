"""Building the plan WITH the family: practitioners' own items, family words
imported verbatim and linked to their source, actions, and published versions."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from server.audit.service import record
from server.auth.actor import Actor
from server.circles.access import governs, team_place
from server.circles.models import FamilyMember, TeamMember
from server.errors import Invalid, NotFound
from server.notifications import triggers
from server.plans import errors
from server.plans.models import Plan, PlanItem, PlanSection, PlanVersion
from server.plans.schemas import Owner, PlanImport, PlanItemEdit, PlanItemNew
from server.sharing import family_words

SNAPSHOT_FIELDS = (
    "section",
    "text",
    "source_id",
    "owner_member_id",
    "owner_practitioner_id",
    "owner_agency",
    "due_on",
    "status",
    "position",
)


async def plan_of(circle_id: UUID) -> Plan:
    plan, _ = await Plan.get_or_create(circle_id=circle_id)
    return plan


async def _owner_fields(circle_id: UUID, owner: Owner | None) -> dict[str, Any]:
    if owner is None:
        return {"owner_member_id": None, "owner_practitioner_id": None, "owner_agency": None}
    chosen = [v for v in (owner.member_id, owner.practitioner_id, owner.agency) if v is not None]
    if len(chosen) != 1:
        raise Invalid.on("owner", errors.ONE_OWNER)
    if owner.member_id and not await FamilyMember.exists(id=owner.member_id, circle_id=circle_id):
        raise Invalid.on("owner", errors.OWNER_NOT_IN_CIRCLE)
    if owner.practitioner_id and not await TeamMember.exists(
        practitioner_id=owner.practitioner_id, circle_id=circle_id
    ):
        raise Invalid.on("owner", errors.OWNER_NOT_IN_CIRCLE)
    return {
        "owner_member_id": owner.member_id,
        "owner_practitioner_id": owner.practitioner_id,
        "owner_agency": owner.agency.value if owner.agency else None,
    }


def _check_action(section: PlanSection, fields: dict[str, Any], new_due: date | None) -> None:
    is_action = section is PlanSection.ACTIONS
    has_action_parts = any(
        fields.get(k)
        for k in ("owner_member_id", "owner_practitioner_id", "owner_agency", "due_on", "status")
    )
    if has_action_parts and not is_action:
        raise Invalid.on("section", errors.ACTIONS_ONLY)
    if new_due is not None and new_due < date.today():
        raise Invalid.on("due_on", errors.DUE_IN_PAST)


async def _next_position(plan: Plan) -> int:
    return await PlanItem.filter(plan=plan).count()


async def add_item(actor: Actor, circle_id: UUID, new: PlanItemNew) -> PlanItem:
    await team_place(actor, circle_id)
    owner = await _owner_fields(circle_id, new.owner)
    fields = {**owner, "due_on": new.due_on, "status": new.status}
    _check_action(new.section, fields, new.due_on)
    plan = await plan_of(circle_id)
    return await PlanItem.create(
        plan=plan,
        section=new.section,
        text=new.text.strip(),
        author=actor.practitioner,
        position=await _next_position(plan),
        **fields,
    )


async def import_contribution(actor: Actor, circle_id: UUID, wanted: PlanImport) -> PlanItem:
    """The family's words go into the plan by reference, never copied: they stay
    verbatim, attributed, and shown only as far as the author allows."""
    await team_place(actor, circle_id)
    source = (
        await (await family_words.readable(actor))
        .filter(id=wanted.contribution_id, circle_id=circle_id)
        .first()
    )
    if source is None:
        raise Invalid.on("contribution_id", errors.NOT_SHARED_WITH_YOU)
    plan = await plan_of(circle_id)
    item = await PlanItem.create(
        plan=plan,
        section=wanted.section,
        source=source,
        author=actor.practitioner,
        position=await _next_position(plan),
    )
    await record(
        "contribution_imported",
        practitioner=actor.practitioner,
        circle_id=circle_id,
        subject=source,
    )
    return item


async def item_for_team(actor: Actor, item_id: UUID) -> PlanItem:
    item = await PlanItem.get_or_none(id=item_id).select_related("plan")
    if item is None:
        raise NotFound()
    await team_place(actor, item.plan.circle_id)
    if item.source_id is not None:  # someone who may not read the source cannot see it
        visible = await (await family_words.readable(actor)).filter(id=item.source_id).exists()
        if not visible:
            raise NotFound()
    return item


async def item_to_change(actor: Actor, item_id: UUID) -> PlanItem:
    """An item its author may change; any other item only the lead (or their
    manager) may change, so a colleague cannot rewrite someone else's words."""
    item = await item_for_team(actor, item_id)
    if actor.practitioner is None or item.author_id != actor.practitioner.id:
        await governs(actor, item.plan.circle_id)
    return item


async def edit_item(actor: Actor, item_id: UUID, change: PlanItemEdit) -> PlanItem:
    item = await item_to_change(actor, item_id)
    updates = change.model_dump(exclude_unset=True)
    if "owner" in updates:
        updates.update(await _owner_fields(item.plan.circle_id, change.owner))
        del updates["owner"]
    if item.source_id is not None:
        updates.pop("text", None)  # family words are never edited by the team
    merged = {k: updates.get(k, getattr(item, k)) for k in SNAPSHOT_FIELDS if k != "position"}
    _check_action(merged["section"], merged, updates.get("due_on"))
    await PlanItem.filter(id=item.id).update(**updates)
    return await PlanItem.get(id=item.id)


async def delete_item(actor: Actor, item_id: UUID) -> None:
    item = await item_to_change(actor, item_id)
    await item.delete()


def snapshot_of(item: PlanItem) -> dict[str, Any]:
    """An item as published, in plain JSON values (ids, dates and enums as text)."""

    def plain(value: object) -> object:
        return value if value is None or isinstance(value, int) else str(value)

    return {"id": str(item.id), **{name: plain(getattr(item, name)) for name in SNAPSHOT_FIELDS}}


async def publish(actor: Actor, circle_id: UUID) -> PlanVersion:
    """A version for the family. Family words are kept as links to their source,
    so narrowing or withdrawing still hides them in every version. Only the
    lead (or their manager) publishes."""
    await governs(actor, circle_id)
    plan = await plan_of(circle_id)
    items = await PlanItem.filter(plan=plan).order_by("position", "created_at")
    if not items:
        raise errors.EmptyPlan()
    async with in_transaction():
        latest = await PlanVersion.filter(plan=plan).order_by("-number").first()
        version = await PlanVersion.create(
            plan=plan,
            number=(latest.number + 1) if latest else 1,
            published_by=actor.practitioner,
            snapshot={"items": [snapshot_of(item) for item in items]},
        )
    await record(
        "plan_published", practitioner=actor.practitioner, circle_id=circle_id, subject=version
    )
    await triggers.plan_published(circle_id, version.id)
    return version
