"""Screens stay current: what others do (a call for help, a worker reading your
words) appears without a reload when someone comes back to the app or a push
arrives, and never at the cost of what they are typing."""

from __future__ import annotations

import re
import time

import pyotp
from playwright.sync_api import expect

from e2e.steps import (
    assert_accessible,
    join,
    lead_starts_a_plan_item,
    new_phone,
    sign_in_as_practitioner,
)

COME_BACK = "() => window.dispatchEvent(new Event('focus'))"
# Opens a screen and comes back to the app while that screen is still on its way.
OPEN_AND_COME_BACK = """(screen) => {
  window.addEventListener('hashchange', () => window.dispatchEvent(new Event('focus')), {once: true});
  location.hash = '#/' + screen;
}"""
# Counts the moments the screen is without its heading (a redraw in two steps).
WATCH_THE_HEADING = """() => {
  window.headless = 0;
  const view = document.getElementById('view');
  new MutationObserver(() => view.querySelector('h1') || window.headless++)
    .observe(view, {childList: true, subtree: true});
}"""
QUIET = 2.1  # seconds: a screen drawn a moment ago is not drawn again


def test_a_call_for_help_appears_when_the_worker_comes_back_but_never_over_their_typing(
    browser, live_server, circle
):
    priya, box = lead_starts_a_plan_item(browser, live_server.url, circle)
    box.fill("Sam has settled well into")

    sam = new_phone(browser, live_server.url)
    join(sam, circle.code("Sam"), "2468")
    expect(sam.get_by_role("heading", level=1)).to_contain_text("Sam")
    sam.get_by_role("button", name="I need to talk to someone now").click()
    expect(sam.get_by_text("We have told your worker you need to talk.")).to_be_visible()

    banner = priya.locator(".urgent-banner")
    priya.evaluate(COME_BACK)
    priya.wait_for_load_state("networkidle")
    expect(box).to_have_value("Sam has settled well into")  # not redrawn under her
    expect(banner).to_have_count(0)
    priya.get_by_role("button", name="Cancel").click()
    priya.evaluate(WATCH_THE_HEADING)
    priya.evaluate(COME_BACK)
    expect(banner).to_contain_text(re.compile(r"Sam\W? needs to talk to someone now"))
    assert priya.evaluate("() => window.headless") == 0
    expect(priya.get_by_role("heading", level=1)).to_contain_text("Plan")  # the same screen
    assert_accessible(priya)
    for page in (priya, sam):
        page.context.close()


def test_a_push_brings_read_by_to_my_words_while_they_are_open(browser, live_server, circle):
    sam = new_phone(browser, live_server.url)
    sam.context.grant_permissions(["notifications"])
    join(sam, circle.code("Sam"), "2468")
    expect(sam.get_by_role("heading", level=1)).to_contain_text("Sam")
    sam.get_by_role("link", name="Write something").first.click()
    sam.get_by_role("button", name="I understand").click()
    words = "I like the new after-school club"
    sam.get_by_role("radio", name=re.compile("^Something I want to happen")).check()
    sam.get_by_label("What do you want to happen?").fill(words)
    sam.get_by_role("radio", name=re.compile("^My worker")).check()
    sam.get_by_role("button", name="Save", exact=True).click()
    item = sam.get_by_role("listitem").filter(has_text=words)
    expect(item).to_be_visible()
    expect(item).not_to_contain_text("Read by")

    priya = new_phone(browser, live_server.url)
    sign_in_as_practitioner(priya, circle.lead["email"], circle.lead["password"])
    expect(priya.get_by_role("link", name=re.compile(circle.name))).to_be_visible()
    priya.goto(f"/#/circle/{circle.id}")
    expect(priya.get_by_text(words)).to_be_visible()  # she reads it

    push(sam, {"title": "Alongside", "body": "You have a new message"})
    expect(item).to_contain_text(re.compile("Read by .*Priya Shah"))
    assert sam.evaluate("() => document.activeElement.tagName") != "BODY"
    for page in (priya, sam):
        page.context.close()


def test_a_refresh_never_overtakes_a_screen_on_its_way_nor_wipes_recovery_codes(
    browser, live_server, circle
):
    started = time.time()
    priya = new_phone(browser, live_server.url)
    sign_in_as_practitioner(priya, circle.lead["email"], circle.lead["password"])
    expect(priya.get_by_role("heading", level=1)).to_have_text("Your circles")
    time.sleep(QUIET)
    priya.evaluate(OPEN_AND_COME_BACK, "second-factor")
    expect(priya.get_by_role("heading", level=1)).to_have_text("Sign-in code")
    secret = priya.locator(".secret-key").inner_text().strip()
    priya.get_by_label("Code from your authenticator app").fill(pyotp.TOTP(secret).at(started))
    priya.get_by_role("button", name="Turn on the sign-in code").click()
    expect(priya.get_by_role("heading", level=1)).to_have_text("Keep these recovery codes")

    time.sleep(QUIET)
    priya.evaluate(COME_BACK)  # she looked away to write them down
    priya.wait_for_load_state("networkidle")
    time.sleep(0.5)
    expect(priya.get_by_role("heading", level=1)).to_have_text("Keep these recovery codes")
    expect(priya.locator(".recovery-codes li")).to_have_count(10)
    priya.context.close()


def push(page, data):
    """Delivers a push message to the phone's service worker, as the push service would."""
    import json

    cdp = page.context.new_cdp_session(page)
    registrations = []
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda event: registrations.extend(event["registrations"]),
    )
    cdp.send("ServiceWorker.enable")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    origin = page.evaluate("() => location.origin")
    deadline = 50
    while not registrations and deadline:
        cdp.send("Runtime.evaluate", {"expression": "1"})
        deadline -= 1
    registration = next(r for r in registrations if r["scopeURL"].startswith(origin))
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {
            "origin": origin,
            "registrationId": registration["registrationId"],
            "data": json.dumps(data),
        },
    )
