"""A closed circle on a young person's phone: the home says when it closed and
what they can still do, offers no way to write, and "I need to talk to someone
now" says plainly that nobody will be told through the app, with the numbers."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import expect

from e2e.steps import assert_accessible, join, sign_in_as_practitioner
from e2e.test_family_voice import phone

# Its own circle, so closing it changes nothing for the other journeys.
NEW_CIRCLE = """async (name) => {
  const me = await (await fetch('/api/me')).json();
  const headers = {'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token};
  const circle = await (await fetch('/api/circles', {method: 'POST', headers,
    body: JSON.stringify({name})})).json();
  const added = await (await fetch(`/api/circles/${circle.id}/members`, {method: 'POST', headers,
    body: JSON.stringify({name: 'Zoe', role: 'young_person', age_band: '12_15', locale: 'en'})}))
    .json();
  return {id: circle.id, code: added.invitation.code};
}"""
CLOSE = """async (id) => {
  const me = await (await fetch('/api/me')).json();
  await fetch(`/api/circles/${id}/close`, {method: 'POST',
    headers: {'X-CSRF-Token': me.csrf_token}});
}"""


def test_a_young_person_sees_their_circle_has_closed_and_who_to_call(browser, live_server):
    priya = phone(browser, live_server)
    lead = live_server.demo()["practitioners"][0]
    sign_in_as_practitioner(priya, lead["email"], lead["password"])
    expect(priya.get_by_role("link", name=re.compile("Sam and Mia"))).to_be_visible()
    circle = priya.evaluate(NEW_CIRCLE, f"Zoe's family {uuid.uuid4().hex[:6]}")

    zoe = phone(browser, live_server)
    join(zoe, circle["code"], "2468")
    expect(zoe.get_by_role("heading", level=1)).to_contain_text("Zoe")
    expect(zoe.get_by_role("link", name="Write something")).to_be_visible()

    priya.evaluate(CLOSE, circle["id"])
    zoe.reload()
    expect(zoe.get_by_role("heading", name="Your circle has closed")).to_be_visible()
    expect(zoe.get_by_text(re.compile(r"It closed on .+\. Nobody reads new words here now\."))
           ).to_be_visible()
    expect(zoe.get_by_text(re.compile("download everything you wrote"))).to_be_visible()
    expect(zoe.get_by_role("link", name="Write something")).to_have_count(0)
    expect(zoe.get_by_role("link", name="My words", exact=True)).to_be_visible()
    assert_accessible(zoe)

    zoe.get_by_role("button", name="I need to talk to someone now").click()
    expect(zoe.get_by_role("heading", level=1)).to_have_text("Talk to someone now")
    expect(zoe.get_by_text("Your circle has closed, so nobody will be told through the app.")
           ).to_be_visible()
    expect(zoe.get_by_role("link", name="If you are in danger now, call 999.")).to_be_visible()
    expect(zoe.get_by_role("link", name=re.compile("Childline: 0800 1111"))).to_be_visible()
    expect(zoe.get_by_text("We have told your worker you need to talk.")).to_have_count(0)
    assert_accessible(zoe)
