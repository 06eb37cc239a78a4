"""Anyone can choose their language: before sign-in it is kept on the phone, once
signed in it is kept for the person. A form with problems lists them at the top,
each linking to its field, and the page's title says "Error:"."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from e2e.steps import assert_accessible, join, new_phone, sign_in_as_practitioner

ME = "async () => (await (await fetch('/api/me')).json()).locale"


def test_the_sign_in_page_changes_language_and_the_phone_keeps_it(browser, live_server):
    page = new_phone(browser, live_server.url)
    page.goto("/#/sign-in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    switcher = page.get_by_role("navigation", name="Language")
    expect(switcher.get_by_role("button", name="English")).to_have_attribute("aria-pressed", "true")
    switcher.get_by_role("button", name="Polski").click()
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Sign in")
    expect(page).to_have_title(re.compile(r" – Alongside$"))
    page.reload()  # the server reads the phone's choice too
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    expect(
        page.get_by_role("navigation", name="Język").get_by_role("button", name="Polski")
    ).to_have_attribute("aria-pressed", "true")
    assert_accessible(page)
    page.context.close()


def test_a_joined_family_member_chooses_urdu_in_settings(browser, live_server, circle):
    page = new_phone(browser, live_server.url)
    join(page, circle.code("Sam"), "2468")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sam")
    page.goto("/#/settings")
    expect(page.get_by_role("heading", level=1)).to_have_text("Settings")
    page.get_by_role("button", name="اردو").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("button", name="اردو")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate(ME) == "ur"  # kept for Sam, on every phone
    assert_accessible(page)
    page.context.close()


def test_a_form_with_problems_lists_them_at_the_top(browser, live_server):
    page = new_phone(browser, live_server.url)
    page.goto("/#/sign-in")
    expect(page).to_have_title("Sign in – Alongside")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_title("Error: Sign in – Alongside")
    summary = page.locator(".error-summary")
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    expect(summary.get_by_role("link")).to_have_count(2)
    summary.get_by_role("link", name="Enter your password.").click()
    expect(page.get_by_label("Password")).to_be_focused()
    assert page.url.endswith("#/sign-in")  # the link moved focus, not the screen
    assert_accessible(page)
    page.get_by_label("Work email address").fill("someone@example.test")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text("That email or password is not right.")
    expect(summary).to_have_count(0)
    page.context.close()


def test_pasted_words_are_never_cut_and_the_count_is_said(browser, live_server, circle):
    page = new_phone(browser, live_server.url)
    join(page, circle.code("Sam"), "2468")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sam")
    page.get_by_role("link", name="Write something").first.click()
    page.get_by_role("button", name="I understand").click()
    box = page.locator("textarea[name=text]")
    pasted = "word " * 1000 + "words"  # 5005 letters: five too many
    box.fill(pasted)
    assert box.input_value() == pasted
    expect(page.locator(".text-count")).to_have_text(
        "That is 5 letters too many. Please take some out."
    )
    spoken = page.locator(".character-count [aria-live=polite]")
    expect(spoken).to_have_text("That is 5 letters too many. Please take some out.")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator(".error-summary")).to_contain_text("5 letters too many")
    assert box.input_value() == pasted  # still all there, to cut down as they choose
    page.context.close()


def test_a_message_stays_in_a_banner_until_they_move_on(browser, live_server, circle):
    page = new_phone(browser, live_server.url)
    join(page, circle.code("Sam"), "2468")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sam")
    page.get_by_role("button", name="Use the simpler version").click()
    banner = page.get_by_role("status")
    expect(banner).to_have_text("You are using the simpler version.")
    page.clock.install()
    page.clock.run_for(60_000)  # a slow reader's minute: nothing has gone away
    expect(banner).to_have_text("You are using the simpler version.")
    above = "(b) => b.getBoundingClientRect().bottom <= document.getElementById('view').getBoundingClientRect().top"
    assert banner.evaluate(above)  # above the screen, covering nothing
    page.get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Settings")
    expect(page.locator("#status")).to_be_empty()
    page.context.close()


@pytest.mark.both_databases
def test_an_invitation_is_given_in_the_family_members_language(browser, live_server, circle):
    worker = new_phone(browser, live_server.url)
    sign_in_as_practitioner(worker, circle.lead["email"], circle.lead["password"])
    expect(worker.get_by_role("link", name=re.compile(circle.name))).to_be_visible()
    worker.goto(f"/#/circle/{circle.id}/people")
    expect(worker.get_by_role("heading", level=1)).to_contain_text("People")
    worker.get_by_label("Name").fill("Zara")
    worker.get_by_role("radio", name="Young person").check()
    worker.get_by_role("radio", name="12 to 15").check()
    worker.get_by_role("radio", name="Urdu").check()
    worker.get_by_role("button", name="Add and make an invitation").click()
    theirs = worker.locator(".invitation-theirs")
    expect(theirs).to_have_attribute("lang", "ur")
    expect(theirs).to_have_attribute("dir", "rtl")
    expect(theirs).to_contain_text("کوڈ")
    link = worker.locator(".invitation-link").inner_text()
    assert "lang=ur" in link
    assert_accessible(worker)
    phone = new_phone(browser, live_server.url)
    phone.goto(link.replace(live_server.url, ""))
    expect(phone.locator("html")).to_have_attribute("lang", "ur")  # the join page
    expect(phone.get_by_label(re.compile("کوڈ"))).to_have_value(link.rsplit("/", 1)[1])
    worker.context.close()
    phone.context.close()


def test_the_app_speaks_politely_to_adults_where_the_language_does(browser, live_server):
    page = new_phone(browser, live_server.url)
    page.goto("/?lang=pl#/sign-in")
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    # The shell comes with lang="pl" from the server; the words arrive a moment later.
    said = page.evaluate(
        """async () => {
      const { tp, t } = await import('/shell/i18n.js');
      for (let tries = 0; t('Sign in') === 'Sign in' && tries < 200; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return [tp('carer', 'Nothing has been shared with you yet.'), t('Sign in')];
    }"""
    )
    assert said[0] == "Nic jeszcze Państwu nie udostępniono."
    assert said[1] != "Sign in"
    page.context.close()


def test_a_carer_is_spoken_to_politely_and_a_child_familiarly(browser, live_server, circle):
    """Polish has a polite form for adults: Alex, a parent, is greeted "Dzień dobry"
    and told about "Państwa" circle; Sam, 13, hears "Cześć" and "Twój"."""
    said = {}
    for name, pin in (("Alex", "1357"), ("Sam", "2468")):
        page = new_phone(browser, live_server.url)
        join(page, circle.code(name), pin)
        expect(page.get_by_role("heading", level=1)).to_contain_text(name)
        page.goto("/#/settings")
        page.get_by_role("button", name="Polski").click()
        expect(page.locator("html")).to_have_attribute("lang", "pl")
        page.goto("/#/home")
        expect(page.get_by_role("heading", level=1)).to_contain_text(name)
        said[name] = page.locator("main").inner_text()
        page.context.close()
    assert said["Alex"].startswith("Dzień dobry") and "Państwa krąg" in said["Alex"]
    assert said["Sam"].startswith("Cześć") and "Twój krąg" in said["Sam"]
