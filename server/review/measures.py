"""What the annual review measures: each measure's name, its fixed plain-English
explanation, its figures, and how they are worked out from the sums its one
query returns. Words are marked here for translation."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from server.i18n import N_

#: A figure from fewer than this many families, or meetings, or people, is not shown.
FEWEST = 5
#: "Asked in good time": every family member asked at least this many days before.
ASKED_DAYS = 5

Sums = Mapping[str, float]
Values = dict[str, float | None]


def share(part: float, whole: float) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def mean(total: float, count: float, unit: float = 1) -> float | None:
    return round(total / count / unit, 1) if count else None


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    explanation: str
    #: (key, label) of each figure; the first is the base (how many were counted),
    #: the second the headline the trend chart draws.
    figures: tuple[tuple[str, str], ...]
    values: Callable[[Sums], Values]


def _window(s: Sums) -> Values:
    return {
        "answers": s["base"],
        **{key: share(s[f"w_{key}"], s["base"]) for key in ("with", "to", "for", "not")},
    }


_WINDOW_FIGURES = (
    ("answers", N_("Answers")),
    ("with", N_("WITH: % worked with")),
    ("to", N_("TO: % done to")),
    ("for", N_("FOR: % done for")),
    ("not", N_("NOT: % left out")),
)

MEASURES = (
    Measure(
        "asked",
        N_("Everyone asked in good time"),
        N_(
            "Of the meetings held, how many had every family member asked for their "
            "views at least 5 days before."
        ),
        (("meetings", N_("Meetings")), ("share", N_("% with everyone asked in time"))),
        lambda s: {"meetings": s["base"], "share": share(s["asked"], s["base"])},
    ),
    Measure(
        "young_words",
        N_("Young people's words in the plan"),
        N_(
            "Of the meetings about a child or young person, how many had the plan "
            "quote their own words by the day of the meeting."
        ),
        (("meetings", N_("Meetings")), ("share", N_("% with their words in the plan"))),
        lambda s: {"meetings": s["base"], "share": share(s["quoted"], s["base"])},
    ),
    Measure(
        "family_window",
        N_("How families felt: worked with?"),
        N_(
            "After each meeting, family members answer four questions. WITH means they "
            "felt listened to, helped and told honestly; TO means told but not helped; "
            "FOR means helped but not asked; NOT means neither."
        ),
        _WINDOW_FIGURES,
        _window,
    ),
    Measure(
        "team_window",
        N_("How practitioners felt: worked with?"),
        N_(
            "After each meeting, practitioners answer the same four questions about "
            "the family, so both views can be set side by side."
        ),
        _WINDOW_FIGURES,
        _window,
    ),
    Measure(
        "disagreements",
        N_("Disagreements with the plan"),
        N_(
            "How many times a family member disagreed with part of the plan, how many "
            "the team answered, how long an answer took, and how many went to a manager."
        ),
        (
            ("raised", N_("Disagreements")),
            ("answered", N_("% answered")),
            ("days_to_answer", N_("Average days to answer")),
            ("escalated", N_("Sent to a manager")),
        ),
        lambda s: {
            "raised": s["base"],
            "answered": share(s["answered"], s["base"]),
            "days_to_answer": mean(s["hours"], s["answered"], 24),
            "escalated": s["escalated"],
        },
    ),
    Measure(
        "urgent",
        N_("Calls for help"),
        N_(
            'How many times someone pressed "I need to talk to someone now", how '
            "many were answered, and how many minutes that took on average."
        ),
        (
            ("calls", N_("Calls for help")),
            ("acknowledged", N_("% answered")),
            ("minutes_to_acknowledge", N_("Average minutes to answer")),
        ),
        lambda s: {
            "calls": s["base"],
            "acknowledged": share(s["acknowledged"], s["base"]),
            "minutes_to_acknowledge": mean(s["minutes"], s["acknowledged"]),
        },
    ),
    Measure(
        "languages",
        N_("Languages used"),
        N_(
            "How many times people were asked for their views in each language. "
            "Each language is counted on its own."
        ),
        (("requests", N_("Times asked")),),
        lambda s: {"requests": s["base"]},
    ),
)
#: Figures that are a share (0–100 %).
PERCENT = frozenset({"share", "with", "to", "for", "not", "answered", "acknowledged"})
