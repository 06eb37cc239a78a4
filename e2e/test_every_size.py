"""Every family and practitioner screen, in all five languages, on a 390 px phone
and on a 320 px one with text at 200%: nothing scrolls sideways, no text is cut
off, the sticky top bar keeps to about a sixth of the screen, the page's title
names the screen, and axe finds nothing. One browser, one server, one circle:
the same two people change language between rounds."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from e2e.circles import new_circle
from e2e.steps import PHONE, assert_accessible, join, new_phone, sign_in_as_practitioner

LANGUAGES = ("en", "pl", "pa", "ur", "ro")
FAMILY_SCREENS = ["home", "write", "my-words", "who-sees", "talk-now", "plan", "you-said"]
BOTH_SCREENS = ["settings"]
CIRCLE_SCREENS = ["", "/people", "/meetings", "/plan"]
SMALL = {"width": 320, "height": 640}

CHOOSE_LANGUAGE = """async (lang) => {
  const me = await (await fetch('/api/me')).json();
  const answer = await fetch('/api/me/locale', {method: 'PUT', body: JSON.stringify({locale: lang}),
    headers: {'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token}});
  return answer.ok;
}"""
# Sideways scroll, and text cut off: a box that hides what overflows it, or text
# that reaches past the screen's edge.
LAYOUT_PROBLEMS = """() => {
  const problems = [];
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth > width) {
    problems.push(`scrolls sideways by ${document.documentElement.scrollWidth - width} px`);
  }
  for (const e of document.querySelectorAll('#top-bar *, #help-bar *, #view *')) {
    if (!e.getClientRects().length || e.closest('.visually-hidden')) continue;
    const style = getComputedStyle(e);
    const hides = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
    const what = `${e.tagName} "${(e.textContent || '').trim().slice(0, 40)}"`;
    if (hides && e.scrollWidth > e.clientWidth + 1) problems.push('cut off: ' + what);
    const box = e.getBoundingClientRect();
    const ownText = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (ownText && (box.right > width + 1 || box.left < -1)) problems.push('off screen: ' + what);
  }
  return problems;
}"""
TOP_BAR_SHARE = """() => document.getElementById('top-bar').getBoundingClientRect().height / window.innerHeight"""
TITLED = """() => {
  const heading = document.querySelector('#view h1');
  return heading && document.title === heading.textContent.trim() + ' – Alongside';
}"""
BIG_TEXT = "(on) => { document.documentElement.style.fontSize = on ? '200%' : ''; }"


@pytest.fixture(scope="module")
def people(browser, live_server):
    circle = new_circle(live_server)
    family = new_phone(browser, live_server.url)
    join(family, circle.code("Sam"), "2468")
    expect(family.get_by_role("heading", level=1)).to_contain_text("Sam")
    worker = new_phone(browser, live_server.url)
    sign_in_as_practitioner(worker, circle.lead["email"], circle.lead["password"])
    expect(worker.get_by_role("link", name=re.compile(circle.name))).to_be_visible()
    yield circle, family, worker
    family.context.close()
    worker.context.close()


def _screens(circle) -> list[tuple[str, str]]:
    return [
        *(("family", screen) for screen in [*FAMILY_SCREENS, *BOTH_SCREENS]),
        ("worker", "home"),
        *(("worker", f"circle/{circle.id}{screen}") for screen in CIRCLE_SCREENS),
        ("worker", "settings"),
    ]


def _check(page: Page, where: str) -> list[str]:
    found = []
    try:  # the screen may still be drawing its heading
        page.wait_for_function(TITLED, timeout=5000)
    except PlaywrightTimeout:
        found.append(f"{where}: the page's title {page.title()!r} does not name the screen")
    return found + [f"{where}: {problem}" for problem in page.evaluate(LAYOUT_PROBLEMS)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_screen_holds_at_every_size(people, lang):
    circle, family, worker = people
    pages = {"family": family, "worker": worker}
    for page in pages.values():
        page.set_viewport_size(PHONE)
        assert page.evaluate(CHOOSE_LANGUAGE, lang)
        page.reload()
        expect(page.locator("html")).to_have_attribute("lang", lang)
    problems: list[str] = []
    for who, screen in _screens(circle):
        page = pages[who]
        page.goto(f"/#/{screen}")
        expect(page.locator("main h1")).to_be_visible()
        problems += _check(page, f"{lang} {who} {screen} 390 px")
        assert_accessible(page)
        page.set_viewport_size(SMALL)
        page.evaluate(BIG_TEXT, True)
        problems += _check(page, f"{lang} {who} {screen} 320 px 200%")
        share = page.evaluate(TOP_BAR_SHARE)
        if share > 0.18:
            problems.append(f"{lang} {who} {screen}: the top bar takes {share:.0%} of the screen")
        page.evaluate(BIG_TEXT, False)
        page.set_viewport_size(PHONE)
    assert problems == [], "\n".join(problems)
