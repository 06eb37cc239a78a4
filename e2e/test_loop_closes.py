"""Asked, told, answered: a request for views reaches the young person's home and
they answer it, while their worker's meeting page follows it from asked to seen to
shared; a call for help waits on the worker's screens until acknowledged, and the
young person then sees who has seen it. Both in English and Urdu under axe."""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from e2e.steps import assert_accessible, join, new_phone, sign_in_as_practitioner
from e2e.test_plan import add_to_plan, named

CHOOSE_LANGUAGE = """async (lang) => {
  const me = await (await fetch('/api/me')).json();
  await fetch('/api/me/locale', {method: 'PUT', body: JSON.stringify({locale: lang}),
    headers: {'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token}});
}"""


def share(
    page: Page,
    words: str,
    audience: str,
    kind="Something I want to happen",
    question="What do you want to happen?",
) -> None:
    page.get_by_role("link", name="Write something").first.click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(re.compile(r"^(Who sees my words\?|Write something)$"))
    if heading.text_content() == "Who sees my words?":  # before the first time they write
        page.get_by_role("button", name="I understand").click()
    expect(heading).to_have_text("Write something")
    page.get_by_role("radio", name=re.compile("^" + re.escape(kind))).check()
    page.get_by_label(question).fill(words)
    page.get_by_role("radio", name=re.compile("^" + audience)).check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("listitem").filter(has_text=words)).to_contain_text("Who can see this")


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
    sam.goto("/#/home")
    expect(sam.locator(".urgent-seen")).to_be_visible()
    expect(sam.locator(".urgent-seen")).not_to_contain_text("Priya Shah")
    banner.get_by_role("button").click()
    expect(banner).to_have_count(0)
    priya.reload()
    expect(priya.get_by_role("heading", level=1)).to_be_visible()
    expect(banner).to_have_count(0)

    # Sam comes back to the app: the home is shown afresh, without a reload.
    sam.evaluate("() => document.dispatchEvent(new Event('visibilitychange'))")
    seen = sam.locator(".urgent-seen")
    expect(seen).to_contain_text("Priya Shah")
    if lang == "en":
        expect(seen).to_contain_text(re.compile(r"Priya Shah\W? has seen that you need to talk\."))
    assert_accessible(sam)


def test_my_worker_words_are_marked_for_the_lead_hidden_from_the_school_and_withdrawals_follow(
    browser, live_server, circle
):
    worry = f"Mum shouts at night {uuid.uuid4().hex[:6]}"
    wish = f"I want to see Grandma {uuid.uuid4().hex[:6]}"
    lead = circle.lead["name"]
    sam = new_phone(browser, live_server.url)
    join(sam, circle.code("Sam"), "2468")
    share(
        sam,
        worry,
        "My worker",
        kind="Something I'm worried about",
        question="What are you worried about?",
    )
    sam.goto("/#/home")
    share(sam, wish, "My family too")

    priya = new_phone(browser, live_server.url)
    sign_in_as_practitioner(priya, circle.lead["email"], circle.lead["password"])
    priya.get_by_role("link", name=re.compile(circle.name)).first.click()
    expect(priya.get_by_text(worry)).to_be_visible()
    item = priya.get_by_role("listitem").filter(has_text=worry)
    item.get_by_role("button", name="Add to plan").click()
    expect(priya.get_by_role("radio", name="What we're worried about")).to_be_checked()
    priya.get_by_role("button", name="Add to the plan").click()
    expect(
        priya.get_by_text("Please confirm who will and will not see these words.")
    ).to_be_visible()
    priya.get_by_label("I understand who will and will not see them").check()
    priya.get_by_role("button", name="Add to the plan").click()
    expect(item).to_contain_text("Added to the plan")
    add_to_plan(priya, wish, "What needs to happen")
    expect(item.get_by_role("button", name="Add to plan")).to_have_count(0)
    priya.get_by_role("navigation", name="This circle").get_by_role("link", name="Plan").click()
    expect(priya.get_by_text(named(f"Only |{lead}| can see these words"))).to_be_visible()
    priya.get_by_role("button", name="Publish to the family").click()
    priya.get_by_role("button", name="Yes, publish it").click()
    expect(priya.locator("#publish-status")).to_contain_text("The family can see version")

    tom = new_phone(browser, live_server.url)
    sign_in_as_practitioner(tom, circle.colleague["email"], circle.colleague["password"])
    expect(tom.get_by_role("link", name=re.compile(circle.name))).to_be_visible()
    tom.goto(f"/#/circle/{circle.id}/plan")
    expect(tom.get_by_text(named(f"1 item is only for |{lead}"))).to_be_visible()
    expect(tom.get_by_text(worry)).to_have_count(0)
    expect(tom.get_by_text(wish)).to_be_visible()
    assert_accessible(tom)

    alex = new_phone(browser, live_server.url)
    join(alex, circle.code("Alex"), "1357")
    expect(alex.get_by_role("heading", level=1)).to_contain_text("Alex")
    alex.goto("/#/plan")
    expect(alex.get_by_text(wish).first).to_be_visible()

    sam.goto("/#/my-words")
    sam.reload()
    sam.get_by_role("listitem").filter(has_text=wish).get_by_role(
        "button", name="Stop sharing"
    ).click()
    sam.get_by_role("button", name="Yes, stop sharing").click()
    expect(sam.get_by_role("listitem").filter(has_text=wish)).to_contain_text("Withdrawn on")
    sam.goto("/#/you-said")
    said = sam.get_by_role("listitem").filter(has_text=wish)
    expect(said).to_contain_text("You stopped sharing this on")
    expect(said).not_to_contain_text("Used in the plan")
    expect(sam.get_by_role("listitem").filter(has_text=worry)).to_contain_text("Used in the plan")
    assert_accessible(sam)

    alex.reload()
    changed = alex.get_by_role("region", name="What changed since you last looked")
    expect(changed).to_contain_text("Withdrawn")
    needs = alex.get_by_role("region", name="What needs to happen")
    withdrawn = needs.get_by_role("listitem").filter(has_text="The writer took these words back on")
    expect(withdrawn).to_have_count(1)
    expect(withdrawn.get_by_role("radio", name="I disagree")).to_have_count(0)
    expect(alex.get_by_text(wish)).to_have_count(0)
    assert_accessible(alex)
