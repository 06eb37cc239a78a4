"""Showing a plan to one person: practitioners' words as written, family words
only through the sharing policy, in a constant number of queries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from tortoise.expressions import Subquery

from server.auth.actor import Actor
from server.circles.models import FamilyMember, TeamMember
from server.contributions.labels import KIND_LABELS, scale_question_text
from server.contributions.models import Audience, ContributionKind
from server.organisations.models import AGENCY_LABELS, Agency, Practitioner
from server.plans.labels import SECTION_LABELS, STATUS_LABELS
from server.plans.models import ActionStatus, PlanAnswer, PlanItem, PlanSection
from server.plans.schemas import HiddenItems, PlanItemOut, Quote
from server.sharing import family_words

Gettext = Callable[[str], str]
SECTION_ORDER = list(PlanSection)


_ITEM_COLUMNS = (
    "id",
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


_SOURCE_COLUMNS = (
    "id",
    "author__name",
    "kind",
    "text",
    "scale_question",
    "scale_value",
    "withdrawn_at",
    "audience",
    "circle_id",
)


@dataclass(frozen=True)
class Source:
    """What a quote shows of the family words it comes from."""

    id: UUID
    author_name: str
    kind: ContributionKind
    text: str
    scale_question: str
    scale_value: int | None
    withdrawn_at: datetime | None
    audience: Audience
    circle_id: UUID


@dataclass(frozen=True)
class ItemData:
    """A plan item, live or as published in a version's snapshot."""

    id: UUID
    section: PlanSection
    text: str
    source_id: UUID | None
    owner_member_id: UUID | None
    owner_practitioner_id: UUID | None
    owner_agency: str | None
    due_on: date | None
    status: ActionStatus | None
    position: int

    @classmethod
    def live(cls, item: PlanItem) -> ItemData:
        return cls(
            item.id,
            item.section,
            item.text,
            item.source_id,
            item.owner_member_id,
            item.owner_practitioner_id,
            item.owner_agency,
            item.due_on,
            item.status,
            item.position,
        )

    @classmethod
    async def of_plan(cls, plan_id: UUID) -> list[ItemData]:
        """A plan's live items, read as plain values (no model objects to build)."""
        rows = (
            await PlanItem.filter(plan_id=plan_id)
            .order_by("position", "created_at")
            .values_list(*_ITEM_COLUMNS)
        )
        return [cls._of_row(*row) for row in rows]

    @classmethod
    def _of_row(cls, id: UUID, section: str, text: str, *rest: Any) -> ItemData:
        source, member, practitioner, agency, due_on, status, position = rest
        status = ActionStatus(status) if status else None
        return cls(
            id,
            PlanSection(section),
            text,
            source,
            member,
            practitioner,
            agency,
            due_on,
            status,
            position,
        )

    @classmethod
    def published(cls, data: dict[str, Any]) -> ItemData:
        def uuid(key: str) -> UUID | None:
            return UUID(data[key]) if data.get(key) else None

        return cls(
            UUID(data["id"]),
            PlanSection(data["section"]),
            data["text"] or "",
            uuid("source_id"),
            uuid("owner_member_id"),
            uuid("owner_practitioner_id"),
            data.get("owner_agency"),
            date.fromisoformat(data["due_on"]) if data.get("due_on") else None,
            ActionStatus(data["status"]) if data.get("status") else None,
            data["position"],
        )


def quoted_in(plan_id: UUID) -> Subquery:
    """The family words a live plan quotes, for the database to match: a plan of
    hundreds of items is one subquery, not hundreds of parameters to build."""
    return Subquery(PlanItem.filter(plan_id=plan_id, source_id__isnull=False).values("source_id"))


def items_of(plan_id: UUID) -> Subquery:
    """A live plan's items, for the database to match (as `quoted_in`)."""
    return Subquery(PlanItem.filter(plan_id=plan_id).values("id"))


async def _sources(actor: Actor, items: list[ItemData], plan_id: UUID | None) -> dict[UUID, Source]:
    ids = {item.source_id for item in items if item.source_id}
    if not ids:
        return {}
    quotable = await family_words.quotable(actor)
    # Items of a live plan are matched in the database; a published version's
    # (a snapshot) by their ids.
    chosen = quotable.filter(id__in=quoted_in(plan_id) if plan_id else list(ids))
    rows = await chosen.values_list(*_SOURCE_COLUMNS)
    return {row[0]: Source(*row) for row in rows if row[0] in ids}


async def _owner_names(items: list[ItemData]) -> dict[UUID, str]:
    member_ids = [i.owner_member_id for i in items if i.owner_member_id]
    practitioner_ids = [i.owner_practitioner_id for i in items if i.owner_practitioner_id]
    names: dict[UUID, str] = {}
    if member_ids:
        names.update(await FamilyMember.filter(id__in=member_ids).values_list("id", "name"))
    if practitioner_ids:
        names.update(await Practitioner.filter(id__in=practitioner_ids).values_list("id", "name"))
    return names


async def lead_name(circle_id: UUID) -> str | None:
    lead = await TeamMember.get_or_none(circle_id=circle_id, is_lead=True).select_related(
        "practitioner"
    )
    return lead.practitioner.name if lead else None


def _quote(source: Source, gettext: Gettext, lead: str | None) -> Quote:
    hidden = source.withdrawn_at is not None
    only_lead = not hidden and source.audience == Audience.MY_WORKER
    quote = Quote(
        source_id=source.id,
        author_name=source.author_name,
        kind_label=gettext(KIND_LABELS[source.kind]),
        text=None if hidden else source.text,
        scale_question=None if hidden else scale_question_text(source.scale_question, gettext),
        scale_value=None if hidden else source.scale_value,
        withdrawn_at=source.withdrawn_at,
        only_for=lead if only_lead else None,
    )
    quote._circle_id = source.circle_id
    return quote


def _owner_label(item: ItemData, names: dict[UUID, str], gettext: Gettext) -> str | None:
    if item.owner_agency:
        return gettext(AGENCY_LABELS[Agency(item.owner_agency)])
    owner = item.owner_member_id or item.owner_practitioner_id
    return names.get(owner) if owner else None


async def render(
    actor: Actor, items: list[ItemData], gettext: Gettext, plan_id: UUID | None = None
) -> list[PlanItemOut]:
    """The items this actor may see, in section order. An item quoting family
    words the actor may not read is left out entirely. `plan_id` when `items` are
    that plan's live items (all of them, or some)."""
    sources = await _sources(actor, items, plan_id)
    names = await _owner_names(items)
    restricted = [s for s in sources.values() if s.audience == Audience.MY_WORKER]
    lead = await lead_name(restricted[0].circle_id) if restricted else None
    shown = []
    for item in sorted(items, key=lambda i: (SECTION_ORDER.index(i.section), i.position)):
        if item.source_id is not None and item.source_id not in sources:
            continue
        shown.append(
            PlanItemOut(
                id=item.id,
                section=item.section,
                section_label=gettext(SECTION_LABELS[item.section]),
                text=None if item.source_id else item.text,
                quote=_quote(sources[item.source_id], gettext, lead) if item.source_id else None,
                owner_label=_owner_label(item, names, gettext),
                due_on=item.due_on,
                status=item.status,
                status_label=gettext(STATUS_LABELS[item.status]) if item.status else None,
            )
        )
    return shown


async def latest_answers(
    item_ids: list[UUID], plan_id: UUID | None = None
) -> dict[UUID, list[PlanAnswer]]:
    """Each family member's latest answer to each item (of `plan_id`, when given:
    matched in the database)."""
    asked = set(item_ids)
    query = family_words.answers_to(items_of(plan_id) if plan_id else item_ids)
    query = query.select_related("member")
    latest: dict[tuple[UUID, UUID], PlanAnswer] = {}
    for answer in await query.order_by("created_at"):
        if answer.item_id in asked:
            latest[(answer.item_id, answer.member_id)] = answer
    grouped: dict[UUID, list[PlanAnswer]] = {}
    for (item_id, _), answer in latest.items():
        grouped.setdefault(item_id, []).append(answer)
    return grouped


async def hidden_from(
    items: list[ItemData], shown: list[PlanItemOut], gettext: Gettext
) -> list[HiddenItems]:
    """What `render` left out for this reader, counted by part of the plan, with
    whom the words are only for when the author chose "my worker"."""
    visible = {item.id for item in shown}
    left_out = [i for i in items if i.source_id and i.id not in visible]
    if not left_out:
        return []
    audiences = await family_words.audiences_of(i.source_id for i in left_out if i.source_id)
    circles = {circle for circle, _ in audiences.values()}
    lead = await lead_name(next(iter(circles))) if circles else None
    counts: dict[tuple[PlanSection, str | None], int] = {}
    for item in left_out:
        if item.source_id not in audiences or audiences[item.source_id][1] is family_words.DRAFT:
            continue  # withdrawn, or "just me": nobody else may even know of them
        restricted = audiences[item.source_id][1] is Audience.MY_WORKER
        key = (item.section, lead if restricted else None)
        counts[key] = counts.get(key, 0) + 1
    return [
        HiddenItems(
            section=section,
            section_label=gettext(SECTION_LABELS[section]),
            count=count,
            only_for=only_for,
        )
        for (section, only_for), count in sorted(
            counts.items(), key=lambda pair: SECTION_ORDER.index(pair[0][0])
        )
    ]
