"""Joining again on a new phone: the member brings their words with their old
secret number (a worker made the code, so the code alone opens nothing), and the
old phone says why it was signed out."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from e2e.steps import assert_accessible, join, new_phone, sign_in_as_practitioner

NEW_CODE = """async ([circle, name]) => {
  const me = await (await fetch('/api/me')).json();
  const headers = {'X-CSRF-Token': me.csrf_token};
  const detail = await (await fetch(`/api/circles/${circle}`)).json();
  const member = detail.members.find((m) => m.name === name);
  const made = await fetch(`/api/circles/${circle}/members/${member.id}/invitations`,
    {method: 'POST', headers});
  return (await made.json()).code;
}"""


def test_a_new_phone_brings_the_words_only_with_the_old_secret_number(browser, live_server, circle):
    old_phone = new_phone(browser, live_server.url)
    join(old_phone, circle.code("Sam"), "2468")
    expect(old_phone.get_by_role("heading", level=1)).to_contain_text("Sam")

    priya = new_phone(browser, live_server.url)
    sign_in_as_practitioner(priya, circle.lead["email"], circle.lead["password"])
    expect(priya.get_by_role("link", name=re.compile(circle.name))).to_be_visible()
    code = priya.evaluate(NEW_CODE, [circle.id, "Sam"])

    new = new_phone(browser, live_server.url)
    join(new, code, "3094")
    expect(new.get_by_role("alert").first).to_contain_text("You have used Alongside before")
    expect(new.get_by_role("group", name="You have used Alongside before")).to_be_visible()
    assert_accessible(new)
    new.get_by_role("radio", name="I know my old secret number").check()
    new.get_by_label("Your old secret number").fill("1357")
    new.get_by_role("button", name="Join").click()
    expect(new.get_by_role("alert").first).to_contain_text("That is not your old secret number")
    new.get_by_label("Your old secret number").fill("2468")
    new.get_by_role("button", name="Join").click()
    expect(new.get_by_role("heading", level=1)).to_contain_text("Sam")

    old_phone.reload()
    expect(old_phone.get_by_role("alert")).to_contain_text(
        "This phone was signed out because you joined Alongside on another phone"
    )
    assert_accessible(old_phone)
