"""The words children and young people read are plain: checked with the
Flesch–Kincaid grade of the family screens' English sentences. Grade 6 is about
an 11-year-old's reading level in England (Year 7)."""

from __future__ import annotations

from pathlib import Path

import textstat
from babel.messages.extract import extract_from_dir

VIEWS = Path(__file__).resolve().parents[2] / "pwa" / "views"
#: Screens for practitioners are written for professionals, not children.
PRACTITIONER_SCREENS = (
    "practitioner-",
    "circle-",
    "sign-in",
    "people",
    "meeting-",
    "plan-team",
    "team-",
    "schedule",
)
TARGET_GRADE = 6.0
EXAMPLES = {
    "{name}": "Sam",
    "{count}": "3",
    "{date}": "3 December",
    "{audience}": "My worker",
    "{circle}": "Sam and Mia",
    "{old}": "Just me",
    "{new}": "My worker",
}


def family_sentences() -> list[str]:
    sentences = []
    for filename, _, message, _, _ in extract_from_dir(
        VIEWS, [("**.js", "javascript")], keywords={"t": None, "tn": (1, 2)}
    ):
        if Path(filename).name.startswith(PRACTITIONER_SCREENS):
            continue
        text = message if isinstance(message, str) else message[1]
        for placeholder, example in EXAMPLES.items():
            text = text.replace(placeholder, example)
        if len(text.split()) >= 4:  # sentences, not button labels
            sentences.append(text if text.rstrip().endswith((".", "?", "!")) else text + ".")
    return sentences


def test_family_screens_read_at_an_eleven_year_olds_level():
    sentences = family_sentences()
    assert len(sentences) > 50
    grade = textstat.flesch_kincaid_grade(" ".join(sentences))
    ease = textstat.flesch_reading_ease(" ".join(sentences))
    print(
        f"family screens: {len(sentences)} sentences, Flesch-Kincaid grade {grade}, "
        f"reading ease {ease}"
    )
    assert grade <= TARGET_GRADE
