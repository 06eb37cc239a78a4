"""A circle's family voice, as one practitioner on its team may see it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from pydantic import BaseModel

from server.auth.actor import Actor
from server.circles.access import team_place
from server.circles.models import Circle, who_they_are
from server.contributions.labels import AUDIENCE_LABELS, KIND_LABELS, scale_question_text
from server.contributions.models import Audience, Contribution, ContributionKind
from server.contributions.reading import record_reads
from server.family.models import UrgentRequest
from server.plans.labels import SECTION_LABELS
from server.plans.models import PlanItem
from server.sharing import family_words


class CircleRef(BaseModel):
    id: UUID
    name: str


class UrgentOut(BaseModel):
    id: UUID
    name: str
    at: datetime


class InPlan(BaseModel):
    """Where these words already stand in the plan."""

    item_id: UUID
    section: str
    section_label: str


class VoiceItem(BaseModel):
    id: UUID
    author_name: str
    author_role_label: str
    kind: ContributionKind
    kind_label: str
    #: None when the author withdrew it: the words are gone from everyone else.
    text: str | None
    scale_question: str | None
    scale_value: int | None
    meeting_id: UUID | None
    audience: Audience
    audience_label: str
    created_at: datetime
    withdrawn_at: datetime | None
    #: Already brought into the plan, and where: it cannot be brought in twice.
    in_plan: list[InPlan]


class CircleVoice(BaseModel):
    circle: CircleRef
    urgent: list[UrgentOut]
    items: list[VoiceItem]


def _item(item: Contribution, in_plan: list[InPlan], gettext: Callable[[str], str]) -> VoiceItem:
    hidden = item.withdrawn_at is not None
    return VoiceItem(
        id=item.id,
        author_name=item.author.name,
        author_role_label=who_they_are(item.author.role, item.author.age_band, gettext),
        kind=item.kind,
        kind_label=gettext(KIND_LABELS[item.kind]),
        text=None if hidden else item.text,
        scale_question=None if hidden else scale_question_text(item.scale_question, gettext),
        scale_value=None if hidden else item.scale_value,
        meeting_id=item.meeting_id,
        audience=item.audience,
        audience_label=gettext(AUDIENCE_LABELS[item.audience]),
        created_at=item.created_at,
        withdrawn_at=item.withdrawn_at,
        in_plan=in_plan,
    )


async def circle_voice(actor: Actor, circle_id: UUID, gettext: Callable[[str], str]) -> CircleVoice:
    place = await team_place(actor, circle_id)
    circle = await Circle.get(id=circle_id)
    shown = (
        await (await family_words.readable_or_withdrawn(actor))
        .filter(circle_id=circle_id)
        .select_related("author")
        .order_by("-created_at")
    )
    await record_reads(place.practitioner_id, [c for c in shown if c.withdrawn_at is None])
    urgent = []
    if place.is_lead:
        urgent = (
            await UrgentRequest.filter(circle_id=circle_id, acknowledged_at=None)
            .select_related("member")
            .order_by("created_at")
        )
    used = await _in_plan(circle_id, [c.id for c in shown], gettext)
    return CircleVoice(
        circle=CircleRef(id=circle.id, name=circle.name),
        urgent=[UrgentOut(id=u.id, name=u.member.name, at=u.created_at) for u in urgent],
        items=[_item(item, used.get(item.id, []), gettext) for item in shown],
    )


async def _in_plan(
    circle_id: UUID, ids: list[UUID], gettext: Callable[[str], str]
) -> dict[UUID, list[InPlan]]:
    if not ids:
        return {}
    used: dict[UUID, list[InPlan]] = {}
    for item in await PlanItem.filter(plan__circle_id=circle_id, source_id__in=ids):
        assert item.source_id is not None  # filtered on it
        used.setdefault(item.source_id, []).append(
            InPlan(
                item_id=item.id,
                section=item.section.value,
                section_label=gettext(SECTION_LABELS[item.section]),
            )
        )
    return used
