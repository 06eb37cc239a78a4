"""Dates read right in every language in the suite's own Chromium, even where its
copy of the locale data is thin: Debian's Chromium writes a Punjabi date as
"2026 M12 9, Wed". The app then uses the month and day names the server sends
from CLDR (Babel)."""

from __future__ import annotations

import pytest
from babel.core import Locale
from playwright.sync_api import expect

from e2e.steps import new_phone

FORMATTED = """async () => {
  const i18n = await import('/shell/i18n.js');
  const when = '2026-12-09T10:00:00Z';
  return [i18n.formatDate(when), i18n.formatDateTime(when)];
}"""
NAMES = {"en": "en_GB", "pl": "pl", "pa": "pa_Guru", "ur": "ur_PK", "ro": "ro"}


@pytest.mark.parametrize("lang", NAMES)
def test_a_date_names_its_month_and_day_in_the_readers_language(browser, live_server, lang):
    page = new_phone(browser, live_server.url)
    page.goto(f"/?lang={lang}#/sign-in")
    expect(page.locator("main h1")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", lang)
    day, moment = page.evaluate(FORMATTED)
    locale = Locale.parse(NAMES[lang])
    december = locale.months["format"]["wide"][12]
    wednesday = locale.days["format"]["wide"][2]
    assert december in day and "2026" in day and "9" in day, day
    assert december in moment and wednesday in moment and "M12" not in moment, moment
    page.context.close()
