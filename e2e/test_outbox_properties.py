"""Property tests of the phone's outbox: Chromium runs the real modules
(pwa/outbox/*.js, pwa/store/*.js) against a real `alongside serve`, while random
sequences of what a family member does (write, change, delete, share), clock jumps,
restarts (a reload, even mid-send) and bad answers (503s, lost connections,
answers lost after the server stored the commands) are played out. After each
sequence the phone sends what is left on a good connection, and the server must
hold exactly the author's last intent for every item: nothing lost, nothing
resurrected, nothing doubled, and nothing stuck.

Seeded: a failure prints the seed; ALONGSIDE_OUTBOX_SEED=N replays one sequence,
ALONGSIDE_OUTBOX_SEQUENCES=N runs more."""

from __future__ import annotations

import json
import os
import random
import uuid
from dataclasses import dataclass, field

import httpx2 as httpx
import pytest
from playwright.sync_api import Browser, Page, Route

from e2e.circles import Circle
from e2e.live_server import LiveServer

PIN = "2468"
SEQUENCES = int(os.environ.get("ALONGSIDE_OUTBOX_SEQUENCES", "10"))
STEPS = 22
AUDIENCES = ["just_me", "my_worker", "my_family_too"]

SET_UP = """async () => {
  const api = await import("/shell/api.js");
  const people = await import("/store/people.js");
  const me = await api.request("GET", "/api/me");
  api.rememberSession(me);
  await people.personHere(me, { unlocked: true });
  return me.id;
}"""

# The phone's clock, moved by `offset` ms (new Date() and Date.now() alike).
SHIFT_CLOCK = """(offset) => {
  const Real = globalThis.__realDate || Date;
  globalThis.__realDate = Real;
  class Shifted extends Real {
    constructor(...args) { if (args.length) super(...args); else super(Real.now() + offset); }
    static now() { return Real.now() + offset; }
  }
  globalThis.Date = Shifted;
}"""

# What the author does, through the same modules the screens use.
ACT = """async ({ op, id, text, audience }) => {
  const people = await import("/store/people.js");
  const queue = await import("/outbox/queue.js");
  const c = await import("/outbox/commands.js");
  const merge = await import("/outbox/merge.js");
  const personId = people.currentPersonId();
  if (op === "write") {
    const words = { id, kind: "going_well", text, meeting_id: null, audience };
    return void (await queue.enqueue(c.createWords(personId, words)));
  }
  const { items } = await merge.myWordsNow({ fetch: false });
  const item = items.find((one) => one.id === id);
  if (op === "edit") await queue.enqueue(c.editWords(personId, id, item.local ? null : item.version, { text }));
  if (op === "share") await queue.enqueue(c.chooseAudience(personId, id, audience));
  if (op === "delete") await queue.enqueue(c.deleteDraft(personId, id));
}"""

SEND = """async ({ now, wait }) => {
  const flush = await import("/outbox/flush.js");
  const sending = flush.flush({ now });
  if (wait) await sending;
}"""

# A good connection at last: send until nothing is left, or something is stuck.
DRAIN = """async () => {
  const people = await import("/store/people.js");
  const queue = await import("/outbox/queue.js");
  const flush = await import("/outbox/flush.js");
  const personId = people.currentPersonId();
  for (let round = 0; round < 30; round += 1) {
    await flush.flush({ now: true });
    const left = await queue.waiting(personId);
    if (left.length === 0 || left.every((one) => one.state === "attention" || one.state === "conflict")) {
      return left.map(({ kind, state, contributionId, lastError }) => ({ kind, state, contributionId, lastError }));
    }
  }
  return (await queue.waiting(personId)).map(({ kind, state, contributionId }) => ({ kind, state, contributionId }));
}"""


@dataclass
class Intent:
    """What the author last wanted for each item: (text, audience) or None (deleted)."""

    items: dict[str, tuple[str, str] | None] = field(default_factory=dict)


class Network:
    """The connection between phone and server, with faults drawn from the seed."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.faulty = True

    def handle(self, route: Route) -> None:
        roll = self.rng.random() if self.faulty else 1.0
        if roll < 0.12:
            return route.fulfill(
                status=503,
                content_type="application/problem+json",
                headers={"Retry-After": "1"},
                body=json.dumps({"type": "about:blank", "title": "Busy", "status": 503}),
            )
        if roll < 0.24:
            return route.abort("connectionreset")  # never reached the server
        response = route.fetch()
        if roll < 0.36:
            return route.abort("connectionreset")  # stored, but the answer was lost
        if roll < 0.48 and response.status == 200:
            answers = response.json()["answers"]
            lost = self.rng.randrange(len(answers))  # one command's answer lost
            answers[lost] = {**answers[lost], "status": 503, "body": None}
            return route.fulfill(response=response, json={"answers": answers})
        return route.fulfill(response=response)


def _play(page: Page, rng: random.Random, intent: Intent, prefix: str) -> None:
    offset = 0
    for step in range(STEPS):
        live = [i for i, want in intent.items.items() if want is not None]
        drafts = [i for i in live if intent.items[i][1] == "just_me"]  # type: ignore[index]
        choice = rng.choice(
            ["write", "write", "edit", "share", "delete", "send", "clock", "restart"]
        )
        if choice == "write" or not live:
            item = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            audience = rng.choice(AUDIENCES)
            text = f"{prefix} words {step}"
            page.evaluate(ACT, {"op": "write", "id": item, "text": text, "audience": audience})
            intent.items[item] = (text, audience)
        elif choice == "edit" and drafts:
            item = rng.choice(drafts)
            text = f"{prefix} changed {step}"
            page.evaluate(ACT, {"op": "edit", "id": item, "text": text, "audience": None})
            intent.items[item] = (text, "just_me")
        elif choice == "share":
            item = rng.choice(live)
            audience = rng.choice(AUDIENCES)
            page.evaluate(ACT, {"op": "share", "id": item, "text": None, "audience": audience})
            intent.items[item] = (intent.items[item][0], audience)  # type: ignore[index]
        elif choice == "delete" and drafts:
            item = rng.choice(drafts)
            page.evaluate(ACT, {"op": "delete", "id": item, "text": None, "audience": None})
            intent.items[item] = None
        elif choice == "send":
            page.evaluate(SEND, {"now": rng.random() < 0.5, "wait": rng.random() < 0.7})
        elif choice == "clock":
            offset += rng.choice([-1, 1]) * rng.randrange(1, 72) * 3600 * 1000
            page.evaluate(SHIFT_CLOCK, offset)
        elif choice == "restart":
            page.reload()  # perhaps in the middle of sending
            page.evaluate(SET_UP)
            page.evaluate(SHIFT_CLOCK, offset)


def _server_items(client: httpx.Client, prefix: str) -> dict[str, tuple[str, str]]:
    items = client.get("/api/contributions").json()["items"]
    return {
        one["id"]: (one["text"], one["audience"]) for one in items if one["text"].startswith(prefix)
    }


def _signed_in(live_server: LiveServer, circle: Circle) -> httpx.Client:
    client = httpx.Client(base_url=live_server.url, timeout=20, headers={"Origin": live_server.url})
    client.post(
        "/api/invitations/redeem", json={"code": circle.code("Sam"), "pin": PIN}
    ).raise_for_status()
    client.headers["X-CSRF-Token"] = client.get("/api/me").json()["csrf_token"]
    return client


@pytest.mark.both_databases
def test_the_server_ends_with_exactly_the_authors_last_intent(
    browser: Browser, live_server: LiveServer, circle: Circle
) -> None:
    client = _signed_in(live_server, circle)
    try:
        _check_sequences(browser, live_server, client)
    finally:
        client.close()


def _check_sequences(browser: Browser, live_server: LiveServer, client: httpx.Client) -> None:
    first = int(os.environ.get("ALONGSIDE_OUTBOX_SEED", random.randrange(10**6)))
    seeds = [first] if "ALONGSIDE_OUTBOX_SEED" in os.environ else range(first, first + SEQUENCES)
    for seed in seeds:
        rng = random.Random(seed)
        context = browser.new_context(base_url=live_server.url, bypass_csp=True)
        context.add_cookies(
            [{"name": k, "value": v, "url": live_server.url} for k, v in client.cookies.items()]
        )
        network = Network(rng)
        context.route("**/api/commands/batch", network.handle)
        page = context.new_page()
        try:
            page.goto("/healthz")
            page.evaluate(SET_UP)
            intent, prefix = Intent(), f"{seed:08d}"
            _play(page, rng, intent, prefix)
            network.faulty = False
            stuck = page.evaluate(DRAIN)
            wanted = {item: want for item, want in intent.items.items() if want is not None}
            assert stuck == [], f"seed {seed}: commands stuck on the phone: {stuck}"
            assert _server_items(client, prefix) == wanted, f"seed {seed}: the server differs"
        except Exception as error:
            raise AssertionError(
                f"outbox property failed with ALONGSIDE_OUTBOX_SEED={seed}"
            ) from error
        finally:
            context.close()
