"""How long the offline outbox takes to send a backlog, beside one request per item.

Starts a real `alongside serve` on a free port with a throw-away data folder (as the
end-to-end tests do), sets up a circle, joins as Sam in headless Chromium, and for
each network (loopback, then 150 ms added latency by Chromium's network emulation):

- outbox: goes offline, keeps N new things in the app's own outbox (an ES module
  import of /outbox/queue.js, the same code the Save button uses), goes online and
  measures the time until the outbox is empty (it sends them in batches);
- one by one: sends N new things as one POST /api/contributions each, one at a
  time with its Idempotency-Key (what the outbox did before batches).

    .venv/bin/python scripts/bench_outbox.py [--items 500] [--latency 150]

Prints one line per run, e.g. `loopback  outbox  500 items in 1.9 s, 10 requests`,
and exits 0 when the server holds exactly what was sent.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import CDPSession, Page, expect, sync_playwright

from e2e.circles import new_circle
from e2e.conftest import CHROMIUM
from e2e.live_server import LiveServer, running

PIN = "2468"

QUEUE = """async ({ count, marker }) => {
  const people = await import("/store/people.js");
  const queue = await import("/outbox/queue.js");
  const commands = await import("/outbox/commands.js");
  const personId = people.currentPersonId();
  for (let n = 0; n < count; n += 1) {
    const words = { id: crypto.randomUUID(), kind: "going_well", text: marker + " " + n,
                    meeting_id: null, audience: n % 4 === 0 ? "my_worker" : "just_me" };
    await queue.enqueue(commands.createWords(personId, words));
  }
  return queue.unsentCount(personId);
}"""

UNTIL_EMPTY = """async () => {
  const people = await import("/store/people.js");
  const queue = await import("/outbox/queue.js");
  const flush = await import("/outbox/flush.js");
  const personId = people.currentPersonId();
  while ((await queue.unsentCount(personId)) > 0) await new Promise((r) => setTimeout(r, 20));
  return flush.outboxCounts();
}"""

ONE_BY_ONE = """async ({ count, marker }) => {
  const api = await import("/shell/api.js");
  const started = performance.now();
  for (let n = 0; n < count; n += 1) {
    const words = { id: crypto.randomUUID(), kind: "going_well", text: marker + " " + n,
                    meeting_id: null, audience: n % 4 === 0 ? "my_worker" : "just_me" };
    await api.request("POST", "/api/contributions", words, { headers: { "Idempotency-Key": words.id } });
  }
  return (performance.now() - started) / 1000;
}"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--latency", type=int, default=150, help="added round-trip ms")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as data, running("sqlite", Path(data)) as server:
        code = new_circle(server).code("Sam")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_context(
                viewport={"width": 390, "height": 844}, base_url=server.url, locale="en-GB"
            ).new_page()
            join(page, code)
            for name, latency in (("loopback", 0), (f"+{args.latency} ms", args.latency)):
                ok = outbox_run(page, server, name, latency, args.items) and ok
                ok = one_by_one_run(page, server, name, latency, args.items) and ok
            browser.close()
    return 0 if ok else 1


def join(page: Page, code: str) -> None:
    page.goto(f"/#/join/{code}")
    page.get_by_label("Choose a secret number you will remember").fill(PIN)
    page.get_by_label("Type your secret number again").fill(PIN)
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sam")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")


_cdp: dict[int, CDPSession] = {}


def network(page: Page, *, offline: bool, latency: int) -> None:
    """Chromium's network emulation (the same CDP call Playwright's offline uses)."""
    cdp = _cdp.setdefault(id(page), page.context.new_cdp_session(page))
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": offline, "latency": latency, "downloadThroughput": -1, "uploadThroughput": -1},
    )


def stored(server: LiveServer, marker: str) -> int:
    [(count,)] = server.query("SELECT COUNT(*) FROM contribution WHERE text LIKE ?", marker + " %")
    return int(count)


def outbox_run(page: Page, server: LiveServer, name: str, latency: int, count: int) -> bool:
    marker = "bench-" + uuid.uuid4().hex[:8]
    network(page, offline=True, latency=0)
    kept = page.evaluate(QUEUE, {"count": count, "marker": marker})
    assert kept == count, f"kept {kept} of {count} on the phone"
    before = page.evaluate("async () => (await import('/outbox/flush.js')).outboxCounts()")
    started = time.monotonic()
    network(page, offline=False, latency=latency)  # "online": the outbox starts sending
    page.evaluate("async () => (await import('/outbox/flush.js')).flush({ now: true })")
    counts = page.evaluate(UNTIL_EMPTY)
    seconds = time.monotonic() - started
    network(page, offline=False, latency=0)
    held = stored(server, marker)
    requests = counts["requests"] - before["requests"]
    print(
        f"{name:10} outbox      {count} items in {seconds:5.1f} s, {requests} requests; stored {held}"
    )
    return held == count


def one_by_one_run(page: Page, server: LiveServer, name: str, latency: int, count: int) -> bool:
    marker = "bench-" + uuid.uuid4().hex[:8]
    network(page, offline=False, latency=latency)
    seconds = page.evaluate(ONE_BY_ONE, {"count": count, "marker": marker})
    network(page, offline=False, latency=0)
    held = stored(server, marker)
    print(
        f"{name:10} one by one  {count} items in {seconds:5.1f} s, {count} requests; stored {held}"
    )
    return held == count


if __name__ == "__main__":
    sys.exit(main())
