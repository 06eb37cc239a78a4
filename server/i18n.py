"""Languages: Babel catalogs from `locales/`, compiled in memory at start-up.

The same catalogs serve the server's messages and the PWA's: `/i18n/<lang>.js` is an
ES module generated from a catalog (no `eval`, so the CSP stays strict).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.core import Locale, negotiate_locale
from babel.dates import format_date, format_time
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from starlette.requests import Request

#: The languages Alongside speaks: English plus the city's main community languages.
LANGUAGES = ("en", "pl", "pa", "ur", "ro")
#: The language the messages are written in.
SOURCE_LANGUAGE = "en"
#: Dates and times follow the UK's conventions for English, and each language's own.
_FORMAT_LOCALES = {"en": "en_GB", "pa": "pa_Guru", "ur": "ur_PK"}
LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
#: The language chosen on this phone before anyone signs in (the switcher, or the
#: invitation link), kept by the PWA; a signed-in person's own choice wins over it.
LANGUAGE_COOKIE = "alongside-lang"
DOMAIN = "messages"


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated later, for the reader."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with a plural form; translated later, with the count."""
    return singular, plural


def text_direction(lang: str) -> str:
    return (Locale.parse(lang).character_order == "right-to-left" and "rtl") or "ltr"


def parse_accept_language(header: str) -> list[str]:
    """Language tags from an Accept-Language header, most wanted first."""
    weighted = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        if not tag or tag == "*":
            continue
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        weighted.append((-quality, position, tag.strip()))
    return [tag.replace("_", "-") for _, _, tag in sorted(weighted)]


@dataclass(frozen=True)
class Language:
    code: str
    catalog: Catalog
    translations: NullTranslations

    @property
    def direction(self) -> str:
        return text_direction(self.code)

    def js_module(self) -> str:
        """The PWA's words in this language. In English, the language the PWA is
        written in, a message the same as its original is left out (the PWA shows
        the original), so English is sent almost empty."""
        messages: dict[str, str | list[str]] = {}
        for message in self.catalog:
            if not message.id or message.fuzzy:
                continue
            if self.code == SOURCE_LANGUAGE and message.string in (message.id, list(message.id)):
                continue
            if isinstance(message.id, tuple):
                plural = message.string if isinstance(message.string, tuple) else ()
                if any(plural):
                    messages[message.id[0]] = list(plural)
            elif isinstance(message.id, str) and isinstance(message.string, str) and message.string:
                # A message with a context is found as "context\x04id", as gettext keeps it.
                key = f"{message.context}\x04{message.id}" if message.context else message.id
                messages[key] = message.string
        body = json.dumps(messages, ensure_ascii=False, sort_keys=True)
        # Every browser has English dates; the others' names travel with their words
        # for browsers that lack them.
        dates = None if self.code == "en" else calendar(self.code)
        return (
            f"export const lang = {json.dumps(self.code)};\n"
            f"export const dir = {json.dumps(self.direction)};\n"
            f"export const messages = {body};\n"
            f"export const calendar = {json.dumps(dates, ensure_ascii=False)};\n"
            # The catalog's own gettext rule: C expressions of n are valid JavaScript.
            f"export function plural(n) {{ return Number({self.catalog.plural_expr}); }}\n"
        )


def calendar(lang: str) -> dict[str, object]:
    """Month and day names and date patterns from CLDR (Babel), for a browser whose
    own locale data is thin (Debian's Chromium writes Punjabi dates as "2026 M12 9")."""
    locale = Locale.parse(_FORMAT_LOCALES.get(lang, lang))
    return {
        "months": [locale.months["format"]["wide"][n] for n in range(1, 13)],
        # CLDR counts days from Monday; JavaScript's getDay() from Sunday.
        "days": [locale.days["format"]["wide"][(n + 6) % 7] for n in range(7)],
        "periods": [locale.day_periods["format"]["abbreviated"][p] for p in ("am", "pm")],
        "date": locale.date_formats["long"].pattern,
        "fullDate": locale.date_formats["full"].pattern,
        "time": locale.time_formats["short"].pattern,
        "dateTime": str(locale.datetime_formats["full"]),
    }


class I18n:
    """All catalogs, loaded once by the app factory and kept on `app.state`."""

    def __init__(self, default: str = "en", locales_dir: Path = LOCALES_DIR) -> None:
        self.default = default
        self.languages = {code: load_language(locales_dir, code) for code in LANGUAGES}

    def negotiate(self, wanted: list[str]) -> str:
        return negotiate_locale(wanted, list(LANGUAGES), sep="-") or self.default

    def get(self, code: str | None) -> Language:
        return self.languages.get(code or "", self.languages[self.default])


def load_language(locales_dir: Path, code: str) -> Language:
    path = locales_dir / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    stat = path.stat()
    return _compiled(path, code, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _compiled(path: Path, code: str, _mtime_ns: int, _size: int) -> Language:
    """A catalog compiled once per process while its file stays the same: each app
    the factory makes (the test suite makes hundreds) shares it."""
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=code)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Language(code, catalog, Translations(compiled, domain=DOMAIN))


def request_language(request: Request) -> str:
    """The reader's language: their saved choice once signed in, else the one
    chosen on this phone, else the browser's."""
    chosen: str | None = getattr(request.state, "locale", None)
    if chosen:
        return chosen
    on_this_phone = request.cookies.get(LANGUAGE_COOKIE, "")
    if on_this_phone in LANGUAGES:
        return on_this_phone
    i18n: I18n = request.app.state.i18n
    return i18n.negotiate(parse_accept_language(request.headers.get("accept-language", "")))


def translator_for(request: Request) -> NullTranslations:
    i18n: I18n = request.app.state.i18n
    return i18n.get(request_language(request)).translations


@dataclass(frozen=True)
class Wording:
    """Words and dates for one reader: their language and the service's time zone."""

    lang: str
    translations: NullTranslations
    timezone: str

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    def when(self, value: datetime) -> str:
        """A date and time as people write it where they live: '3 December 2026, 14:05'."""
        local = value.astimezone(ZoneInfo(self.timezone))
        locale = Locale.parse(_FORMAT_LOCALES.get(self.lang, self.lang))
        joined = str(locale.datetime_formats["long"]).replace("'", "")
        return joined.format(
            format_time(local, "short", locale=locale), format_date(local, "long", locale=locale)
        )

    def day(self, value: date) -> str:
        locale = Locale.parse(_FORMAT_LOCALES.get(self.lang, self.lang))
        return format_date(value, "long", locale=locale)


def wording_for(request: Request) -> Wording:
    lang = request_language(request)
    i18n: I18n = request.app.state.i18n
    return Wording(lang, i18n.get(lang).translations, request.app.state.settings.timezone)
