"""Runs Lighthouse (mobile, its default slow-4G and 4x CPU simulation) against a real
`alongside serve` on SQLite: the sign-in page, and the home of a family member who
joined in Chromium (their session cookie is handed to Lighthouse). Prints each page's
performance and accessibility scores. Started by scripts/lighthouse.sh."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import expect, sync_playwright

from e2e.circles import new_circle
from e2e.conftest import CHROMIUM, CHROMIUM_ARGS
from e2e.live_server import LiveServer, running
from e2e.steps import PHONE, join

LIGHTHOUSE = Path(__file__).resolve().parent / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PIN = "2468"
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "speed-index",
    "cumulative-layout-shift",
)


def family_cookie(server: LiveServer) -> str:
    """Sam joins in Chromium; the cookies of that phone, as a Cookie header."""
    circle = new_circle(server)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport=PHONE, base_url=server.url)
        page = context.new_page()
        join(page, circle.code("Sam"), PIN)
        expect(page.get_by_role("heading", level=1)).to_contain_text("Sam")
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in context.cookies())
        browser.close()
    return cookies


def scores(url: str, out: Path, headers: dict[str, str] | None = None) -> dict[str, float]:
    command = [
        str(LIGHTHOUSE),
        url,
        "--only-categories=performance,accessibility",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    if headers:
        command.append("--extra-headers=" + json.dumps(headers))
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", CHROMIUM)}
    subprocess.run(command, check=True, env=env)
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    metrics = ", ".join(f"{name} {audits[name]['displayValue']}" for name in METRICS)
    failing = [
        audit["title"]
        for audit in audits.values()
        if audit.get("score") is not None and audit["score"] < 0.9 and audit["id"] not in METRICS
    ]
    print(f"{url}: {metrics}\n  below 90: {'; '.join(failing) or 'none'}")
    return {name: category["score"] * 100 for name, category in report["categories"].items()}


def main() -> int:
    with tempfile.TemporaryDirectory() as data, running("sqlite", Path(data)) as server:
        cookie = family_cookie(server)
        pages = {
            "sign-in": scores(server.url + "/", Path(data) / "sign-in.json"),
            "family home": scores(
                server.url + "/#/home", Path(data) / "home.json", {"Cookie": cookie}
            ),
        }
    for name, found in pages.items():
        print(
            f"{name}: performance {found['performance']:.0f}, "
            f"accessibility {found['accessibility']:.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
