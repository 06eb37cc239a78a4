"""Keep the Babel catalogs in step with the code.

    python -m tools.catalogs update   extract strings, then update every catalog
    python -m tools.catalogs check    exit 1 if a catalog is missing or stale

Server strings are marked with N_(...), N_plural(singular, plural) or gettext, and
_("...") in the print templates; PWA
strings with t(...) and tn(singular, plural, n). The English catalog is filled with the source text.
"""

from __future__ import annotations

import copy
import sys
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
LANGUAGES = ("en", "pl", "pa", "ur", "ro")
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "N_": None,
    "N_plural": (1, 2),
    "t": None,
    "tn": (1, 2),
    # tp("carer", "…"): the same words in another context (a polite form for adults).
    "tp": ((1, "c"), 2),
}
#: tp("carer", "…") words: the catalog holds them twice, for a child and for an adult.
POLITE = "carer"
POLITE_NOTE = (
    "Said to an adult: the polite form where the language has one (see docs/translating.md)."
)
#: Babel writes Punjabi's rule as `n != 1`; CLDR says one = n in 0..1.
PLURAL_FIXES = {"pa": "nplurals=2; plural=(n > 1);"}
HEADER = "Alongside: what children, young people and carers say. Catalog for {lang}."


def extract() -> Catalog:
    catalog = Catalog(project="alongside", version="1", charset="utf-8")
    method_map = [
        ("server/**.py", "python"),
        ("server/**/templates/**.html", "jinja2.ext:babel_extract"),
        ("pwa/**.js", "javascript"),
    ]
    for filename, lineno, message, comments, context in extract_from_dir(
        ROOT, method_map, keywords=KEYWORDS, comment_tags=("NOTE:",), strip_comment_tags=True
    ):
        if context == POLITE:
            # The same words for a child (familiar), then for an adult (polite).
            catalog.add(message, None, [(filename, lineno)], auto_comments=comments)
            comments = [*comments, POLITE_NOTE]
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _forms(string: str | tuple[str, ...]) -> tuple[str, ...]:
    return string if isinstance(string, tuple) else (string,)


def catalog_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / "messages.po"


def load(lang: str) -> Catalog | None:
    path = catalog_path(lang)
    if not path.exists():
        return None
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def updated(template: Catalog, lang: str) -> Catalog:
    catalog = load(lang) or Catalog(locale=lang, project="alongside", version="1")
    catalog.header_comment = "# " + HEADER.format(lang=lang)
    # update() adopts the template's message objects: give each language its own.
    catalog.update(copy.deepcopy(template), no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()
    if lang in PLURAL_FIXES:
        headers = [(k, v) for k, v in catalog.mime_headers if k != "Plural-Forms"]
        catalog.mime_headers = [*headers, ("Plural-Forms", PLURAL_FIXES[lang])]
    if lang == "en":
        for message in catalog:
            if message.id and (not all(_forms(message.string)) or message.fuzzy):
                message.string = message.id
                message.flags.discard("fuzzy")
    catalog.revision_date = datetime(2026, 1, 1, tzinfo=UTC)
    return catalog


def render(catalog: Catalog) -> bytes:
    out = BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=True, include_lineno=False)
    return out.getvalue()


def update() -> None:
    template = extract()
    for lang in LANGUAGES:
        path = catalog_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(updated(template, lang)))
        print(f"updated {path.relative_to(ROOT)}")


def content(catalog: Catalog) -> tuple:
    """What a catalog says, leaving out tool-written headers (Babel's version,
    dates): the messages, their translations, flags, translators' notes and
    the plural rule."""
    messages = sorted(
        (
            repr(m.id),
            m.context or "",
            repr(m.string),
            tuple(sorted(m.flags)),
            tuple(m.auto_comments),
        )
        for m in catalog
        if m.id
    )
    return catalog.plural_forms, tuple(messages)


def stale_languages() -> list[str]:
    """Languages whose catalog says something other than what `update` would write."""
    template = extract()
    stale = []
    for lang in LANGUAGES:
        existing = load(lang)
        if existing is None or content(existing) != content(updated(template, lang)):
            stale.append(lang)
    return stale


def main(argv: list[str]) -> int:
    if argv[1:] == ["update"]:
        update()
        return 0
    if argv[1:] == ["check"]:
        stale = stale_languages()
        for lang in stale:
            print(f"{lang}: catalog is out of date; run `python -m tools.catalogs update`")
        return 1 if stale else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
