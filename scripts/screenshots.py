"""Screenshots of the family and practitioner screens in every language, for
people to look at: `python scripts/screenshots.py [folder]` (default
./screenshots, which git ignores). Each screen at 390×844, and at 320 px wide
with text at 200% (`-small` in the name). Starts its own server on a free port,
with a circle made as the end-to-end tests make theirs."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Page, sync_playwright

from e2e.circles import new_circle
from e2e.conftest import CHROMIUM, CHROMIUM_ARGS
from e2e.live_server import running
from e2e.steps import PHONE, join, new_phone, sign_in_as_practitioner

LANGUAGES = ("en", "pl", "pa", "ur", "ro")
FAMILY_SCREENS = ["home", "who-sees", "write", "my-words", "talk-now", "plan", "you-said"]
CARER_SCREENS = ["shared-with-me", "plan"]
CIRCLE_SCREENS = ["", "/people", "/meetings", "/plan"]
SMALL = {"width": 320, "height": 640}
CHOOSE_LANGUAGE = """async (lang) => {
  const me = await (await fetch('/api/me')).json();
  await fetch('/api/me/locale', {method: 'PUT', body: JSON.stringify({locale: lang}),
    headers: {'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token}});
}"""


def shoot(page: Page, folder: Path, name: str) -> None:
    page.wait_for_selector("main h1")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
    page.set_viewport_size(SMALL)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    page.screenshot(path=str(folder / f"{name}-small.png"), full_page=True)
    page.evaluate("() => { document.documentElement.style.fontSize = ''; }")
    page.set_viewport_size(PHONE)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    with running("sqlite", Path(tempfile.mkdtemp(prefix="alongside-shots-"))) as server:
        circle = new_circle(server)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            sam, alex = new_phone(browser, server.url), new_phone(browser, server.url)
            join(sam, circle.code("Sam"), "2468")
            join(alex, circle.code("Alex"), "2468")
            worker = new_phone(browser, server.url)
            sign_in_as_practitioner(worker, circle.lead["email"], circle.lead["password"])
            worker.wait_for_selector("main h1")
            people = [
                ("sam", sam, [*FAMILY_SCREENS, "settings"]),
                ("alex", alex, CARER_SCREENS),
                ("worker", worker, ["home", *(f"circle/{circle.id}{s}" for s in CIRCLE_SCREENS)]),
            ]
            for lang in LANGUAGES:
                folder = out / lang
                folder.mkdir(parents=True, exist_ok=True)
                for who, page, screens in people:
                    page.wait_for_selector("main h1")
                    page.evaluate(CHOOSE_LANGUAGE, lang)
                    for screen in screens:
                        page.goto(f"/#/{screen}")
                        page.reload()
                        name = screen.replace(f"circle/{circle.id}", "circle").replace("/", "-")
                        shoot(page, folder, f"{who}-{name}")
                print(f"{lang}: {len(list(folder.glob('*.png')))} screenshots in {folder}")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
