"""A practitioner signs in; a young person joins from an invitation, sets a PIN and
reaches home; the shell reopens offline; axe finds nothing on those screens."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from e2e.steps import CACHED_URLS, SW_CONTROLS, assert_accessible, join, sign_in_as_practitioner


def test_a_practitioner_signs_in_and_sees_their_circles(page, circle):
    priya = circle.lead
    page.goto("/")
    assert_accessible(page)
    sign_in_as_practitioner(page, priya["email"], "not the password")
    expect(page.get_by_role("alert")).to_contain_text("That email or password is not right.")
    page.get_by_label("Password").fill(priya["password"])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your circles")
    circle = page.get_by_role("listitem").filter(has_text="Sam and Mia")
    expect(circle).to_contain_text("Lead practitioner")
    expect(circle).to_contain_text("3 members")
    expect(circle).to_contain_text("Child in need review")
    assert_accessible(page)


def test_a_young_person_joins_sets_a_pin_and_comes_back_with_it(page, circle):
    join(page, circle.code("Sam"), "2468")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sam")
    assert "#/join" not in page.url  # the code does not linger in the address bar
    expect(page.get_by_text("Priya Shah")).to_be_visible()
    expect(page.get_by_text("Child in need review")).to_be_visible()
    expect(page.get_by_role("button", name="Quick exit")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome back")
    assert_accessible(page)
    page.get_by_label("Your secret number").fill("1111")
    page.get_by_role("button", name="Open").click()
    expect(
        page.locator(".field-error", has_text="That secret number is not right.")
    ).to_be_visible()
    page.get_by_label("Your secret number").fill("2468")
    page.get_by_role("button", name="Open").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sam")


def test_the_join_screen_is_accessible_and_a_used_code_is_explained(page, circle):
    code = circle.code("Alex")
    page.goto(f"/#/join/{code}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Join your circle")
    assert_accessible(page)
    join(page, code, "1357")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Alex")
    page.context.clear_cookies()  # as if on another phone
    page.goto("about:blank")
    join(page, code, "1357")
    expect(page.get_by_role("alert")).to_contain_text("already been used")


def test_the_shell_opens_offline_from_the_service_worker(page):
    page.goto("/")
    page.wait_for_function(SW_CONTROLS)
    page.context.set_offline(True)
    try:
        page.reload()
        expect(page.locator("main#view")).to_be_visible()
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"\S"))
        assert page.evaluate(SW_CONTROLS)
        cached = page.evaluate(CACHED_URLS)
        assert any(url.split("?")[0].endswith("/app.js") for url in cached)
        assert not [url for url in cached if "/api/" in url]  # family data is never cached
    finally:
        page.context.set_offline(False)
