from __future__ import annotations

from typing import Literal
from uuid import UUID

from pydantic import BaseModel


class Figure(BaseModel):
    key: str
    label: str
    #: A share of the first figure, 0–100.
    percent: bool


class Cell(BaseModel):
    """One measure for one group (None: all groups together) and one quarter
    (None: the whole year); `part`: the language, for languages. A suppressed
    cell's values are all None; an empty one counted nobody."""

    group_id: UUID | None
    quarter: int | None
    part: str | None
    suppressed: bool
    empty: bool
    values: dict[str, float | None]


class MeasureOut(BaseModel):
    key: str
    label: str
    explanation: str
    figures: list[Figure]
    cells: list[Cell]


class Group(BaseModel):
    id: UUID
    name: str


class Review(BaseModel):
    year: int
    #: Figures from fewer than this many families, meetings or people are hidden.
    fewest: int
    #: How many days before a meeting counts as "asked in good time".
    asked_days: int
    by: Literal["team", "organisation"]
    groups: list[Group]
    measures: list[MeasureOut]
