"""End-to-end: Debian's Chromium, driven by Playwright, against a real
`alongside serve` process on a free port.

Every test runs on SQLite. Tests marked `both_databases` (the journeys that use
the database in their own way) also run on PostgreSQL, with the server in
production mode; each backend's server is started once per run. Each journey
gets a circle and practitioners of its own (the `circle` fixture)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from e2e.circles import Circle, new_circle
from e2e.live_server import LiveServer, running
from e2e.steps import PHONE

CHROMIUM = os.environ.get("ALONGSIDE_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BOTH = ["sqlite", "postgres"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "both_databases: also run against PostgreSQL (server in production mode)"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "live_server" in metafunc.fixturenames:
        both = metafunc.definition.get_closest_marker("both_databases") is not None
        metafunc.parametrize(
            "live_server", BOTH if both else ["sqlite"], indirect=True, scope="session"
        )


@pytest.fixture(scope="session")
def live_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    backend = request.param
    with running(backend, tmp_path_factory.mktemp(f"e2e-{backend}")) as server:
        yield server


@pytest.fixture
def circle(live_server: LiveServer) -> Circle:
    """A new circle, with its own lead, colleague and family, for this test alone."""
    return new_circle(live_server)


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
