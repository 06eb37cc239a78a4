"""How long the offline outbox takes to send a backlog.

Starts a real `alongside serve` on a free port with a throw-away data folder (as the
end-to-end tests do), sets up a circle, joins as Sam in headless Chromium, goes offline, keeps N new things
in the app's own outbox (an ES module import of /outbox/queue.js, the same code the
Save button uses), goes online and measures the time until the outbox is empty.

    .venv/bin/python scripts/bench_outbox.py [--items 500]

Prints e.g. `flushed 500 items in 12.3 s with 500 requests (0 retries)` and exits 0
when the server holds exactly N of them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import expect, sync_playwright

from e2e.circles import new_circle
from e2e.conftest import CHROMIUM
from e2e.live_server import running

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=500)
    count = parser.parse_args().items
    marker = "bench-" + uuid.uuid4().hex[:8]
    with tempfile.TemporaryDirectory() as data, running("sqlite", Path(data)) as server:
        code = new_circle(server).code("Sam")
        seconds, requests, counts = run_browser(server.url, code, count, marker)
        [(stored,)] = server.query(
            "SELECT COUNT(*) FROM contribution WHERE text LIKE ?", marker + " %"
        )
    print(
        f"flushed {count} items in {seconds:.1f} s with {requests} requests "
        f"({counts['retries']} retries); the server holds {stored}"
    )
    return 0 if stored == count else 1


def run_browser(url: str, code: str, count: int, marker: str) -> tuple[float, int, dict]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, base_url=url, locale="en-GB"
        )
        page = context.new_page()
        page.goto(f"/#/join/{code}")
        page.get_by_label("Choose a secret number you will remember").fill(PIN)
        page.get_by_label("Type your secret number again").fill(PIN)
        page.get_by_role("button", name="Join").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Sam")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        context.set_offline(True)
        kept = page.evaluate(QUEUE, {"count": count, "marker": marker})
        assert kept == count, f"kept {kept} of {count} on the phone"
        sent: list[str] = []
        page.on(
            "request",
            lambda r: (
                r.method == "POST" and r.url.endswith("/api/contributions") and sent.append(r.url)
            ),
        )
        started = time.monotonic()
        context.set_offline(False)
        counts = page.evaluate(UNTIL_EMPTY)
        seconds = time.monotonic() - started
        browser.close()
    return seconds, len(sent), counts


if __name__ == "__main__":
    sys.exit(main())
