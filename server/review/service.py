"""The partnership's annual review: figures by quarter and by team (for a team
manager: the teams they manage) or by organisation (for a partnership
administrator), counted in the database, one query per measure.

Small numbers are hidden. A cell is shown only when it counts at least FEWEST
families (circles) and at least FEWEST meetings, answers or calls. And a total
is shown only when none of its parts is hidden: a team's year only when each of
its quarters is shown or empty, "all together" only when each team (or
organisation) is, and an organisation only when each of its teams is. So a
hidden figure can never be worked out by subtracting the shown ones from a
total. An empty cell (nobody counted) hides nobody and is shown as such. No
report holds a name or a word: only counts leave the database."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal
from uuid import UUID
from zoneinfo import ZoneInfo

from server.auth.actor import Actor
from server.errors import Invalid
from server.i18n import N_
from server.organisations.models import Organisation, Role, Team
from server.organisations.permissions import Action, require
from server.review.measures import ASKED_DAYS, FEWEST, MEASURES, PERCENT
from server.review.schemas import Cell, Figure, Group, MeasureOut, Review
from server.review.sql import Frame, window_sums
from server.sharing import family_words

Gettext = Callable[[str], str]
YEAR_WRONG = N_("Please choose a year between 2000 and 2100.")
#: (group id or None for all together, quarter or None for the year, part)
Key = tuple[str | None, int | None, str | None]
By = Literal["team", "organisation"]


@dataclass
class Node:
    """Sums for one cell, and whether a part inside it is hidden."""

    sums: Counter[str] = field(default_factory=Counter)
    hides_a_part: bool = False

    @property
    def empty(self) -> bool:
        return self.sums["base"] == 0

    @property
    def hidden(self) -> bool:
        small = self.sums["base"] < FEWEST or self.sums["families"] < FEWEST
        return not self.empty and (small or self.hides_a_part)

    @classmethod
    def of(cls, parts: Iterable[Node]) -> Node:
        node = cls()
        for part in parts:
            node.sums.update(part.sums)
            node.hides_a_part = node.hides_a_part or part.hidden
        return node


def year_of(year: str | None, now: datetime) -> int:
    if year is None or year == "":
        return now.year
    if not year.isdigit() or not 2000 <= int(year) <= 2100:
        raise Invalid.on("year", YEAR_WRONG)
    return int(year)


def _frame(year: int, timezone: str, now: datetime, team_ids: tuple[UUID, ...] | None) -> Frame:
    zone = ZoneInfo(timezone)
    edges = [datetime(year, month, 1, tzinfo=zone) for month in (1, 4, 7, 10)]
    edges.append(datetime(year + 1, 1, 1, tzinfo=zone))
    bounds = tuple(edge.astimezone(UTC) for edge in edges)
    return Frame(bounds=bounds, until=min(now, bounds[4]), team_ids=team_ids)


async def _asked(frame: Frame) -> list[dict[str, Any]]:
    present = (
        "f.circle_id = m.circle_id AND f.created_at < m.starts_at "
        "AND (f.removed_at IS NULL OR f.removed_at > m.starts_at)"
    )
    in_time = frame.days_before("v.created_at", "m.starts_at", ASKED_DAYS)
    missed = f"""EXISTS (SELECT 1 FROM family_member f WHERE {present} AND NOT EXISTS (
SELECT 1 FROM view_request v WHERE v.meeting_id = m.id AND v.member_id = f.id AND {in_time}))"""
    return await frame.grouped(
        table="meeting m",
        circle="m.circle_id",
        at="m.starts_at",
        sums=f"COUNT(*) AS base, SUM(CASE WHEN {missed} THEN 0 ELSE 1 END) AS asked",
        more_where=f" AND EXISTS (SELECT 1 FROM family_member f WHERE {present})",
    )


async def _reflections(frame: Frame) -> list[dict[str, Any]]:
    return await frame.grouped(
        table="reflection r JOIN meeting m ON m.id = r.meeting_id",
        circle="m.circle_id",
        at="m.starts_at",
        sums=window_sums("r"),
        more_where=' AND r."window" IS NOT NULL',
    )


async def _urgent(frame: Frame) -> list[dict[str, Any]]:
    answered = "u.acknowledged_at IS NOT NULL"
    minutes = frame.hours("u.created_at", "u.acknowledged_at")
    return await frame.grouped(
        table="urgent_request u",
        circle="u.circle_id",
        at="u.created_at",
        sums=f"""COUNT(*) AS base, SUM(CASE WHEN {answered} THEN 1 ELSE 0 END) AS acknowledged,
SUM(CASE WHEN {answered} THEN ({minutes}) * 60 ELSE 0 END) AS minutes""",
    )


async def _languages(frame: Frame) -> list[dict[str, Any]]:
    return await frame.grouped(
        table="view_request v JOIN meeting m ON m.id = v.meeting_id "
        "JOIN family_member f ON f.id = v.member_id",
        circle="m.circle_id",
        at="m.starts_at",
        sums="COUNT(*) AS base",
        part="f.locale",
    )


QUERIES = {
    "asked": _asked,
    "young_words": family_words.review_young_words,
    "family_window": family_words.review_check_in_windows,
    "team_window": _reflections,
    "disagreements": family_words.review_disagreements,
    "urgent": _urgent,
    "languages": _languages,
}


def _cells(rows: list[dict[str, Any]], groups: list[Group], by: str) -> dict[Key, Node]:
    """Every cell of one measure, from its rows (one per organisation, team,
    quarter and part), with the parts each total is made of."""
    leaves: dict[Key, list[Node]] = defaultdict(list)
    for row in rows:
        sums = Counter(
            {k: float(v or 0) for k, v in row.items() if k not in {"org", "team", "q", "part"}}
        )
        leaves[(row[by], int(row["q"]), row.get("part"))].append(Node(sums))
    parts = sorted({key[2] for key in leaves}, key=lambda p: (p is None, p or "")) or [None]
    cells: dict[Key, Node] = {}
    for part in parts:
        for group in groups:
            gid = str(group.id)
            for q in range(1, 5):
                cells[(gid, q, part)] = Node.of(leaves.get((gid, q, part), []))
            cells[(gid, None, part)] = Node.of(cells[(gid, q, part)] for q in range(1, 5))
        for q in range(1, 5):
            cells[(None, q, part)] = Node.of(cells[(str(g.id), q, part)] for g in groups)
        cells[(None, None, part)] = Node.of(cells[(None, q, part)] for q in range(1, 5))
    return cells


async def _groups(actor: Actor) -> tuple[By, list[Group], tuple[UUID, ...] | None]:
    person = require(actor, Action.SEE_REVIEW)
    if person.role is Role.PARTNERSHIP_ADMIN:
        organisations = await Organisation.all().order_by("name")
        return "organisation", [Group(id=o.id, name=o.name) for o in organisations], None
    teams = await Team.filter(manager_id=person.id).order_by("name")
    return "team", [Group(id=t.id, name=t.name) for t in teams], tuple(t.id for t in teams)


async def review(actor: Actor, year: int, timezone: str, gettext: Gettext) -> Review:
    by, groups, team_ids = await _groups(actor)
    frame = _frame(year, timezone, datetime.now(UTC), team_ids)
    column = "org" if by == "organisation" else "team"
    measures = []
    for measure in MEASURES:
        cells = _cells(await QUERIES[measure.key](frame), groups, column)
        measures.append(
            MeasureOut(
                key=measure.key,
                label=gettext(measure.label),
                explanation=gettext(measure.explanation),
                figures=[
                    Figure(key=k, label=gettext(label), percent=k in PERCENT)
                    for k, label in measure.figures
                ],
                cells=[
                    Cell(
                        group_id=None if gid is None else UUID(gid),
                        quarter=q,
                        part=part,
                        suppressed=node.hidden,
                        empty=node.empty,
                        values={
                            k: None if node.hidden or node.empty else v
                            for k, v in measure.values(node.sums).items()
                        },
                    )
                    for (gid, q, part), node in cells.items()
                ],
            )
        )
    return Review(
        year=year, fewest=FEWEST, asked_days=ASKED_DAYS, by=by, groups=groups, measures=measures
    )
