"""End-to-end: Debian's Chromium, driven by Playwright, against a real
`alongside serve` process on a free port with a fresh SQLite database."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

CHROMIUM = os.environ.get("ALONGSIDE_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PHONE = {"width": 390, "height": 844}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_ready(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"alongside serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("alongside serve did not become ready")


@dataclass
class LiveServer:
    url: str
    env: dict[str, str]
    process: subprocess.Popen | None = None

    def demo(self) -> dict:
        """Runs `alongside demo --json`: the same people, fresh invitation codes."""
        result = subprocess.run(
            [sys.executable, "-m", "server.cli", "demo", "--json"], env=self.env,
            capture_output=True, text=True, timeout=120, check=True,
        )
        return json.loads(result.stdout)

    def invitation(self, name: str) -> str:
        return next(f["code"] for f in self.demo()["family"] if f["name"] == name)

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "serve"], env=self.env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        _wait_until_ready(self.url, self.process)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    port = _free_port()
    data = tmp_path_factory.mktemp("e2e-data")
    env = {**os.environ, "ALONGSIDE_DATA_DIR": str(data), "ALONGSIDE_PORT": str(port),
           "ALONGSIDE_HOST": "127.0.0.1",
           # fake_push.js plays the browser's push service at this origin.
           "ALONGSIDE_PUSH_SERVICES": "https://push.example.test"}
    env.pop("ALONGSIDE_DATABASE_URL", None)
    server = LiveServer(url=f"http://127.0.0.1:{port}", env=env)
    server.demo()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def context(browser: Browser, live_server: LiveServer) -> Iterator[BrowserContext]:
    """A phone-sized browser with its own cookies and storage: one person's phone."""
    phone = browser.new_context(viewport=PHONE, base_url=live_server.url, locale="en-GB")
    yield phone
    phone.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda error: problems.append(str(error)))
    yield opened
    csp = [p for p in problems if "Content Security Policy" in p or "Refused" in p]
    assert not csp, f"the page broke its Content-Security-Policy: {csp}"
