"""Recovery after kill -9: a phone is sending 200 items when the server process is
killed -9 and started again. With one transaction per request a crash leaves a
command all done or not done at all, so nothing is held "still working" and every
retried key runs at once: the last item arrives within 10 s of the server's
return, each stored once."""

from __future__ import annotations

import time
import uuid

import pytest
from playwright.sync_api import Page

from e2e.circles import Circle
from e2e.live_server import LiveServer
from e2e.steps import waiting_commands
from e2e.test_offline import join_as

pytestmark = [
    pytest.mark.both_databases,
]
ITEMS = 200
RECOVERY_SECONDS = 10


def _queue_offline(page: Page, marker: str, how_many: int) -> None:
    """The phone keeps `how_many` new items in its outbox (as Save does)."""
    page.evaluate(
        """async ([marker, howMany]) => {
            const people = await import("/store/people.js");
            const queue = await import("/outbox/queue.js");
            const commands = await import("/outbox/commands.js");
            const person = people.currentPersonId();
            for (let n = 0; n < howMany; n++) {
                const id = crypto.randomUUID();
                const words = { id, kind: "going_well", text: `${marker} item ${n}`,
                                audience: "my_worker", meeting_id: null };
                await queue.enqueue(commands.createWords(person, words, crypto.randomUUID()));
            }
        }""",
        [marker, how_many],
    )


def _stored(live_server: LiveServer, marker: str) -> tuple[int, int]:
    """(rows, distinct texts) of this test's items on the server."""
    [(rows, texts)] = live_server.query(
        "SELECT COUNT(*), COUNT(DISTINCT text) FROM contribution WHERE text LIKE ?", f"{marker} %"
    )
    return rows, texts


def _wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def test_a_flush_cut_by_kill_9_finishes_within_seconds_of_the_servers_return(
    page: Page, live_server: LiveServer, circle: Circle
):
    marker = uuid.uuid4().hex[:8]
    join_as(page, circle)
    page.context.set_offline(True)
    _queue_offline(page, marker, ITEMS)
    page.context.set_offline(False)  # back online: the phone starts sending
    _wait_for(lambda: _stored(live_server, marker)[0] >= ITEMS // 4, 60, "a quarter sent")
    assert live_server.process is not None
    live_server.process.kill()  # SIGKILL, mid-flush
    live_server.process.wait()
    stopped_at = _stored(live_server, marker)[0]
    live_server.start()  # returns once /readyz answers
    back = time.monotonic()
    _wait_for(lambda: _stored(live_server, marker)[0] > stopped_at, 120, "the first item")
    first = time.monotonic() - back
    _wait_for(lambda: _stored(live_server, marker)[0] >= ITEMS, 120, "every item")
    took = time.monotonic() - back
    print(
        f"recovery on {live_server.backend}: first item {first:.1f} s after the restart, "
        f"the other {ITEMS - stopped_at - 1} by {took:.1f} s"
    )
    assert _stored(live_server, marker) == (ITEMS, ITEMS), "each item stored once"
    assert stopped_at < ITEMS, "the server was killed mid-flush"
    assert took <= RECOVERY_SECONDS
    _wait_for(lambda: waiting_commands(page) == 0, 30, "the outbox to empty")
