"""A page left open across a release: the practitioner's screens it has not loaded
yet are files the new release no longer has. The page reloads once, to the new
release, and the screen opens."""

from __future__ import annotations

import re

from playwright.sync_api import Page, Route, expect

from e2e.steps import PHONE, sign_in_as_practitioner

#: The plan screen's file, as the bundler names it (`/circle-plan-5KX2QJ7A.js?v=…`).
PLAN_SCREEN = re.compile(r"/circle-plan-\w+\.js")


def _open_plan_with_its_file_gone(browser, server, circle, times: int | None) -> tuple[Page, list]:
    """The lead's page, open before the release, opens the plan; the server answers
    404 for the plan screen's file `times` times (always, with None)."""
    # No service worker: the test says which files the server has.
    context = browser.new_context(viewport=PHONE, base_url=server.url, service_workers="block")
    page = context.new_page()
    sign_in_as_practitioner(page, circle.lead["email"], circle.lead["password"])
    expect(page.get_by_role("link", name=re.compile(re.escape(circle.name)))).to_be_visible()
    page.evaluate("() => { window.openedBeforeTheRelease = true; }")
    missing: list[str] = []

    def gone(route: Route) -> None:
        missing.append(route.request.url)
        route.fulfill(status=404, body="")

    page.route(PLAN_SCREEN, gone, times=times)
    page.evaluate("(id) => { location.hash = `#/circle/${id}/plan`; }", circle.id)
    return page, missing


def test_a_page_opened_before_a_release_still_opens_a_new_screen(browser, live_server, circle):
    page, missing = _open_plan_with_its_file_gone(browser, live_server, circle, times=1)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Plan")
    assert len(missing) == 1  # the old file was asked for, once, and was gone
    assert page.evaluate("() => window.openedBeforeTheRelease") is None  # it reloaded
    assert page.evaluate("() => sessionStorage.length") == 0
    page.context.close()


def test_a_screen_that_will_not_load_reloads_once_then_says_so(browser, live_server, circle):
    page, missing = _open_plan_with_its_file_gone(browser, live_server, circle, times=None)
    expect(page.get_by_role("heading", level=1)).to_have_text("Something went wrong")
    assert len(missing) == 2  # before the reload and after it: no loop of reloads
    assert page.evaluate("() => sessionStorage.length") == 0
    page.context.close()
