"""The young person's journey: join, read who sees my words, write a worry for
my worker and a strength for just me; the lead practitioner sees only the worry,
the parent sees neither; 'read by' comes back; withdrawing leaves the
practitioner only a dated marker. Then the same in the simpler mode."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from e2e.steps import assert_accessible, join, new_phone, sign_in_as_practitioner


def write(page: Page, kind: str, question: str, words: str, audience: str) -> None:
    page.get_by_role("link", name="Write something").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Write something")
    page.get_by_role("radio", name=re.compile("^" + re.escape(kind))).check()
    page.get_by_label(question).fill(words)
    page.get_by_role("radio", name=re.compile("^" + re.escape(audience))).check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text(words)).to_be_visible()


def open_circle_voice(page: Page, circle) -> None:
    page.goto("/#/home")
    page.get_by_role("link", name=re.compile(circle.name)).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Family voice")


@pytest.mark.both_databases
def test_a_young_person_shares_a_worry_with_their_worker_and_keeps_a_strength(
    browser, live_server, circle
):
    worry = f"I worry when there is shouting {uuid.uuid4().hex[:6]}"
    strength = f"I am good at football {uuid.uuid4().hex[:6]}"

    sam = new_phone(browser, live_server.url)
    join(sam, circle.code("Sam"), "2468")
    expect(sam.get_by_role("heading", level=1)).to_contain_text("Sam")
    sam.get_by_role("link", name="Write something").first.click()
    heading = sam.get_by_role("heading", level=1)
    expect(heading).to_have_text("Who sees my words?")  # before the first time Sam writes
    expect(sam.get_by_text(re.compile("your worker must act to keep them safe"))).to_be_visible()
    assert_accessible(sam)
    sam.get_by_role("button", name="I understand").click()
    expect(sam.get_by_role("heading", level=1)).to_have_text("Write something")
    assert sam.get_by_role("radio", name=re.compile("^Just me")).is_checked()  # private by default
    assert_accessible(sam)
    sam.goto("/#/home")
    write(sam, "Something I'm worried about", "What are you worried about?", worry, "My worker")
    write(sam, "Something going well", "What is going well?", strength, "Just me")
    assert_accessible(sam)

    priya = new_phone(browser, live_server.url)
    sign_in_as_practitioner(priya, circle.lead["email"], circle.lead["password"])
    open_circle_voice(priya, circle)
    expect(priya.get_by_text(worry)).to_be_visible()
    expect(priya.get_by_text(strength)).to_have_count(0)
    expect(priya.get_by_text(re.compile("In .*Sam.*words")).first).to_be_visible()
    assert_accessible(priya)

    alex = new_phone(browser, live_server.url)
    join(alex, circle.code("Alex"), "1357")
    alex.get_by_role("link", name="Shared with me").click()
    expect(alex.get_by_role("heading", level=1)).to_have_text("Shared with me")
    expect(alex.get_by_text(worry)).to_have_count(0)
    expect(alex.get_by_text(strength)).to_have_count(0)

    sam.goto("/#/my-words")
    sam.reload()  # come back to My words later: the worker has read it since
    item = sam.get_by_role("listitem").filter(has_text=worry)
    expect(item).to_contain_text(re.compile("Read by .*Priya Shah"))
    item.get_by_role("button", name="Stop sharing").click()
    sam.get_by_role("button", name="Yes, stop sharing").click()
    expect(sam.get_by_role("listitem").filter(has_text=worry)).to_contain_text("Withdrawn on")

    priya.reload()
    expect(priya.get_by_role("heading", level=1)).to_contain_text("Family voice")
    expect(priya.get_by_text(worry)).to_have_count(0)
    expect(
        priya.get_by_text(re.compile("The writer took these words back on")).first
    ).to_be_visible()
    for page in (sam, priya, alex):
        page.context.close()


def test_a_younger_child_shares_in_the_simpler_version(browser, live_server, circle):
    worry = f"My tummy hurts at school {uuid.uuid4().hex[:6]}"
    mia = new_phone(browser, live_server.url)
    join(mia, circle.code("Mia"), "3571")
    mia.get_by_role("link", name="Tell us something").click()
    expect(mia.get_by_role("heading", level=1)).to_have_text("Who sees my words?")
    mia.get_by_role("button", name="I understand").click()
    expect(mia.get_by_role("heading", level=1)).to_have_text("What do you want to tell us about?")
    assert_accessible(mia)
    mia.get_by_role("button", name="A worry").click()
    mia.get_by_role("textbox").fill(worry)
    mia.get_by_role("button", name="Next").click()
    expect(mia.get_by_role("heading", level=1)).to_have_text("Who can see this?")
    assert mia.get_by_role("radio", name=re.compile("^Just me")).is_checked()
    assert_accessible(mia)
    mia.get_by_role("radio", name=re.compile("^My worker")).check()
    mia.get_by_role("button", name="Save", exact=True).click()
    expect(mia.get_by_role("heading", level=1)).to_have_text("Done!")
    assert_accessible(mia)

    priya = new_phone(browser, live_server.url)
    sign_in_as_practitioner(priya, circle.lead["email"], circle.lead["password"])
    open_circle_voice(priya, circle)
    expect(priya.get_by_text(worry)).to_be_visible()

    mia.get_by_role("link", name="See my words").click()
    item = mia.get_by_role("listitem").filter(has_text=worry)
    item.get_by_role("button", name="Stop sharing").click()
    mia.get_by_role("button", name="Yes, stop sharing").click()
    expect(mia.get_by_role("listitem").filter(has_text=worry)).to_contain_text("Withdrawn on")
    priya.reload()
    expect(priya.get_by_role("heading", level=1)).to_contain_text("Family voice")
    expect(priya.get_by_text(worry)).to_have_count(0)
    for page in (mia, priya):
        page.context.close()
