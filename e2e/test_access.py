"""Everyone can use it: every main screen passes axe in English and in Urdu
(right to left), works at 320 px wide with text at 200%, has touch targets of at
least 44×44 px on family screens, and the young person's journey works with the
keyboard alone."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Browser, Page, expect

from e2e.steps import assert_accessible, join, sign_in_as_practitioner

FAMILY_SCREENS = ["#/home", "#/write", "#/my-words", "#/who-sees", "#/talk-now", "#/plan",
                  "#/you-said", "#/settings"]
CARER_SCREENS = ["#/shared-with-me", "#/plan"]
CIRCLE_SCREENS = ["", "/people", "/meetings", "/plan"]
PRACTITIONER_SCREENS = ["#/home"]
LANGUAGES = {"en": "en-GB", "ur": "ur-PK"}

OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
SMALL_TARGETS = """() => [...document.querySelectorAll('button, a[href], input, select, textarea, [role=radio]')]
  .filter((e) => e.offsetParent !== null && !e.closest('p'))
  .map((e) => [e, e.getBoundingClientRect()])
  .filter(([e, r]) => e.type !== 'radio' && e.type !== 'checkbox' && (r.width < 44 || r.height < 44))
  .map(([e, r]) => `${e.tagName} ${(e.textContent || e.name || '').trim().slice(0, 30)} ${Math.round(r.width)}x${Math.round(r.height)}`)"""


def phone(browser: Browser, live_server, lang: str = "en", width: int = 390) -> Page:
    context = browser.new_context(
        viewport={"width": width, "height": 844}, base_url=live_server.url,
        locale=LANGUAGES[lang], extra_http_headers={"Accept-Language": LANGUAGES[lang]})
    return context.new_page()


def show(page: Page, route: str) -> None:
    page.goto("/" + route)
    expect(page.get_by_role("heading", level=1)).to_be_visible()


CHOOSE_LANGUAGE = """async (lang) => {
  const me = await (await fetch('/api/me')).json();
  await fetch('/api/me/locale', {method: 'PUT', body: JSON.stringify({locale: lang}),
    headers: {'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token}});
}"""


def _family_member(browser, live_server, lang, name="Sam", width=390) -> Page:
    page = phone(browser, live_server, lang, width)
    join(page, live_server.invitation(name), "2468") if lang == "en" else _join_any_language(
        page, live_server.invitation(name))
    expect(page.get_by_role("heading", level=1)).to_contain_text(name)
    if lang != "en":  # the language this person picked, remembered for them
        page.evaluate(CHOOSE_LANGUAGE, lang)
        page.reload()
        expect(page.get_by_role("heading", level=1)).to_contain_text(name)
    return page


def _join_any_language(page: Page, code: str) -> None:
    """Joining without relying on English labels (for other languages)."""
    page.goto(f"/#/join/{code}")
    expect(page.locator("input[name=pin]")).to_be_visible()
    page.locator("input[name=pin]").fill("2468")
    page.locator("input[name=pin_again]").fill("2468")
    page.locator("form button[type=submit]").click()


def _back_to_english(page: Page) -> None:
    """The demo people are shared by every test: each is left in English."""
    page.goto("/#/home")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.evaluate(CHOOSE_LANGUAGE, "en")
    page.context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_family_screens_pass_axe(browser, live_server, lang):
    page = _family_member(browser, live_server, lang)
    try:
        assert page.evaluate("() => document.documentElement.dir") == ("rtl" if lang == "ur" else "ltr")
        for route in FAMILY_SCREENS:
            show(page, route)
            assert_accessible(page)
    finally:
        _back_to_english(page)
    carer = _family_member(browser, live_server, lang, name="Alex")
    try:
        for route in CARER_SCREENS:
            show(carer, route)
            assert_accessible(carer)
    finally:
        _back_to_english(carer)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_practitioner_screens_pass_axe(browser, live_server, lang):
    page = phone(browser, live_server, lang)
    lead = live_server.demo()["practitioners"][0]
    page.goto("/#/sign-in")
    page.locator("input[name=email]").fill(lead["email"])
    page.locator("input[name=password]").fill(lead["password"])
    page.locator("form button[type=submit]").click()
    expect(page.get_by_role("link", name=re.compile("Sam and Mia"))).to_be_visible()
    try:
        if lang != "en":
            page.evaluate(CHOOSE_LANGUAGE, lang)
            page.reload()
            expect(page.get_by_role("link", name=re.compile("Sam and Mia"))).to_be_visible()
            assert page.evaluate("() => document.documentElement.dir") == "rtl"
        assert_accessible(page)
        page.get_by_role("link", name=re.compile("Sam and Mia")).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Sam and Mia")
        circle = page.url.split("#/circle/", 1)[1].split("/", 1)[0]
        for screen in CIRCLE_SCREENS:
            show(page, f"#/circle/{circle}{screen}")
            expect(page.get_by_role("heading", level=1)).to_contain_text("Sam and Mia")
            assert_accessible(page)
        show(page, "#/settings")
        assert_accessible(page)
    finally:
        _back_to_english(page)


def test_family_screens_fit_320px_at_200_percent_text_with_big_targets(browser, live_server):
    page = _family_member(browser, live_server, "en", width=320)
    for route in FAMILY_SCREENS:
        show(page, route)
        page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
        assert page.evaluate(OVERFLOW) <= 0, f"{route} scrolls sideways at 320 px, 200% text"
        page.evaluate("() => { document.documentElement.style.fontSize = ''; }")
        assert page.evaluate(SMALL_TARGETS) == [], f"{route} has touch targets under 44 px"
    page.context.close()


def test_the_young_persons_journey_works_with_the_keyboard_alone(browser, live_server):
    page = phone(browser, live_server)
    code = live_server.invitation("Sam")
    words = f"I like my new school {uuid.uuid4().hex[:6]}"
    page.goto(f"/#/join/{code}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Join your circle")
    page.get_by_label("Invitation code").focus()
    page.keyboard.press("Tab")
    page.keyboard.type("2468")
    page.keyboard.press("Tab")
    page.keyboard.type("2468")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sam")

    def tab_to(name: str, role: str = "link") -> None:
        target = page.get_by_role(role, name=re.compile("^" + re.escape(name))).first
        for _ in range(60):
            page.keyboard.press("Tab")
            if target.evaluate("(e) => e === document.activeElement"):
                return
        raise AssertionError(f"could not reach {name!r} with Tab")

    tab_to("Write something")
    page.keyboard.press("Enter")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(re.compile("Who sees my words\\?|Write something"))
    if heading.text_content() == "Who sees my words?":
        tab_to("I understand", "button")
        page.keyboard.press("Enter")
    expect(heading).to_have_text("Write something")
    first_kind = page.get_by_role("radio").first
    first_kind.focus()
    page.keyboard.press("Space")  # "Something going well"
    page.get_by_label("What is going well?").focus()
    page.keyboard.type(words)
    audience = page.get_by_role("radio", name=re.compile("^Just me"))
    audience.focus()
    page.keyboard.press("ArrowDown")  # My worker
    expect(page.get_by_role("radio", name=re.compile("^My worker"))).to_be_checked()
    tab_to("Save", "button")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus must be visible"
    page.keyboard.press("Enter")
    item = page.get_by_role("listitem").filter(has_text=words)
    expect(item).to_be_visible()
    item.get_by_role("button", name="Stop sharing").focus()
    page.keyboard.press("Enter")
    tab_to("Yes, stop sharing", "button")
    page.keyboard.press("Enter")
    expect(page.get_by_role("listitem").filter(has_text=words)).to_contain_text("Withdrawn on")
    page.context.close()


PUBLISH_A_PLAN = """async (text) => {
  const me = await (await fetch('/api/me')).json();
  const headers = {'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token};
  const home = await (await fetch('/api/practitioner/home')).json();
  const circle = home.circles.find((c) => c.name === 'Sam and Mia').id;
  await fetch(`/api/circles/${circle}/plan/items`, {method: 'POST', headers,
    body: JSON.stringify({section: 'needs_to_happen', text})});
  await fetch(`/api/circles/${circle}/plan/publish`, {method: 'POST', headers});
}"""


def test_a_carer_reviews_the_plan_with_the_keyboard_alone(browser, live_server):
    words = f"Family time every Sunday {uuid.uuid4().hex[:6]}"
    priya = phone(browser, live_server)
    lead = live_server.demo()["practitioners"][0]
    sign_in_as_practitioner(priya, lead["email"], lead["password"])
    expect(priya.get_by_role("link", name=re.compile("Sam and Mia"))).to_be_visible()
    priya.evaluate(PUBLISH_A_PLAN, words)
    priya.context.close()

    alex = phone(browser, live_server)
    join(alex, live_server.invitation("Alex"), "1357")
    expect(alex.get_by_role("heading", level=1)).to_contain_text("Alex")
    link = alex.get_by_role("link", name="Our plan")
    for _ in range(40):
        alex.keyboard.press("Tab")
        if link.evaluate("(e) => e === document.activeElement"):
            break
    alex.keyboard.press("Enter")
    expect(alex.get_by_role("heading", level=1)).to_have_text("Our plan")
    item = alex.get_by_role("listitem").filter(has_text=words)
    item.get_by_role("radio", name="I agree").focus()
    alex.keyboard.press("ArrowRight")
    alex.keyboard.press("ArrowRight")
    expect(item.get_by_role("radio", name="I disagree")).to_be_checked()
    alex.keyboard.press("Tab")
    alex.keyboard.type("Sundays are hard with work")
    alex.keyboard.press("Tab")  # who can read the comment: "My worker" is chosen already
    expect(item.get_by_role("radio", name=re.compile("^My worker"))).to_be_focused()
    expect(item.get_by_role("radio", name=re.compile("^My worker"))).to_be_checked()
    alex.keyboard.press("Tab")
    assert alex.evaluate("() => document.activeElement.textContent") == "Send my answer"
    alex.keyboard.press("Enter")
    expect(alex.get_by_role("listitem").filter(has_text=words)).to_contain_text("I disagree")
    alex.context.close()
