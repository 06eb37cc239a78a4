"""Looking at the audit: who may (organisations.permissions: the auditor, and a
team manager for their teams' circles), what a search says, and the same as
CSV. Every look is itself audited. Nothing here changes or deletes a record."""

from __future__ import annotations

import base64
import binascii
import csv
import io
from collections.abc import AsyncIterator, Mapping
from datetime import date, datetime
from uuid import UUID

from server.audit.models import AuditEvent
from server.audit.schemas import AuditEntry, AuditPage, PersonRef
from server.audit.service import (
    MOST_ON_A_PAGE,
    PAGE_SIZE,
    AuditSearch,
    Place,
    record,
    search,
    search_all,
)
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


def cursor_of(event: AuditEvent) -> str:
    """Where the next page starts, as an opaque word for the address."""
    place = f"{event.at.isoformat()}~{event.id}".encode()
    return base64.urlsafe_b64encode(place).decode().rstrip("=")


def _place(params: Mapping[str, str]) -> Place | None:
    value = params.get("before")
    if not value:
        return None
    try:
        at, id_ = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode().split("~")
        place = Place(at=datetime.fromisoformat(at), id=int(id_))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise Invalid.on("before", N_("This page of the audit is not one we know.")) from None
    if place.at.tzinfo is None:
        raise Invalid.on("before", N_("This page of the audit is not one we know."))
    return place


def _limit(params: Mapping[str, str]) -> int:
    value = params.get("limit")
    if not value:
        return PAGE_SIZE
    try:
        limit = int(value)
    except ValueError:
        limit = 0
    if not 1 <= limit <= MOST_ON_A_PAGE:
        raise Invalid.on("limit", N_("Please ask for 1 to 200 records at a time."))
    return limit


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


async def _query(actor: Actor, params: Mapping[str, str], timezone: str) -> AuditSearch:
    viewer = require(actor, Action.SEE_AUDIT)
    return AuditSearch(
        person=_uuid(params, "person"),
        circle=_uuid(params, "circle"),
        since=_day(params, "since"),
        until=_day(params, "until"),
        timezone=timezone,
        **await _scope(viewer),
    )


def _entry(event: AuditEvent) -> AuditEntry:
    def ref(person: Practitioner | None) -> PersonRef | None:
        return PersonRef(id=str(person.id), name=person.name) if person else None

    return AuditEntry(
        id=event.id,
        at=event.at,
        action=event.action,
        practitioner=ref(event.practitioner),
        member=PersonRef(id=str(event.member.id), name=event.member.name) if event.member else None,
        circle_id=str(event.circle_id) if event.circle_id else None,
        subject_type=event.subject_type,
        subject_id=event.subject_id,
    )


async def page(actor: Actor, params: Mapping[str, str], timezone: str) -> AuditPage:
    """One page of a search, newest first; `next` asks for the page after it."""
    query = await _query(actor, params, timezone)
    before, limit = _place(params), _limit(params)
    found = await search(query, limit=limit + 1, before=before)
    await record("audit_viewed", practitioner=actor.practitioner, circle_id=query.circle)
    shown = found[:limit]
    return AuditPage(
        entries=[_entry(event) for event in shown],
        next=cursor_of(shown[-1]) if len(found) > limit else None,
    )


async def export(actor: Actor, params: Mapping[str, str], timezone: str) -> AsyncIterator[str]:
    """The whole search as CSV, written out as it is read (no page, no limit)."""
    query = await _query(actor, params, timezone)
    asked = await record("audit_exported", practitioner=actor.practitioner, circle_id=query.circle)
    # What was there when they asked: not this look, nor anything recorded since.
    return _csv(query, Place(at=asked.at, id=asked.id))


async def _csv(query: AuditSearch, before: Place) -> AsyncIterator[str]:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    async for event in search_all(query, before):
        entry = _entry(event)
        writer.writerow(
            [
                entry.at.isoformat(),
                entry.action,
                entry.practitioner.name if entry.practitioner else "",
                entry.member.name if entry.member else "",
                entry.circle_id or "",
                entry.subject_type,
                entry.subject_id,
            ]
        )
        if out.tell() > 32_768:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()
