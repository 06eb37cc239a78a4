"""Meetings and the plan, WITH the family: a practitioner schedules a meeting and
asks Sam (14) and Alex (parent) for their views; Sam shares with "my family too",
Alex with "my meeting"; the practitioner brings both into the plan, adds an action
owned by Alex and publishes; Alex disagrees with an item; the practitioner sees
the disagreement; Sam narrows his words to "my worker" and Alex's plan loses them
at once."""

from __future__ import annotations

import re
import tempfile
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from e2e.steps import (
    assert_accessible,
    join,
    lead_starts_a_plan_item,
    new_phone,
    sign_in_as_practitioner,
    wait_until_sent,
)

MARKS = "[\u2068\u2069]*"
PRINT_SHOT = Path(tempfile.gettempdir()) / "alongside-print-view.png"


def named(text: str) -> re.Pattern[str]:
    """A name or label inside a sentence, with its invisible direction marks."""
    return re.compile(MARKS.join(re.escape(part) for part in text.split("|")))


def share(page: Page, words: str, audience: str) -> None:
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Hello")
    page.get_by_role("link", name="Write something").first.click()
    expect(heading).to_have_text("Who sees my words?")  # before they first write
    page.get_by_role("button", name="I understand").click()
    expect(heading).to_have_text("Write something")
    page.get_by_role("radio", name=re.compile("^Something I want to happen")).check()
    page.get_by_label("What do you want to happen?").fill(words)
    page.get_by_role("radio", name=re.compile("^" + audience)).check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("listitem").filter(has_text=words)).to_contain_text(
        re.compile("Sent|Who can see this")
    )


def add_to_plan(page: Page, words: str, section: str) -> None:
    item = page.get_by_role("listitem").filter(has_text=words)
    item.get_by_role("button", name="Add to plan").click()
    page.get_by_role("radio", name=section).check()
    page.get_by_role("button", name="Add to the plan").click()
    # Said beside these words (an item added earlier keeps its own such line).
    expect(item.get_by_text(named("Added to the plan: |" + section))).to_be_visible()


@pytest.mark.both_databases
def test_the_plan_is_built_with_the_familys_words_and_answered_by_them(
    browser, live_server, circle
):
    sams_words = f"I want to see Grandma every week {uuid.uuid4().hex[:6]}"
    alexs_words = f"I want help with the school run {uuid.uuid4().hex[:6]}"
    team_words = f"Sam goes to football club {uuid.uuid4().hex[:6]}"

    priya = new_phone(browser, live_server.url)
    sign_in_as_practitioner(priya, circle.lead["email"], circle.lead["password"])
    priya.get_by_role("link", name=re.compile(circle.name)).click()
    priya.get_by_role("navigation", name="This circle").get_by_role("link", name="Meetings").click()
    expect(priya.get_by_role("heading", level=1)).to_contain_text("Meetings")
    priya.get_by_role("radio", name="Family group conference").check()
    when = datetime.combine(date.today() + timedelta(days=12), datetime.min.time()).replace(hour=10)
    priya.get_by_label("Date and time").fill(when.strftime("%Y-%m-%dT%H:%M"))
    priya.get_by_label("Place").fill("Family centre")
    priya.get_by_role("button", name="Schedule the meeting").click()
    expect(priya.get_by_role("heading", level=1)).to_have_text("Family group conference")
    challenge = priya.get_by_role("region", name="Has everyone had the chance to take part?")
    expect(challenge).to_contain_text(named("Nobody has asked |Mia"))
    priya.get_by_role("checkbox", name="Sam").check()
    priya.get_by_role("checkbox", name="Alex").check()
    priya.get_by_label("By when?").fill((date.today() + timedelta(days=7)).isoformat())
    priya.get_by_role("button", name="Ask for their views").click()
    expect(challenge).not_to_contain_text("Sam")
    expect(challenge).to_contain_text("Mia")
    assert_accessible(priya)

    sam = new_phone(browser, live_server.url)
    join(sam, circle.code("Sam"), "2468")
    share(sam, sams_words, "My family too")
    alex = new_phone(browser, live_server.url)
    join(alex, circle.code("Alex"), "1357")
    share(alex, alexs_words, "My meeting")

    priya.goto("/#/home")
    priya.get_by_role("link", name=re.compile(circle.name)).click()
    expect(priya.get_by_text(sams_words)).to_be_visible()
    add_to_plan(priya, sams_words, "What needs to happen")
    add_to_plan(priya, alexs_words, "What needs to happen")
    priya.get_by_role("navigation", name="This circle").get_by_role("link", name="Plan").click()
    expect(priya.get_by_role("heading", level=1)).to_contain_text("Plan")
    working_well = priya.get_by_role("region", name="What's working well")
    working_well.get_by_role("button", name="Add an item").click()
    priya.get_by_label("What the plan says").fill(team_words)
    priya.get_by_role("button", name="Add to the plan").click()
    expect(priya.get_by_text(team_words)).to_be_visible()
    actions = priya.get_by_role("region", name="Actions")
    actions.get_by_role("button", name="Add an action").click()
    priya.get_by_label("What the plan says").fill("Alex books the school run rota")
    priya.get_by_label("Who will do it?").select_option(label="Alex")
    priya.get_by_label("By when?").fill((date.today() + timedelta(days=14)).isoformat())
    priya.get_by_role("button", name="Add to the plan").click()
    expect(actions).to_contain_text("Alex books the school run rota")
    priya.get_by_role("button", name="Publish to the family").click()
    # The lead is told who will see it before it is published.
    asking = priya.locator(".word-panel")
    expect(asking).to_contain_text("Sam, Mia, Alex")
    expect(asking).to_contain_text("and everyone on the team will see it.")
    priya.get_by_role("button", name="Yes, publish it").click()
    expect(priya.locator("#publish-status")).to_contain_text("The family can see version")
    assert_accessible(priya)

    alex.goto("/#/plan")
    alex.reload()
    expect(alex.get_by_role("heading", level=1)).to_have_text("Our plan")
    expect(alex.get_by_text(sams_words).first).to_be_visible()  # shared with "my family too"
    expect(alex.get_by_text(alexs_words).first).to_be_visible()
    assert_accessible(alex)
    # (The same item may also be listed under "What changed since you last looked".)
    working_well_for_alex = alex.get_by_role("region", name="What's working well")
    item = working_well_for_alex.get_by_role("listitem").filter(has_text=team_words)
    item.get_by_role("radio", name="I disagree").check()
    item.get_by_label("Tell us why, in your own words").fill("He stopped going in October")
    item.get_by_role("button", name="Send my answer").click()
    expect(
        working_well_for_alex.get_by_role("listitem").filter(has_text=team_words)
    ).to_contain_text("I disagree")
    # Shown at once, from the phone's outbox: Priya looks once the server has it.
    wait_until_sent(alex)

    priya.reload()
    answered = priya.get_by_role("listitem").filter(has_text=team_words)
    expect(answered).to_contain_text("Disagrees — needs a response")
    expect(answered).to_contain_text("He stopped going in October")

    sam.goto("/#/my-words")
    sam.reload()
    mine = sam.get_by_role("listitem").filter(has_text=sams_words)
    mine.get_by_role("button", name="Change who can see this").click()
    sam.get_by_role("radio", name=re.compile("^My worker")).check()
    sam.get_by_role("button", name="Save this choice").click()
    expect(sam.get_by_role("listitem").filter(has_text=sams_words)).to_contain_text(
        re.compile("My worker")
    )
    wait_until_sent(sam)  # shown at once; Alex's reload must come after the server has it

    alex.reload()
    expect(alex.get_by_role("heading", level=1)).to_have_text("Our plan")
    expect(alex.get_by_text(alexs_words).first).to_be_visible()
    expect(alex.get_by_text(sams_words)).to_have_count(0)

    printed = alex.context.new_page()
    printed.goto("/print/my-plan")
    expect(printed.get_by_text(alexs_words)).to_be_visible()
    expect(printed.get_by_text("In Alex's words").first).to_be_visible()
    assert sams_words not in printed.content()
    printed.screenshot(path=str(PRINT_SHOT), full_page=True)
    for page in (priya, sam, alex):
        page.context.close()


def test_long_pasted_plan_words_are_never_cut(browser, live_server, circle):
    """A worker pastes a long paragraph from their notes: the box grows to show it,
    keeps every letter, says how much is over the server's 2,000, and refuses to
    save until it fits."""
    priya, box = lead_starts_a_plan_item(browser, live_server.url, circle)
    pasted = "Sam goes to football on Tuesdays. " * 60 + "More."  # 2045 letters
    box.fill(pasted)
    assert box.input_value() == pasted
    expect(priya.locator(".text-count")).to_have_text(
        "That is 45 letters too many. Please take some out."
    )
    grown = box.evaluate("(b) => b.clientHeight >= b.scrollHeight - 1")
    assert grown, "the box shows all the words without its own scroll bar"
    priya.get_by_role("button", name="Add to the plan").click()
    expect(priya.locator(".error-summary")).to_contain_text("45 letters too many")
    assert box.input_value() == pasted
    box.fill(pasted[:2000])
    expect(priya.locator(".text-count")).to_have_text("That is the most you can write here.")
    priya.get_by_role("button", name="Add to the plan").click()
    expect(priya.get_by_text(pasted[:40]).first).to_be_visible()
    priya.context.close()
