"""Steps end-to-end tests share: phones, signing in, joining, the keyboard,
checking accessibility."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, expect

from server.bundle import BY_PATH

if TYPE_CHECKING:
    from e2e.circles import Circle

PHONE = {"width": 390, "height": 844}
_axe = Axe()
SW_CONTROLS = "() => navigator.serviceWorker.controller !== null"
#: The modules tests drive from the page (server/bundle.py's BY_PATH).
TEST_HOOKS = [f"/{path}" for path in BY_PATH]
#: Whether the service worker keeps each of these modules (by fingerprinted URL).
KEPT = """async (paths) => {
  const named = JSON.parse(document.querySelector('script[type="importmap"]').textContent).imports;
  const kept = await Promise.all(paths.map((path) => caches.match(named[path])));
  return kept.every(Boolean);
}"""
CACHED_URLS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  }
  return urls;
}"""


def new_phone(
    browser: Browser, url: str, locale: str = "en-GB", width: int = PHONE["width"]
) -> Page:
    """Another person's phone, with its own cookies and storage: close its context."""
    context = browser.new_context(
        viewport={**PHONE, "width": width},
        base_url=url,
        locale=locale,
        extra_http_headers={"Accept-Language": locale},
    )
    return context.new_page()


def wait_in_page(page: Page, check: str, arg: Any = None, seconds: float = 30) -> Any:
    """Waits until `check`, an async JS function of `arg`, gives a true value, and
    returns that value. (page.wait_for_function takes the promise an async function
    returns as true at once: it does not wait for it.)"""
    return page.evaluate(
        f"""async (arg) => {{
      const check = {check};
      const until = Date.now() + {seconds * 1000};
      for (;;) {{
        const value = await check(arg);
        if (value) return value;
        if (Date.now() > until) throw new Error("still not true after {seconds} s: " + check);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }}
    }}""",
        arg,
    )


#: How many commands this phone's outbox still keeps for the person signed in.
UNSENT = """async () => {
    const people = await import("/store/people.js");
    const queue = await import("/outbox/queue.js");
    return queue.unsentCount(people.currentPersonId());
}"""


def waiting_commands(page: Page) -> int:
    return page.evaluate(UNSENT)


def wait_until_sent(page: Page) -> None:
    """Waits until this phone's outbox has sent everything it kept: a screen shows a
    change at once ("saved on this phone"), before the server has it."""
    wait_in_page(page, f"async () => (await ({UNSENT})()) === 0")


def assert_accessible(page: Page) -> None:
    """axe finds nothing on the screen, once the screen has drawn its heading."""
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    results = _axe.run(page)
    assert results.violations_count == 0, results.generate_report()


def tab_to(page: Page, target: Locator, presses: int = 60) -> None:
    """Presses Tab until `target` has the focus; fails if it never gets it."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if target.evaluate("(e) => e === document.activeElement"):
            return
    raise AssertionError(f"{presses} presses of Tab never reached {target}")


def sign_in_as_practitioner(page: Page, email: str, password: str) -> None:
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    page.get_by_label("Work email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def sign_in_in_any_language(page: Page, email: str, password: str) -> None:
    """Signs in by the form's fields, whatever language the screen is in, and
    waits for the practitioner's home."""
    page.goto("/")
    page.locator("#field-email").fill(email)
    page.locator("#field-password").fill(password)
    page.locator("form button[type=submit]").first.click()
    expect(page.locator("main a[href='#/settings']")).to_be_visible()


def keep_test_hooks(page: Page) -> None:
    """Imports the modules the tests drive once, online, with the service worker in
    control, so it keeps them as it keeps any file the app fetched. (Bundled, the app
    runs their code from shared files: it never fetches these entry files itself, so
    they are not on the phone for a test that goes offline first.)"""
    page.wait_for_function(SW_CONTROLS)
    page.evaluate(
        "async (paths) => { await Promise.all(paths.map((p) => import(p))); }", TEST_HOOKS
    )
    wait_in_page(page, KEPT, TEST_HOOKS)


def join(page: Page, code: str, pin: str) -> None:
    page.goto(f"/#/join/{code}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Join your circle")
    expect(page.get_by_label("Invitation code")).to_have_value(code)
    page.get_by_label("Pick a secret number you will not forget").fill(pin)
    page.get_by_label("Type your secret number again").fill(pin)
    page.get_by_role("button", name="Join").click()


def lead_starts_a_plan_item(browser: Browser, url: str, circle: Circle) -> tuple[Page, Locator]:
    """The circle's lead, signed in on the plan with a new "What's working well"
    item open; returns the page and its text box."""
    lead = new_phone(browser, url)
    sign_in_as_practitioner(lead, circle.lead["email"], circle.lead["password"])
    expect(lead.get_by_role("link", name=re.compile(re.escape(circle.name)))).to_be_visible()
    lead.goto(f"/#/circle/{circle.id}/plan")
    expect(lead.get_by_role("heading", level=1)).to_contain_text("Plan")
    lead.get_by_role("region", name="What's working well").get_by_role(
        "button", name="Add an item"
    ).click()
    return lead, lead.get_by_label("What the plan says")
