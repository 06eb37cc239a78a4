"""Every string in the code is in every catalog, translated, not fuzzy, and with
the same placeholders; Punjabi plurals follow CLDR."""

from __future__ import annotations

import re

import pytest
from babel.messages.catalog import Catalog

from tools import catalogs

PLACEHOLDER = re.compile(r"\{\w+\}")


def _forms(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


@pytest.fixture(scope="module")
def loaded() -> dict[str, Catalog]:
    return {lang: catalogs.load(lang) for lang in catalogs.LANGUAGES}


def test_catalogs_hold_exactly_the_strings_in_the_code():
    assert catalogs.stale_languages() == [], "run: python -m tools.catalogs update"


@pytest.mark.parametrize("lang", catalogs.LANGUAGES)
def test_every_string_is_translated_and_checked(loaded, lang):
    catalog = loaded[lang]
    missing = [m.id for m in catalog if m.id and not all(_forms(m.string))]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert missing == [] and fuzzy == []
    for message in catalog:
        if message.id and isinstance(message.id, tuple):
            assert len(message.string) == catalog.num_plurals, message.id


@pytest.mark.parametrize("lang", catalogs.LANGUAGES)
def test_translations_keep_their_placeholders(loaded, lang):
    for message in loaded[lang]:
        if not message.id:
            continue
        wanted = set(PLACEHOLDER.findall(" ".join(_forms(message.id))))
        for form in _forms(message.string):
            found = set(PLACEHOLDER.findall(form))
            # A plural form may spell out the number ("one") instead of {count}.
            assert found <= wanted and wanted - {"{count}"} <= found, (message.id, form)


def test_punjabi_uses_the_singular_for_zero_and_one(loaded):
    assert loaded["pa"].plural_expr.replace(" ", "") in {"(n>1)", "n>1"}
