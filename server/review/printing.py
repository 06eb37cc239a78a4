"""The annual review as people read it: a page to print (A4) with a trend chart
per measure drawn on the server as SVG, each followed by the same figures as a
table for screen readers, and a CSV of every figure with what it means."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from babel import Locale
from jinja2 import Environment, FileSystemLoader, select_autoescape

from server.errors import NotFound
from server.i18n import N_, Wording, text_direction
from server.review.schemas import Cell, MeasureOut, Review

WORDS = {
    "fewer": N_("fewer than 5"),
    "none": N_("none"),
    "all_teams": N_("All your teams"),
    "all_organisations": N_("The whole partnership"),
    "quarter": N_("Q{number}"),
    "year": N_("Year"),
    "chart": N_("{measure}: {figure}, by quarter"),
}
#: Lines a reader can tell apart without colour: colour and dash together.
STYLES = [
    ("#1f5f5b", ""),
    ("#8a3b12", "6 3"),
    ("#3b4a9c", "2 3"),
    ("#6b2f6b", "10 4 2 4"),
    ("#4d5b16", "1 6"),
]
WIDTH, HEIGHT, LEFT, TOP, BOTTOM = 480, 220, 48, 16, 32

_templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html", "svg"]),
)


@dataclass
class Row:
    """One line of a measure's table: a group (and language), one figure."""

    name: str
    figure: str
    figure_key: str
    cells: list[Cell]


def _language(code: str, words: Wording) -> str:
    try:
        return Locale.parse(code).get_display_name(Locale.parse(words.lang)) or code
    except (ValueError, TypeError):
        return code


def _names(review: Review, words: Wording) -> dict[UUID | None, str]:
    everyone = WORDS["all_organisations" if review.by == "organisation" else "all_teams"]
    return {**{g.id: g.name for g in review.groups}, None: words.gettext(everyone)}


def _series(review: Review, measure: MeasureOut, words: Wording) -> list[tuple[str, list[Cell]]]:
    """Each line of the measure's table or chart: its name and its cells, by quarter
    then the year."""
    names = _names(review, words)
    parts = sorted({c.part for c in measure.cells}, key=lambda p: p or "")
    found = []
    for part in parts:
        for gid, name in names.items():
            cells = sorted(
                (c for c in measure.cells if c.group_id == gid and c.part == part),
                key=lambda c: c.quarter or 5,
            )
            label = name if part is None else f"{name}: {_language(part, words)}"
            found.append((label, cells))
    return found


def shown(cell: Cell, key: str, words: Wording, percent: bool = False) -> str:
    if cell.suppressed:
        return words.gettext(WORDS["fewer"])
    value = cell.values.get(key)
    if cell.empty or value is None:
        return words.gettext(WORDS["none"])
    text = f"{value:g}" if not float(value).is_integer() else str(int(value))
    return f"{text}%" if percent else text


def _is_percent(measure: MeasureOut, key: str) -> bool:
    return any(f.percent for f in measure.figures if f.key == key)


def _rows(review: Review, measure: MeasureOut, words: Wording) -> list[Row]:
    return [
        Row(name, figure.label, figure.key, cells)
        for name, cells in _series(review, measure, words)
        for figure in measure.figures
    ]


def chart(review: Review, measure: MeasureOut, words: Wording) -> str:
    """The headline figure's trend across the four quarters, one line per group.
    Hidden and empty quarters leave a gap."""
    headline = measure.figures[1] if len(measure.figures) > 1 else measure.figures[0]
    series = _series(review, measure, words)
    values = [
        c.values.get(headline.key) for _, cells in series for c in cells if c.quarter is not None
    ]
    top = 100.0 if _is_percent(measure, headline.key) else max([v or 0 for v in values] + [1])
    step = (WIDTH - LEFT - 16) / 3
    plot = HEIGHT - TOP - BOTTOM

    def y(value: float) -> float:
        return round(TOP + plot * (1 - value / top), 1)

    lines = []
    for n, (name, cells) in enumerate(series):
        colour, dash = STYLES[n % len(STYLES)]
        points = [
            (round(LEFT + step * (c.quarter - 1), 1), y(v))
            for c in cells
            if c.quarter is not None and (v := c.values.get(headline.key)) is not None
        ]
        lines.append({"name": name, "colour": colour, "dash": dash, "points": points})
    title = words.gettext(WORDS["chart"]).format(measure=measure.label, figure=headline.label)
    return _templates.get_template("chart.svg").render(
        id=measure.key,
        title=title,
        lines=lines,
        width=WIDTH,
        height=HEIGHT,
        total=HEIGHT + 20 * len(lines),
        left=LEFT,
        bottom=HEIGHT - BOTTOM,
        ticks=[(y(top * f), f"{top * f:g}") for f in (0, 0.5, 1)],
        quarters=[
            (LEFT + step * q, words.gettext(WORDS["quarter"]).format(number=q + 1))
            for q in range(4)
        ],
    )


def chart_for(review: Review, key: str, words: Wording) -> str:
    for measure in review.measures:
        if measure.key == key:
            return chart(review, measure, words)
    raise NotFound()


def page(review: Review, words: Wording) -> str:
    return _templates.get_template("review.html").render(
        _=words.gettext,
        lang=words.lang,
        dir=text_direction(words.lang),
        review=review,
        measures=[
            {
                "measure": m,
                "chart": chart(review, m, words),
                "rows": _rows(review, m, words),
                "percent": {f.key: _is_percent(m, f.key) for f in m.figures},
            }
            for m in review.measures
        ],
        shown=lambda cell, key, percent: shown(cell, key, words, percent),
        quarter=lambda q: words.gettext(WORDS["year"] if q is None else WORDS["quarter"]).format(
            number=q
        ),
    )


def csv_text(review: Review, words: Wording) -> str:
    """Every figure, one a line, with the measure's explanation."""
    out = io.StringIO()
    writer = csv.writer(out)
    _ = words.gettext
    writer.writerow(
        [_("Year"), _("Measure"), _("Who"), _("When"), _("Figure"), _("Value"), _("What it means")]
    )
    for measure in review.measures:
        for row in _rows(review, measure, words):
            for cell in row.cells:
                when = WORDS["year"] if cell.quarter is None else WORDS["quarter"]
                writer.writerow(
                    [
                        review.year,
                        measure.label,
                        row.name,
                        _(when).format(number=cell.quarter),
                        row.figure,
                        shown(cell, row.figure_key, words, _is_percent(measure, row.figure_key)),
                        measure.explanation,
                    ]
                )
    return out.getvalue()
