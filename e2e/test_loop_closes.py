"""Asked, told, answered: a request for views reaches the young person's home and
they answer it, while their worker's meeting page follows it from asked to seen to
shared; a call for help waits on the worker's screens until acknowledged, and the
young person then sees who has seen it. Both in English and Urdu under axe."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from e2e.steps import assert_accessible, join, new_phone, sign_in_as_practitioner

CHOOSE_LANGUAGE = """async (lang) => {
  const me = await (await fetch('/api/me')).json();
  await fetch('/api/me/locale', {method: 'PUT', body: JSON.stringify({locale: lang}),
    headers: {'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token}});
}"""


def _open_meeting(priya: Page, circle) -> None:
    priya.goto(f"/#/circle/{circle.id}/meetings")
    priya.get_by_role("link", name="Child in need review").click()
    expect(priya.get_by_role("heading", level=1)).to_have_text("Child in need review")


def _sams_views(priya: Page):
    return priya.locator(".member-views").filter(has=priya.get_by_role("heading", name="Sam"))


def test_a_request_for_views_reaches_the_young_persons_home_and_they_answer_it(
    browser, live_server, circle
):
    priya = new_phone(browser, live_server.url)
    sign_in_as_practitioner(priya, circle.lead["email"], circle.lead["password"])
    expect(priya.get_by_role("link", name=re.compile(circle.name))).to_be_visible()
    _open_meeting(priya, circle)
    priya.get_by_role("checkbox", name=re.compile("^Sam")).check()
    priya.get_by_label("By when?").fill((date.today() + timedelta(days=5)).isoformat())
    priya.get_by_role("button", name="Ask for their views").click()
    expect(_sams_views(priya)).to_contain_text("Asked, not seen yet")
    assert_accessible(priya)

    sam = new_phone(browser, live_server.url)
    join(sam, circle.code("Sam"), "2468")
    asked = sam.get_by_role("region", name="You have been asked for your views")
    expect(asked).to_contain_text("Priya Shah")
    expect(asked).to_contain_text("Child in need review")
    expect(asked).to_contain_text(re.compile(r"Please share by \W?\d"))
    assert_accessible(sam)

    priya.reload()
    expect(_sams_views(priya)).to_contain_text("Seen on")

    asked.get_by_role("link", name="Share your views").click()
    sam.get_by_role("button", name="I understand").click()
    expect(sam.get_by_role("heading", level=1)).to_have_text("Write something")
    expect(sam.get_by_role("radio", name=re.compile("^Child in need review"))).to_be_checked()
    sam.get_by_role("radio", name=re.compile("^Something I want to happen")).check()
    sam.get_by_label("What do you want to happen?").fill("I want to stay at my school")
    sam.get_by_role("radio", name=re.compile("^My worker")).check()
    sam.get_by_role("button", name="Save", exact=True).click()
    expect(sam.get_by_text("I want to stay at my school")).to_be_visible()
    sam.goto("/#/home")
    expect(sam.get_by_text("Thank you. You shared something for this meeting.")).to_be_visible()

    priya.reload()
    expect(_sams_views(priya)).to_contain_text("Shared their views")


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a_call_for_help_is_acknowledged_and_the_young_person_sees_who(
    browser, live_server, circle, lang
):
    sam = new_phone(browser, live_server.url)
    join(sam, circle.code("Sam"), "2468")
    expect(sam.get_by_role("heading", level=1)).to_contain_text("Sam")
    sam.get_by_role("button", name="I need to talk to someone now").click()
    expect(sam.get_by_text("We have told your worker you need to talk.")).to_be_visible()

    priya = new_phone(browser, live_server.url)
    sign_in_as_practitioner(priya, circle.lead["email"], circle.lead["password"])
    banner = priya.locator(".urgent-banner")
    expect(banner).to_contain_text(re.compile(r"Sam\W? needs to talk to someone now"))
    expect(banner).to_contain_text("Young person, 12 to 15")
    priya.goto(f"/#/circle/{circle.id}/plan")
    expect(priya.get_by_role("heading", level=1)).to_contain_text(circle.name)
    expect(banner).to_be_visible()  # on every screen until someone acknowledges it
    if lang != "en":
        for page in (priya, sam):
            page.evaluate(CHOOSE_LANGUAGE, lang)
            page.reload()
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            assert page.evaluate("() => document.documentElement.dir") == "rtl"
    assert_accessible(priya)
    banner.get_by_role("button").click()
    expect(banner).to_have_count(0)
    priya.reload()
    expect(priya.get_by_role("heading", level=1)).to_be_visible()
    expect(banner).to_have_count(0)

    sam.goto("/#/home")
    sam.reload()
    seen = sam.locator(".urgent-seen")
    expect(seen).to_contain_text("Priya Shah")
    if lang == "en":
        expect(seen).to_contain_text(re.compile(r"Priya Shah\W? has seen that you need to talk\."))
    assert_accessible(sam)
