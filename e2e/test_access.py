"""Everyone can use it: every main screen passes axe in English and in Urdu
(right to left), works at 320 px wide with text at 200%, has touch targets of at
least 44×44 px on family screens, and the young person's journey works with the
keyboard alone."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Browser, Page, expect

from e2e.steps import assert_accessible, join, new_phone, sign_in_as_practitioner, tab_to

FAMILY_SCREENS = [
    "#/home",
    "#/write",
    "#/my-words",
    "#/who-sees",
    "#/talk-now",
    "#/plan",
    "#/you-said",
    "#/settings",
]
CARER_SCREENS = ["#/shared-with-me", "#/plan"]
CIRCLE_SCREENS = ["", "/people", "/meetings", "/plan"]
LANGUAGES = {"en": "en-GB", "ur": "ur-PK"}

OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
SMALL_TARGETS = """() => [...document.querySelectorAll('button, a[href], input, select, textarea, [role=radio]')]
  .filter((e) => e.offsetParent !== null && !e.closest('p'))
  .map((e) => [e, e.getBoundingClientRect()])
  .filter(([e, r]) => e.type !== 'radio' && e.type !== 'checkbox' && (r.width < 44 || r.height < 44))
  .map(([e, r]) => `${e.tagName} ${(e.textContent || e.name || '').trim().slice(0, 30)} ${Math.round(r.width)}x${Math.round(r.height)}`)"""


def phone(browser: Browser, live_server, lang: str = "en", width: int = 390) -> Page:
    return new_phone(browser, live_server.url, LANGUAGES[lang], width)


def show(page: Page, route: str) -> None:
    page.goto("/" + route)
    expect(page.get_by_role("heading", level=1)).to_be_visible()


CHOOSE_LANGUAGE = """async (lang) => {
  const me = await (await fetch('/api/me')).json();
  await fetch('/api/me/locale', {method: 'PUT', body: JSON.stringify({locale: lang}),
    headers: {'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token}});
}"""


def _family_member(browser, live_server, circle, lang, name="Sam", width=390) -> Page:
    page = phone(browser, live_server, lang, width)
    code = circle.code(name)
    join(page, code, "2468") if lang == "en" else _join_any_language(page, code)
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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_family_screens_pass_axe(browser, live_server, circle, lang):
    page = _family_member(browser, live_server, circle, lang)
    assert page.evaluate("() => document.documentElement.dir") == ("rtl" if lang == "ur" else "ltr")
    for route in FAMILY_SCREENS:
        show(page, route)
        assert_accessible(page)
    page.context.close()
    carer = _family_member(browser, live_server, circle, lang, name="Alex")
    for route in CARER_SCREENS:
        show(carer, route)
        assert_accessible(carer)
    carer.context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_practitioner_screens_pass_axe(browser, live_server, circle, lang):
    page = phone(browser, live_server, lang)
    lead = circle.lead
    page.goto("/#/sign-in")
    page.locator("input[name=email]").fill(lead["email"])
    page.locator("input[name=password]").fill(lead["password"])
    page.locator("form button[type=submit]").first.click()
    expect(page.get_by_role("link", name=re.compile(circle.name))).to_be_visible()
    if lang != "en":
        page.evaluate(CHOOSE_LANGUAGE, lang)
        page.reload()
        expect(page.get_by_role("link", name=re.compile(circle.name))).to_be_visible()
        assert page.evaluate("() => document.documentElement.dir") == "rtl"
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(circle.name)).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(circle.name)
    assert f"#/circle/{circle.id}" in page.url
    for screen in CIRCLE_SCREENS:
        show(page, f"#/circle/{circle.id}{screen}")
        expect(page.get_by_role("heading", level=1)).to_contain_text(circle.name)
        assert_accessible(page)
    show(page, "#/settings")
    assert_accessible(page)
    page.context.close()


def test_family_screens_fit_320px_at_200_percent_text_with_big_targets(
    browser, live_server, circle
):
    page = _family_member(browser, live_server, circle, "en", width=320)
    for route in FAMILY_SCREENS:
        show(page, route)
        page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
        assert page.evaluate(OVERFLOW) <= 0, f"{route} scrolls sideways at 320 px, 200% text"
        page.evaluate("() => { document.documentElement.style.fontSize = ''; }")
        assert page.evaluate(SMALL_TARGETS) == [], f"{route} has touch targets under 44 px"
    page.context.close()


def test_the_young_persons_journey_works_with_the_keyboard_alone(browser, live_server, circle):
    page = phone(browser, live_server)
    code = circle.code("Sam")
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

    def starting(name: str, role: str = "link"):
        return page.get_by_role(role, name=re.compile("^" + re.escape(name))).first

    tab_to(page, starting("Write something"))
    page.keyboard.press("Enter")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Who sees my words?")  # the first time Sam writes
    tab_to(page, starting("I understand", "button"))
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
    tab_to(page, starting("Save", "button"))
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus must be visible"
    page.keyboard.press("Enter")
    item = page.get_by_role("listitem").filter(has_text=words)
    expect(item).to_be_visible()
    item.get_by_role("button", name="Stop sharing").focus()
    page.keyboard.press("Enter")
    tab_to(page, starting("Yes, stop sharing", "button"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("listitem").filter(has_text=words)).to_contain_text("Withdrawn on")
    page.context.close()


PUBLISH_A_PLAN = """async ({circle, text}) => {
  const me = await (await fetch('/api/me')).json();
  const headers = {'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token};
  const added = await fetch(`/api/circles/${circle}/plan/items`, {method: 'POST', headers,
    body: JSON.stringify({section: 'needs_to_happen', text})});
  const published = await fetch(`/api/circles/${circle}/plan/publish`, {method: 'POST', headers});
  return [added.status, published.status];
}"""


def test_a_carer_reviews_the_plan_with_the_keyboard_alone(browser, live_server, circle):
    words = f"Family time every Sunday {uuid.uuid4().hex[:6]}"
    priya = phone(browser, live_server)
    sign_in_as_practitioner(priya, circle.lead["email"], circle.lead["password"])
    expect(priya.get_by_role("link", name=re.compile(circle.name))).to_be_visible()
    added, published = priya.evaluate(PUBLISH_A_PLAN, {"circle": circle.id, "text": words})
    assert added < 300 and published < 300
    priya.context.close()

    alex = phone(browser, live_server)
    join(alex, circle.code("Alex"), "1357")
    expect(alex.get_by_role("heading", level=1)).to_contain_text("Alex")
    tab_to(alex, alex.get_by_role("link", name="Our plan"))
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
    alex.keyboard.press("Tab")  # what each choice means, behind a disclosure
    meaning = item.locator("summary", has_text="What does this mean?")
    expect(meaning).to_be_focused()
    alex.keyboard.press("Enter")
    expect(item.get_by_text("You and your worker.")).to_be_visible()
    alex.keyboard.press("Tab")
    assert alex.evaluate("() => document.activeElement.textContent") == "Send my answer"
    alex.keyboard.press("Enter")
    expect(alex.get_by_role("listitem").filter(has_text=words)).to_contain_text("I disagree")
    alex.context.close()
