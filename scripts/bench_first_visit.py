"""A family member's first visit on a slow phone: how many bytes, and how soon home.

Starts a real `alongside serve` (SQLite, throw-away data folder, as the end-to-end
tests do), sets up a circle, and in headless Chromium emulates slow 4G (1.6 Mbps
down, 150 ms round trip) and a 4× slower CPU through the DevTools protocol
(`Network.emulateNetworkConditions`, `Emulation.setCPUThrottlingRate`). Then:

1. **First visit**: Sam opens the invitation link on a new phone, joins with a PIN
   and sees home. Bytes are the encoded (compressed, on the wire) sizes of every
   response the page received (CDP `Network.loadingFinished`) plus every response the
   service worker fetched to keep for offline use (its Resource Timing
   `transferSize`; 0 when the HTTP cache answered), once the service worker is active.
2. **Home, cold**: the same phone with its HTTP cache, service worker and caches
   cleared (Sam is still signed in): the time from opening `/` until home's heading
   shows, and the JavaScript "waves" (requests made after an earlier script arrived).

    .venv/bin/python scripts/bench_first_visit.py [--runs 3]

Prints figures; it does not fail on them (see tests/test_first_visit_size.py).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import CDPSession, Page, expect, sync_playwright

from e2e.circles import new_circle
from e2e.conftest import CHROMIUM, CHROMIUM_ARGS
from e2e.live_server import running
from e2e.steps import PHONE

PIN = "2468"
SLOW_4G = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6e6 / 8,
    "uploadThroughput": 750e3 / 8,
}
SW_READY = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  return Boolean(registration && registration.active && navigator.serviceWorker.controller);
}"""
SW_FETCHED = """() => performance.getEntriesByType("resource").map((entry) => ({
  url: entry.name, transfer: entry.transferSize, body: entry.encodedBodySize }))"""
FORGET_FILES = """async () => {
  for (const registration of await navigator.serviceWorker.getRegistrations()) {
    await registration.unregister();
  }
  for (const name of await caches.keys()) await caches.delete(name);
}"""


@dataclass
class Traffic:
    """Responses the page received, read from the DevTools protocol."""

    started: float = field(default_factory=time.monotonic)
    urls: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    #: Bytes of the bodies alone (what was sent after the headers).
    bodies: dict[str, int] = field(default_factory=dict)
    #: (request id, seconds since start) for each request sent and each one finished.
    sent: list[tuple[str, float]] = field(default_factory=list)
    done: dict[str, float] = field(default_factory=dict)

    def listen(self, cdp: CDPSession) -> None:
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.dataReceived", self._data)

    def _data(self, event: dict[str, Any]) -> None:
        rid = event["requestId"]
        self.bodies[rid] = self.bodies.get(rid, 0) + int(event["encodedDataLength"])

    def _sent(self, event: dict[str, Any]) -> None:
        self.urls[event["requestId"]] = event["request"]["url"]
        self.types[event["requestId"]] = event.get("type", "")
        self.sent.append((event["requestId"], time.monotonic() - self.started))

    def _finished(self, event: dict[str, Any]) -> None:
        self.sizes[event["requestId"]] = int(event["encodedDataLength"])
        self.done[event["requestId"]] = time.monotonic() - self.started

    def total(self) -> int:
        return sum(self.sizes.values())

    def script_waves(self) -> int:
        """How many rounds of script requests: a request starts a new round when it
        was sent after a script of the current round had arrived."""
        scripts = [(rid, at) for rid, at in self.sent if self.types.get(rid) == "Script"]
        waves, first_arrival = 0, None
        for rid, at in scripts:
            if first_arrival is None or at >= first_arrival:
                waves += 1
                first_arrival = self.done.get(rid, float("inf"))
            else:
                first_arrival = min(first_arrival, self.done.get(rid, float("inf")))
        return waves


def throttled(page: Page) -> tuple[CDPSession, Traffic]:
    cdp = page.context.new_cdp_session(page)
    traffic = Traffic()
    traffic.listen(cdp)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    return cdp, traffic


def first_visit(page: Page, code: str) -> dict[str, Any]:
    _, traffic = throttled(page)
    page.goto(f"/#/join/{code}")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Join your circle", timeout=60_000)
    join_shown = time.monotonic() - traffic.started
    page.get_by_label("Pick a secret number you will not forget").fill(PIN)
    page.get_by_label("Type your secret number again").fill(PIN)
    page.get_by_role("button", name="Join").click()
    expect(heading).to_contain_text("Sam", timeout=60_000)
    page.wait_for_function(SW_READY, timeout=60_000)
    page.wait_for_load_state("networkidle")
    worker = page.context.service_workers[0]
    kept = worker.evaluate(SW_FETCHED)
    kept_bytes = sum(int(entry["transfer"]) for entry in kept)
    return {
        "page_requests": len(traffic.sizes),
        "page_bytes": traffic.total(),
        "page_bodies": sum(traffic.bodies.values()),
        "sw_requests": len(kept),
        "sw_bytes": kept_bytes,
        "sw_bodies": sum(int(entry["body"]) for entry in kept if entry["transfer"]),
        "join_shown": join_shown,
    }


def cold_home(page: Page) -> dict[str, Any]:
    page.evaluate(FORGET_FILES)
    cdp, traffic = throttled(page)
    cdp.send("Network.clearBrowserCache")
    traffic.started = time.monotonic()
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sam", timeout=60_000)
    shown = time.monotonic() - traffic.started
    return {"home_shown": shown, "waves": traffic.script_waves(), "bytes": traffic.total()}


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    visits, homes = [], []
    with (
        tempfile.TemporaryDirectory() as data,
        running("sqlite", Path(data)) as server,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            circle = new_circle(server)
            context = browser.new_context(
                viewport=PHONE,
                base_url=server.url,
                locale="en-GB",
                extra_http_headers={"Accept-Language": "en-GB"},
            )
            page = context.new_page()
            visits.append(first_visit(page, circle.code("Sam")))
            homes.append(cold_home(page))
            context.close()
        browser.close()
    for n, (visit, home) in enumerate(zip(visits, homes, strict=True), 1):
        print(
            f"run {n}: first visit {visit['page_requests']} page requests "
            f"{kb(visit['page_bytes'])} + service worker {visit['sw_requests']} "
            f"requests {kb(visit['sw_bytes'])} = {kb(visit['page_bytes'] + visit['sw_bytes'])} "
            f"(bodies {kb(visit['page_bodies'] + visit['sw_bodies'])}); "
            f"join shown {visit['join_shown']:.2f} s; "
            f"home (cold) {home['home_shown']:.2f} s, {home['waves']} script waves, "
            f"{kb(home['bytes'])}"
        )
    total = statistics.median(v["page_bytes"] + v["sw_bytes"] for v in visits)
    print(
        f"median: first visit {kb(total)} (service worker included), "
        f"join shown {statistics.median(v['join_shown'] for v in visits):.2f} s, "
        f"home shown {statistics.median(h['home_shown'] for h in homes):.2f} s "
        "(slow 4G: 1.6 Mbps, 150 ms, 4x CPU)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
