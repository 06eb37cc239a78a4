"""The check-in's questions, by key: the family's "How was it for you?" and the
matching reflection for practitioners who attended. Only keys and face numbers
are stored, never translated text.

Each answer is a face: 1 sad, 2 in between, 3 happy. The four questions sit on
the two sides of the social discipline window:

- support:   were they listened to, and did they get the help they were promised;
- challenge: were they told honestly about worries, and did they help decide.

A side is high when its answers average 2.5 or more (at least one happy face and
no sad one). High on both is WITH, challenge only is TO, support only is FOR,
neither is NOT. A check-in with a side left unanswered has no window.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum, StrEnum

from server.i18n import N_


class Question(StrEnum):
    LISTENED = "listened"
    HELPED_DECIDE = "helped_decide"
    TOLD_HONESTLY = "told_honestly"
    GOT_HELP = "got_help"


class Face(IntEnum):
    SAD = 1
    IN_BETWEEN = 2
    HAPPY = 3


class Window(StrEnum):
    WITH = "with"
    TO = "to"
    FOR = "for"
    NOT = "not"


SUPPORT = (Question.LISTENED, Question.GOT_HELP)
CHALLENGE = (Question.TOLD_HONESTLY, Question.HELPED_DECIDE)

#: The family's words for each question (the PWA shows the same, from its catalog).
FAMILY_QUESTIONS = {
    Question.LISTENED: N_("Did people listen to what you said?"),
    Question.HELPED_DECIDE: N_("Did you help decide what happens next?"),
    Question.TOLD_HONESTLY: N_("Were you told honestly about worries?"),
    Question.GOT_HELP: N_("Did you get the help you were promised?"),
}

#: The practitioner's matching reflection.
REFLECTIONS = {
    Question.LISTENED: N_("Did we listen to what the family said?"),
    Question.HELPED_DECIDE: N_("Did the family shape this plan?"),
    Question.TOLD_HONESTLY: N_("Did we tell the family honestly about worries?"),
    Question.GOT_HELP: N_("Will the family get the help we promised?"),
}

FACE_LABELS = {Face.SAD: N_("No"), Face.IN_BETWEEN: N_("A bit"), Face.HAPPY: N_("Yes")}


def _high(answers: Mapping[Question, int | None], side: tuple[Question, ...]) -> bool | None:
    given = [answers[q] for q in side if answers.get(q) is not None]
    if len(given) < len(side):
        return None
    return sum(v for v in given if v is not None) / len(given) >= 2.5


def window(answers: Mapping[Question, int | None]) -> Window | None:
    """Where one check-in sits in the window, or None if a side is unanswered."""
    support, challenge = _high(answers, SUPPORT), _high(answers, CHALLENGE)
    if support is None or challenge is None:
        return None
    if support and challenge:
        return Window.WITH
    if challenge:
        return Window.TO
    return Window.FOR if support else Window.NOT
