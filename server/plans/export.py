"""Taking a plan out of Alongside: a JSON export with a documented, versioned
schema for case-management systems, and a print view. Both show exactly what the
person exporting may see."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Final, Literal
from uuid import UUID

from pydantic import BaseModel, Field

from server.auth.actor import Actor
from server.circles.models import Circle
from server.errors import NotFound
from server.organisations.models import AGENCY_LABELS
from server.plans.models import ActionStatus, PlanSection
from server.plans.reading import render
from server.plans.schemas import PlanItemOut
from server.plans.team import audit_quotes, version_items

SCHEMA_ID: Final = "https://alongside.example/schemas/plan-export/v1.json"


class ExportQuote(BaseModel):
    contribution_id: UUID
    author_name: str
    words: str | None = Field(description="Verbatim; null once the author withdrew them")
    scale_question: str | None = Field(
        default=None, description="A scale's question; null once withdrawn"
    )
    scale_value: int | None = Field(default=None, description="A scale's 0-10; null once withdrawn")
    withdrawn_at: datetime | None
    only_for: str | None = Field(
        default=None,
        description="The author chose 'my worker': only this person (the lead) may read the words",
    )


class ExportAction(BaseModel):
    owner: str | None
    due_on: date | None
    status: ActionStatus | None


class ExportItem(BaseModel):
    id: UUID
    section: PlanSection
    practitioner_words: str | None
    family_words: ExportQuote | None
    action: ExportAction | None


class ExportCircle(BaseModel):
    id: UUID
    name: str


class PlanExportV1(BaseModel):
    """Alongside plan export, schema version 1. Additive changes keep version 1;
    anything else gets a new schema id."""

    schema_id: Literal["https://alongside.example/schemas/plan-export/v1.json"] = Field(
        default=SCHEMA_ID, alias="$schema"
    )
    schema_version: Literal[1] = 1
    circle: ExportCircle
    plan_version: int
    published_at: datetime
    exported_at: datetime
    exported_by: str
    items: list[ExportItem]


def _export_item(item: PlanItemOut) -> ExportItem:
    quote = item.quote
    return ExportItem(
        id=item.id,
        section=item.section,
        practitioner_words=item.text,
        family_words=ExportQuote(
            contribution_id=quote.source_id,
            author_name=quote.author_name,
            words=quote.text,
            scale_question=quote.scale_question,
            scale_value=quote.scale_value,
            withdrawn_at=quote.withdrawn_at,
            only_for=quote.only_for,
        )
        if quote
        else None,
        action=ExportAction(owner=item.owner_label, due_on=item.due_on, status=item.status)
        if item.section is PlanSection.ACTIONS
        else None,
    )


async def export_version(
    actor: Actor, circle_id: UUID, number: int, gettext: Callable[[str], str]
) -> PlanExportV1:
    version, data = await version_items(actor, circle_id, number)
    items = await render(actor, data, gettext)
    await audit_quotes(actor, items)
    circle = await Circle.get(id=circle_id)
    person = actor.practitioner
    if person is None:  # version_items lets only the circle's team through
        raise NotFound()
    return PlanExportV1(
        circle=ExportCircle(id=circle.id, name=circle.name),
        plan_version=version.number,
        published_at=version.published_at,
        exported_at=datetime.now(UTC),
        exported_by=f"{person.name} ({gettext(AGENCY_LABELS[person.agency])})",
        items=[_export_item(item) for item in items],
    )
