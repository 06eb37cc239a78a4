"""The "who can see it" step is light: a picture and a short name for each choice,
and what each means behind "What does this mean?"."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e.steps import assert_accessible, join, new_phone


@pytest.mark.parametrize("width", [390, 320])
def test_each_choice_is_a_picture_and_a_short_name_with_the_details_behind_a_question(
    browser, live_server, circle, width
):
    page = new_phone(browser, live_server.url)
    join(page, circle.code("Sam"), "2468")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sam")
    page.get_by_role("link", name="Write something").first.click()
    page.get_by_role("button", name="I understand").click()
    page.set_viewport_size({"width": width, "height": 844})
    choices = page.get_by_role("group", name="Who can see this?")
    for name in ("Just me", "My worker", "My meeting", "My family too"):
        expect(choices.get_by_role("radio", name=name, exact=True)).to_be_visible()
    expect(choices.locator(".choice-icon")).to_have_count(4)
    meaning = page.get_by_text("Your workers and the grown-ups who look after you.")
    expect(meaning).to_be_hidden()
    page.get_by_text("What does this mean?").click()
    expect(meaning).to_be_visible()
    expect(page.get_by_text("Only you. Nobody else can see it.")).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
    page.context.close()
