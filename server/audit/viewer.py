"""Looking at the audit: who may (organisations.permissions: the auditor, and a
team manager for their teams' circles), what a search says, and the same as
CSV. Every look is itself audited. Nothing here changes or deletes a record."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date
from uuid import UUID

from server.audit.models import AuditEvent
from server.audit.schemas import AuditEntry, AuditPage, PersonRef
from server.audit.service import SEARCH_LIMIT, AuditSearch, record, search
from server.auth.actor import Actor
from server.circles.models import TeamMember
from server.errors import Invalid
from server.i18n import N_
from server.organisations.models import Practitioner, Role, Team
from server.organisations.permissions import Action, require

CSV_COLUMNS = ["at", "action", "practitioner", "family member", "circle", "subject", "subject id"]


def _uuid(params: Mapping[str, str], name: str) -> UUID | None:
    value = params.get(name)
    if not value:
        return None
    try:
        return UUID(value)
    except ValueError:
        raise Invalid.on(name, N_("This is not an id we know.")) from None


def _day(params: Mapping[str, str], name: str) -> date | None:
    value = params.get(name)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Invalid.on(name, N_("Please give a date like 2025-03-31.")) from None


async def _scope(viewer: Practitioner) -> dict[str, list[UUID] | None]:
    """A team manager sees their teams' circles and what their teams did."""
    if viewer.role is not Role.TEAM_MANAGER:
        return {}
    teams = await Team.filter(manager_id=viewer.id).values_list("id", flat=True)
    people = await Practitioner.filter(team_id__in=teams).values_list("id", flat=True)
    circles = await TeamMember.filter(practitioner_id__in=people).values_list(
        "circle_id", flat=True
    )
    return {
        "within_circles": list({UUID(str(circle)) for circle in circles}),
        "within_practitioners": [UUID(str(person)) for person in people],
    }


async def _look(
    actor: Actor, params: Mapping[str, str], timezone: str, action: str
) -> tuple[list[AuditEvent], bool]:
    viewer = require(actor, Action.SEE_AUDIT)
    query = AuditSearch(
        person=_uuid(params, "person"),
        circle=_uuid(params, "circle"),
        since=_day(params, "since"),
        until=_day(params, "until"),
        timezone=timezone,
        **await _scope(viewer),
    )
    found = await search(query, limit=SEARCH_LIMIT + 1)
    await record(action, practitioner=viewer, circle_id=query.circle)
    return found[:SEARCH_LIMIT], len(found) > SEARCH_LIMIT


def _entry(event: AuditEvent) -> AuditEntry:
    def ref(person: Practitioner | None) -> PersonRef | None:
        return PersonRef(id=str(person.id), name=person.name) if person else None

    return AuditEntry(
        at=event.at,
        action=event.action,
        practitioner=ref(event.practitioner),
        member=PersonRef(id=str(event.member.id), name=event.member.name) if event.member else None,
        circle_id=str(event.circle_id) if event.circle_id else None,
        subject_type=event.subject_type,
        subject_id=event.subject_id,
    )


async def page(actor: Actor, params: Mapping[str, str], timezone: str) -> AuditPage:
    found, more = await _look(actor, params, timezone, "audit_viewed")
    return AuditPage(entries=[_entry(event) for event in found], more=more)


async def export(actor: Actor, params: Mapping[str, str], timezone: str) -> str:
    found, _ = await _look(actor, params, timezone, "audit_exported")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for event in map(_entry, found):
        writer.writerow(
            [
                event.at.isoformat(),
                event.action,
                event.practitioner.name if event.practitioner else "",
                event.member.name if event.member else "",
                event.circle_id or "",
                event.subject_type,
                event.subject_id,
            ]
        )
    return out.getvalue()
