"""The outbox in the family's hands: a clock put back never changes the order of
what they did, a backlog goes in one batch, a carer answers the plan with no
signal, a locked phone still takes a new invitation code, and leaving offline
leaves nothing behind once the phone is back online."""

from __future__ import annotations

import json
import re
import uuid

import httpx2 as httpx
import pytest
from playwright.sync_api import Page, expect

from e2e.circles import Circle
from e2e.live_server import LiveServer
from e2e.steps import assert_accessible, wait_in_page, waiting_commands
from e2e.test_offline import (
    BATCH,
    PIN,
    card,
    join_as,
    refuse_posts,
    rows,
    state_of,
    write,
)

DAYS = 24 * 3600 * 1000
# The phone's clock, moved by `offset` ms (new Date() and Date.now() alike).
SHIFT_CLOCK = """(offset) => {
  const Real = Date;
  class Shifted extends Real {
    constructor(...args) { if (args.length) super(...args); else super(Real.now() + offset); }
    static now() { return Real.now() + offset; }
  }
  globalThis.Date = Shifted;
}"""
ALL_TRIED = """async () => {
  const people = await import("/store/people.js");
  const queue = await import("/outbox/queue.js");
  const left = await queue.waiting(people.currentPersonId());
  return left.length > 0 && left.every((one) => one.attempts > 0 && one.state === "queued");
}"""


@pytest.fixture
def marker() -> str:
    """Words of this test alone."""
    return "j" + uuid.uuid4().hex[:8]


def back_online(page: Page) -> None:
    """Offline, then online: the outbox sends at once."""
    page.context.set_offline(True)
    page.context.set_offline(False)


@pytest.mark.both_databases
def test_a_clock_put_back_never_loses_or_brings_back_words(page, live_server, circle, marker):
    """Words that failed to send, then changed or deleted after the phone's clock
    was put back: the server ends with the change, and the deleted words stay gone."""
    join_as(page, circle)
    page.route(BATCH, refuse_posts)  # the server is busy: tried, not taken
    write(page, f"{marker} first words")
    write(page, f"{marker} words to delete")
    wait_in_page(page, ALL_TRIED)
    page.evaluate(SHIFT_CLOCK, -3 * DAYS)

    card(page, f"{marker} first words").get_by_role("link", name="Edit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your words")
    page.get_by_label("What is going well?").fill(f"{marker} changed words")
    page.get_by_role("button", name="Save changes").click()
    expect(card(page, f"{marker} changed words")).to_be_visible()
    card(page, f"{marker} words to delete").get_by_role("button", name="Delete").click()
    page.get_by_role("button", name="Yes, delete it").click()
    expect(card(page, f"{marker} words to delete")).to_have_count(0)

    page.unroute(BATCH)
    back_online(page)
    expect(state_of(page, f"{marker} changed words")).to_have_attribute(
        "data-state", "sent", timeout=20_000
    )
    assert waiting_commands(page) == 0
    assert rows(live_server, marker) == [(f"{marker} changed words", "just_me")]
    page.reload()
    expect(card(page, f"{marker} words to delete")).to_have_count(0)


@pytest.mark.both_databases
def test_a_backlog_written_offline_goes_in_one_batch(page, live_server, circle, marker):
    join_as(page, circle)
    page.context.set_offline(True)
    for n in range(1, 6):
        write(page, f"{marker} backlog {n}")
    sent: list[str] = []
    page.on("request", lambda r: r.method != "GET" and "/api/c" in r.url and sent.append(r.url))
    page.context.set_offline(False)
    for n in range(1, 6):
        expect(state_of(page, f"{marker} backlog {n}")).to_have_attribute("data-state", "sent")
    assert sent == [live_server.url + "/api/commands/batch"]
    assert len(rows(live_server, marker)) == 5


def _published_plan(live_server: LiveServer, circle: Circle, text: str) -> None:
    with httpx.Client(base_url=live_server.url, headers={"Origin": live_server.url}) as api:
        login = {"email": circle.lead["email"], "password": circle.lead["password"]}
        me = api.post("/api/sessions/practitioner", json=login).json()
        api.headers["X-CSRF-Token"] = me["csrf_token"]
        plan = f"/api/circles/{circle.id}/plan"
        api.post(
            plan + "/items", json={"section": "needs_to_happen", "text": text}
        ).raise_for_status()
        api.post(plan + "/publish").raise_for_status()


@pytest.mark.both_databases
def test_a_carer_answers_the_plan_offline_and_it_arrives_once(page, live_server, circle, marker):
    _published_plan(live_server, circle, f"{marker} Alex takes Sam to football")
    join_as(page, circle, "Alex")
    page.goto("/#/plan")
    item = (
        page.locator("main li, main article, main section")
        .filter(has_text=f"{marker} Alex takes Sam to football")
        .last
    )
    expect(item).to_be_visible()
    page.context.set_offline(True)
    item.get_by_role("radio", name="I'm not sure").check()
    item.get_by_label("Tell us why, in your own words").fill(f"{marker} only on Saturdays")
    item.get_by_role("button", name="Send my answer").click()
    pending = "Saved on this phone. It will be sent when you are back online."
    expect(item.get_by_text(pending)).to_be_visible()
    assert_accessible(page)

    page.context.set_offline(False)
    expect(item.get_by_text(pending)).to_have_count(0)
    expect(item.get_by_text(re.compile("Your answer: .?I'm not sure"))).to_be_visible()
    [(count,)] = live_server.query(
        "SELECT COUNT(*) FROM plan_answer WHERE comment LIKE ?", f"{marker}%"
    )
    assert count == 1
    assert waiting_commands(page) == 0


def test_a_locked_phone_still_takes_a_new_invitation_code(page, live_server, circle):
    page.clock.install()
    join_as(page, circle)
    page.clock.fast_forward("05:30")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Alongside is locked")
    page.get_by_role("link", name="I have a new invitation code").click()
    expect(heading).to_have_text("Join your circle")
    assert_accessible(page)

    page.goto("/#/")
    expect(heading).to_have_text("Alongside is locked")
    code = circle.code("Alex")  # a code in a link opens the form, filled in
    page.goto(f"/#/join/{code}")
    expect(heading).to_have_text("Join your circle")
    expect(page.get_by_label("Invitation code")).to_have_value(code)
    page.get_by_label("Pick a secret number you will not forget").fill(PIN)
    page.get_by_label("Type your secret number again").fill(PIN)
    page.get_by_role("button", name="Join").click()
    expect(heading).to_contain_text("Alex")


def test_signing_out_offline_leaves_nothing_once_back_online(page, live_server, circle):
    join_as(page, circle)
    page.context.set_offline(True)
    page.goto("/#/home")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome back")
    # Kept only until the next chance to end the session on the server.
    assert page.evaluate("() => Object.keys(localStorage)") == ["alongside-session-to-end"]
    page.context.set_offline(False)
    wait_in_page(page, "async () => localStorage.length === 0")
    assert page.request.get("/api/me").status == 401
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Welcome back"))


WAITS = """async () => {
  const people = await import("/store/people.js");
  const queue = await import("/outbox/queue.js");
  const left = await queue.waiting(people.currentPersonId());
  return left.map((one) => ({ text: one.body.text, failures: one.failures, wait: one.nextAttemptAt - Date.now() }));
}"""
SEND_NOW = """async () => (await import("/outbox/flush.js")).flush({ now: true })"""


def test_waits_grow_to_30_seconds_respect_retry_after_and_start_again(page, circle, marker):
    join_as(page, circle)
    busy = {"retry_after": "20"}

    def answer(route):
        if busy["retry_after"] is None:
            return route.continue_()
        headers = {"Retry-After": busy["retry_after"]} if busy["retry_after"] else {}
        body = '{"type": "about:blank", "title": "Busy", "status": 503}'
        route.fulfill(
            status=503, content_type="application/problem+json", headers=headers, body=body
        )

    page.route(BATCH, answer)
    write(page, f"{marker} waits")
    [waiting] = wait_in_page(
        page,
        f"async () => {{ const w = await ({WAITS})(); return w.length && w[0].failures && w; }}",
    )
    assert waiting["wait"] > 19_000  # never sooner than the server asked

    busy["retry_after"] = ""  # busy, without saying for how long
    for _ in range(8):
        page.evaluate(SEND_NOW)
    [waiting] = page.evaluate(WAITS)
    assert waiting["failures"] == 9
    assert 20_000 < waiting["wait"] <= 36_000  # 30 s at most, a little spread

    # Something else gets through: the first one's wait starts again from 2 s.
    busy["retry_after"] = None
    page.evaluate(
        """async (text) => {
      const people = await import("/store/people.js");
      const queue = await import("/outbox/queue.js");
      const c = await import("/outbox/commands.js");
      const id = crypto.randomUUID();
      await queue.enqueue(c.createWords(people.currentPersonId(), { id, kind: "going_well", text, audience: "just_me", meeting_id: null }));
    }""",
        f"{marker} gets through",
    )
    empty = f"async () => {{ const w = await ({WAITS})(); return w.length === 0; }}"
    wait_in_page(page, empty, seconds=10)  # not after its 30 s wait


def test_an_answer_the_server_would_not_take_shows_what_to_do(page, live_server, circle, marker):
    _published_plan(live_server, circle, f"{marker} Alex takes Sam swimming")
    join_as(page, circle, "Alex")
    page.goto("/#/plan")
    item = page.locator("main li").filter(has_text=f"{marker} Alex takes Sam swimming")
    expect(item.get_by_role("button", name="Send my answer")).to_be_visible()
    page.context.set_offline(True)
    item.get_by_role("radio", name="I agree").check()
    item.get_by_role("button", name="Send my answer").click()
    expect(
        item.get_by_text("Saved on this phone. It will be sent when you are back online.")
    ).to_be_visible()

    refusal = {"type": "about:blank", "title": "Not now, for a reason.", "status": 409}

    def refuse(route):
        sent = json.loads(route.request.post_data or "{}")["commands"]
        answers = [
            {
                "key": one["key"],
                "status": 409,
                "body": refusal,
                "replayed": False,
                "retry_after": None,
            }
            for one in sent
        ]
        route.fulfill(json={"answers": answers})

    page.route(BATCH, refuse)
    page.context.set_offline(False)
    wait_in_page(
        page,
        """async () => {
      const people = await import("/store/people.js");
      const queue = await import("/outbox/queue.js");
      return (await queue.waiting(people.currentPersonId())).some((one) => one.state === "attention");
    }""",
    )
    page.reload()
    expect(item.get_by_text("Not now, for a reason.")).to_be_visible()
    assert_accessible(page)
    page.unroute(BATCH)
    item.get_by_role("button", name="Try again").click()
    expect(item.get_by_text("Not now, for a reason.")).to_have_count(0)
    expect(item.get_by_text(re.compile("Your answer: .?I agree"))).to_be_visible()
    expect(
        item.get_by_text("Saved on this phone. It will be sent when you are back online.")
    ).to_have_count(0)
    [(count,)] = live_server.query(
        "SELECT COUNT(*) FROM plan_answer a JOIN plan_item i ON a.item_id = i.id WHERE i.text LIKE ?",
        f"{marker}%",
    )
    assert count == 1


OLD_PHONE = """async () => {
  // What version 1 of the app kept: a command numbered from the clock.
  await new Promise((resolve, reject) => {
    const opening = indexedDB.open("alongside", 1);
    opening.onupgradeneeded = () => {
      const db = opening.result;
      db.createObjectStore("commands", { keyPath: "id" }).createIndex("byPerson", ["personId", "seq"]);
      db.createObjectStore("words", { keyPath: ["personId", "id"] });
      db.createObjectStore("answers", { keyPath: ["personId", "name"] });
      db.createObjectStore("people", { keyPath: "personId" });
      opening.transaction.objectStore("commands").put({
        id: "old", kind: "create", personId: "p", seq: Date.now() * 1000, state: "queued",
        contributionId: "c-old", body: { id: "c-old", kind: "going_well", text: "kept" },
      });
    };
    opening.onsuccess = () => (opening.result.close(), resolve());
    opening.onerror = () => reject(opening.error);
  });
  const store = await import("/store/commands.js");
  await store.addCommand({ id: "new", kind: "edit", personId: "p", seq: null, state: "queued", contributionId: "c-old", body: { version: null, text: "changed" } });
  return (await store.personCommands("p")).map((one) => [one.id, one.seq]);
}"""


def test_an_update_keeps_the_commands_an_older_version_kept(browser, live_server):
    """IndexedDB version 2 adds the outbox's counter: commands kept by version 1
    stay, and new ones are numbered after them."""
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto("/healthz")
        [(first, old_seq), (second, new_seq)] = page.evaluate(OLD_PHONE)
        assert (first, second) == ("old", "new")
        assert new_seq == old_seq + 1
    finally:
        context.close()
