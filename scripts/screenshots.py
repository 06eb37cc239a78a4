"""Screenshots of the main family screens at 390×844 in every language, for
people to look at: `python scripts/screenshots.py [folder]` (default
./screenshots, which git ignores). Starts its own demo server on a free port."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright

from e2e.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, LiveServer, _free_port

LANGUAGES = {"en": "en-GB", "pl": "pl-PL", "pa": "pa-IN", "ur": "ur-PK", "ro": "ro-RO"}
FAMILY_SCREENS = [
    "home",
    "who-sees",
    "write",
    "my-words",
    "talk-now",
    "plan",
    "you-said",
    "settings",
]
CARER_SCREENS = ["shared-with-me", "plan"]
CHOOSE_LANGUAGE = """async (lang) => {
  const me = await (await fetch('/api/me')).json();
  await fetch('/api/me/locale', {method: 'PUT', body: JSON.stringify({locale: lang}),
    headers: {'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token}});
}"""


def join(page, code: str) -> None:
    page.goto(f"/#/join/{code}")
    page.locator("input[name=pin]").fill("2468")
    page.locator("input[name=pin_again]").fill("2468")
    page.locator("form button[type=submit]").click()
    page.wait_for_selector("h1")
    page.wait_for_timeout(500)


def shoot(page, folder: Path, name: str) -> None:
    page.wait_for_selector("main h1")
    page.wait_for_timeout(400)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    port = _free_port()
    data = tempfile.mkdtemp(prefix="alongside-shots-")
    env = {**os.environ, "ALONGSIDE_DATA_DIR": data, "ALONGSIDE_PORT": str(port)}
    env.pop("ALONGSIDE_DATABASE_URL", None)
    server = LiveServer(url=f"http://127.0.0.1:{port}", env=env)
    server.demo()
    server.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for lang, browser_locale in LANGUAGES.items():
                folder = out / lang
                folder.mkdir(parents=True, exist_ok=True)
                for person, screens in (("Sam", FAMILY_SCREENS), ("Alex", CARER_SCREENS)):
                    context = browser.new_context(
                        viewport=PHONE,
                        base_url=server.url,
                        locale=browser_locale,
                        extra_http_headers={"Accept-Language": browser_locale},
                    )
                    page = context.new_page()
                    join(page, server.invitation(person))
                    page.evaluate(CHOOSE_LANGUAGE, lang)
                    for screen in screens:
                        page.goto(f"/#/{screen}")
                        page.reload()
                        shoot(page, folder, f"{person.lower()}-{screen}")
                    context.close()
                print(f"{lang}: {len(list(folder.glob('*.png')))} screenshots in {folder}")
            browser.close()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
