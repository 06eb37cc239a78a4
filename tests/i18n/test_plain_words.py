"""The words children and young people read are plain. Each sentence on the
family screens is scored on its own (Flesch–Kincaid grade, with `textstat`):
none may go above grade 5, that is reading age 9 to 10 ("about grade 4").
Sentences under six words are left out: the formula means nothing for "Written
on 3 December." The simpler mode, for younger children, also uses none of the
words in JARGON."""

from __future__ import annotations

import re
from pathlib import Path

import textstat
from babel.messages.extract import extract_from_dir

from tools import catalogs

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
    "admin",
    "audit",
    "records",
    "second-factor",
    "set-password",
    "urgent-banner",
    "review",
)
HIGHEST_GRADE = 5.0
SHORTEST = 6
#: Words the simpler mode never uses: younger children do not know them.
JARGON = (
    "notification",
    "offline",
    "withdrawn",
    "circle",
    "data",
    "download",
    "version",
    "practitioner",
    "invitation",
    "review",
)
SIMPLER_MODE = ("simple-write.js",)
EXAMPLES = {
    "{name}": "Sam",
    "{count}": "3",
    "{version}": "2",
    "{date}": "3 December",
    "{audience}": "My worker",
    "{circle}": "Sam and Mia",
    "{old}": "Just me",
    "{new}": "My worker",
}


def family_sentences() -> list[str]:
    sentences = []
    for filename, _, message, _, _ in extract_from_dir(
        VIEWS, [("**.js", "javascript")], keywords={"t": None, "tn": (1, 2), "tp": ((1, "c"), 2)}
    ):
        if Path(filename).name.startswith(PRACTITIONER_SCREENS):
            continue
        text = message if isinstance(message, str) else message[1]
        for placeholder, example in EXAMPLES.items():
            text = text.replace(placeholder, example)
        if len(text.split()) >= 4:  # sentences, not button labels
            sentences.append(text if text.rstrip().endswith((".", "?", "!")) else text + ".")
    return sentences


def sentences_of(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.?!])\s+", text) if len(part.split()) >= SHORTEST]


def test_each_sentence_a_child_reads_is_plain():
    too_hard = {}
    for text in family_sentences():
        for sentence in sentences_of(text):
            grade = textstat.flesch_kincaid_grade(sentence)
            if grade > HIGHEST_GRADE:
                too_hard[sentence] = grade
    assert too_hard == {}, "rewrite these in plainer words (Flesch-Kincaid grade shown)"


def test_the_harm_notice_reads_at_age_nine():
    notice = [t for t in family_sentences() if "hurt" in t or "safe" in t]
    assert notice
    for sentence in notice:
        assert textstat.flesch_kincaid_grade(sentence) <= 4.0, sentence


def simpler_mode_strings() -> list[str]:
    found = []
    for filename, _, message, _, _ in extract_from_dir(
        VIEWS, [("**.js", "javascript")], keywords={"t": None, "tn": (1, 2), "tp": ((1, "c"), 2)}
    ):
        if Path(filename).name in SIMPLER_MODE:
            found += [message] if isinstance(message, str) else list(message)
    return found


def test_the_simpler_mode_uses_no_jargon():
    strings = simpler_mode_strings()
    assert len(strings) > 10
    used = {(word, text) for text in strings for word in JARGON if word in text.lower()}
    assert used == set()


def test_english_says_secret_number_never_pin():
    """One word for one thing: the family's code is a "secret number" on every
    screen and in every server message (Polish and Romanian say PIN throughout)."""
    english = catalogs.load("en")
    assert english is not None
    says_pin = [m.id for m in english if m.id and re.search(r"\bPIN\b", str(m.id))]
    assert says_pin == []
