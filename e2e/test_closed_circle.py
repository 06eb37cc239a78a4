"""A closed circle on a young person's phone: the home says when it closed and
what they can still do, offers no way to write, and "I need to talk to someone
now" says plainly that nobody will be told through the app, with the numbers."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from e2e.steps import assert_accessible, join, new_phone, sign_in_as_practitioner

CLOSE = """async (id) => {
  const me = await (await fetch('/api/me')).json();
  await fetch(`/api/circles/${id}/close`, {method: 'POST',
    headers: {'X-CSRF-Token': me.csrf_token}});
}"""


def test_a_young_person_sees_their_circle_has_closed_and_who_to_call(browser, live_server, circle):
    priya = new_phone(browser, live_server.url)
    sign_in_as_practitioner(priya, circle.lead["email"], circle.lead["password"])
    expect(priya.get_by_role("link", name=re.compile(circle.name))).to_be_visible()

    sam = new_phone(browser, live_server.url)
    join(sam, circle.code("Sam"), "2468")
    expect(sam.get_by_role("heading", level=1)).to_contain_text("Sam")
    expect(sam.get_by_role("link", name="Write something")).to_be_visible()

    priya.evaluate(CLOSE, circle.id)
    sam.reload()
    expect(sam.get_by_role("heading", name="Your circle has closed")).to_be_visible()
    expect(
        sam.get_by_text(re.compile(r"It closed on .+\. Nobody reads new words here now\."))
    ).to_be_visible()
    expect(
        sam.get_by_text(re.compile(r"You can also save a copy of all you wrote\."))
    ).to_be_visible()
    expect(sam.get_by_role("link", name="Write something")).to_have_count(0)
    expect(sam.get_by_role("link", name="My words", exact=True)).to_be_visible()
    assert_accessible(sam)

    sam.get_by_role("button", name="I need to talk to someone now").click()
    expect(sam.get_by_role("heading", level=1)).to_have_text("Talk to someone now")
    expect(
        sam.get_by_text("Your circle has closed, so nobody will be told through the app.")
    ).to_be_visible()
    expect(sam.get_by_role("link", name="If you are in danger now, call 999.")).to_be_visible()
    expect(sam.get_by_role("link", name=re.compile("Childline: 0800 1111"))).to_be_visible()
    expect(sam.get_by_text("We have told your worker you need to talk.")).to_have_count(0)
    assert_accessible(sam)
