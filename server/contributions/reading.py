"""How contributions are shown: to their author (with receipts and who has read
them) and, through the sharing policy only, to anyone else."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import cast
from uuid import UUID

from server.audit import service as audit
from server.audit.models import ItemRead
from server.circles.models import TeamMember
from server.contributions.labels import AUDIENCE_LABELS, KIND_LABELS
from server.contributions.models import AudienceChange, Contribution
from server.contributions.schemas import ContributionOut, ReadBy, Receipt
from server.i18n import N_
from server.organisations.models import AGENCY_LABELS

Gettext = Callable[[str], str]
READ = "read_contribution"


def receipt_summary(change: AudienceChange, gettext: Gettext) -> str:
    if change.withdrawn:
        return gettext(N_("You stopped sharing this."))
    new = gettext(AUDIENCE_LABELS[change.to_audience]) if change.to_audience else ""
    if change.from_audience is None:
        return gettext(N_("Saved. Who can see it: {audience}.")).format(audience=new)
    old = gettext(AUDIENCE_LABELS[change.from_audience])
    return gettext(N_("Changed from {old} to {new}.")).format(old=old, new=new)


async def _receipts(ids: list[UUID]) -> dict[str, list[AudienceChange]]:
    found: dict[str, list[AudienceChange]] = defaultdict(list)
    for change in await AudienceChange.filter(contribution_id__in=ids).order_by("id"):
        found[str(change.contribution_id)].append(change)
    return found


async def read_by(
    ids: list[UUID], circle_id: UUID, gettext: Gettext, action: str = READ
) -> dict[str, list[ReadBy]]:
    """The latest read of each of these (contributions, or what `action` reads)
    by each practitioner."""
    # First reads first, as the author saw them come in; each at its latest.
    events = (
        await ItemRead.filter(action=action, subject_id__in=[str(i) for i in ids])
        .select_related("practitioner")
        .order_by("id")
    )
    # Tortoise types values_list(flat=True) as tuples; each is one practitioner id.
    leads = set(
        cast(
            "list[UUID]",
            await TeamMember.filter(circle_id=circle_id, is_lead=True).values_list(
                "practitioner_id", flat=True
            ),
        )
    )
    latest: dict[str, dict[UUID, ReadBy]] = defaultdict(dict)
    for event in events:
        person = event.practitioner
        label = (
            gettext(N_("your worker"))
            if person.id in leads
            else gettext(AGENCY_LABELS[person.agency])
        )
        latest[event.subject_id][person.id] = ReadBy(name=person.name, label=label, at=event.at)
    return {key: list(value.values()) for key, value in latest.items()}


async def for_author(items: Iterable[Contribution], gettext: Gettext) -> list[ContributionOut]:
    items = list(items)
    if not items:
        return []
    ids = [item.id for item in items]
    receipts = await _receipts(ids)
    reads = await read_by(ids, items[0].circle_id, gettext)
    return [
        ContributionOut(
            id=item.id,
            kind=item.kind,
            kind_label=gettext(KIND_LABELS[item.kind]),
            text=item.text,
            scale_question=item.scale_question,
            scale_value=item.scale_value,
            meeting_id=item.meeting_id,
            audience=item.audience,
            audience_label=gettext(AUDIENCE_LABELS[item.audience]),
            withdrawn_at=item.withdrawn_at,
            version=item.version,
            created_at=item.created_at,
            updated_at=item.updated_at,
            history=[
                Receipt(
                    at=c.at,
                    from_audience=c.from_audience,
                    to_audience=c.to_audience,
                    withdrawn=c.withdrawn,
                    summary=receipt_summary(c, gettext),
                )
                for c in receipts.get(str(item.id), [])
            ],
            read_by=reads.get(str(item.id), []),
        )
        for item in items
    ]


async def record_reads(practitioner_id: UUID, items: Iterable[Contribution]) -> None:
    """Every practitioner read of family words is audited, and shown to the author."""
    await record_reads_of(practitioner_id, [(item.circle_id, item.id) for item in items])


async def record_reads_of(practitioner_id: UUID, reads: Iterable[tuple[UUID, UUID]]) -> None:
    """The same, for contributions known by (circle id, id)."""
    await audit.record_reads(READ, practitioner_id, reads, "Contribution")
