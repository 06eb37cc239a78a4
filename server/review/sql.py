"""The parts every annual-review query shares, written once for PostgreSQL and
SQLite: the year cut into quarters, whose circles count, and the GROUP BY that
gives one row per organisation, team (the circle lead's) and quarter. Each
measure is one query, however many circles there are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from tortoise import connections

#: The circle's organisation and the team of its lead (None: no lead in a team).
LEADS = """JOIN circle c ON c.id = {circle}
LEFT JOIN team_member tm ON tm.circle_id = c.id AND tm.is_lead = TRUE
LEFT JOIN practitioner lp ON lp.id = tm.practitioner_id"""
GROUPS = "c.organisation_id AS org, lp.team_id AS team, COUNT(DISTINCT c.id) AS families"


@dataclass(frozen=True)
class Frame:
    """One year's quarters (`bounds`: their five edges, in UTC), up to `until`,
    for the circles led from `team_ids` (None: every circle)."""

    bounds: tuple[datetime, ...]
    until: datetime
    team_ids: tuple[UUID, ...] | None

    def postgres(self) -> bool:
        return bool(connections.get("default").capabilities.dialect == "postgres")

    def hours(self, start: str, end: str) -> str:
        """Hours from `start` to `end`, as a number."""
        if self.postgres():
            return f"EXTRACT(EPOCH FROM ({end} - {start})) / 3600.0"
        return f"(julianday({end}) - julianday({start})) * 24.0"

    def days_before(self, earlier: str, later: str, days: int) -> str:
        """`earlier` is at least `days` whole days before `later`."""
        if self.postgres():
            return f"{earlier} <= {later} - INTERVAL '{days} days'"
        return f"julianday({later}) - julianday({earlier}) >= {days}"

    def quarter(self, column: str) -> str:
        before = " ".join(f"WHEN {column} < ? THEN {q}" for q in (1, 2, 3))
        return f"CASE {before} ELSE 4 END"

    def where(self, column: str) -> str:
        """In the year (and already happened), in the circles in view."""
        scope = ""
        if self.team_ids is not None:
            marks = ", ".join("?" for _ in self.team_ids) or "NULL"
            scope = f" AND lp.team_id IN ({marks})"
        return f"{column} >= ? AND {column} < ?{scope}"

    def params(self) -> list[Any]:
        """For `quarter(...)` then `where(...)`, in that order."""
        return [*self.bounds[1:4], self.bounds[0], self.until, *(self.team_ids or ())]

    async def rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        """Runs one query; `?` marks its parameters on both databases."""
        if self.postgres():
            parts = sql.split("?")
            sql = parts[0] + "".join(f"${n}{part}" for n, part in enumerate(parts[1:], 1))
        else:
            params = [str(p) if isinstance(p, datetime | UUID) else p for p in params]
        found = await connections.get("default").execute_query_dict(sql, params)
        return [
            {
                **row,
                "org": str(row["org"]),
                "team": None if row["team"] is None else str(row["team"]),
            }
            for row in found
        ]

    async def grouped(
        self, *, table: str, circle: str, at: str, sums: str, more_where: str = "", part: str = ""
    ) -> list[dict[str, Any]]:
        """One row per organisation, team, quarter (and `part`, if given): how many
        families, `base` (rows counted) and the `sums` named in the query."""
        split = f", {part} AS part" if part else ""
        sql = f"""SELECT {GROUPS}, {self.quarter(at)} AS q{split}, {sums}
FROM {table}
{LEADS.format(circle=circle)}
WHERE {self.where(at)}{more_where}
GROUP BY c.organisation_id, lp.team_id, q{", part" if part else ""}"""
        return await self.rows(sql, self.params())


def window_sums(alias: str) -> str:
    """How many answers, and how many sit in each part of the window."""
    parts = ", ".join(
        f"SUM(CASE WHEN {alias}.\"window\" = '{key}' THEN 1 ELSE 0 END) AS w_{key}"
        for key in ("with", "to", "for", "not")
    )
    return f"COUNT(*) AS base, {parts}"
