"""Escalation leads somewhere, and calls for help are not left unseen: a carer
takes their disagreement to the manager of their worker's team, who answers from
their oversight screen, and the carer reads the answer beside their words; a call
for help nobody acknowledged in time reaches the manager. In English and Urdu
under axe."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid

import httpx2 as httpx
import pytest
from playwright.sync_api import Page, expect
from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

from e2e.live_server import LiveServer, off_the_browsers_loop
from e2e.steps import (
    SW_CONTROLS,
    assert_accessible,
    join,
    new_phone,
    sign_in_as_practitioner,
)
from e2e.test_administration import shoot
from e2e.test_loop_closes import CHOOSE_LANGUAGE
from e2e.test_plan import named
from server.auth.secrets import hash_secret
from server.db import tortoise_config
from server.demo import PASSWORD
from server.organisations.models import Practitioner, Role, Team
from server.settings import Settings


async def _manager_for(db_url: str, lead_email: str) -> dict[str, str]:
    """A team with a manager, and the circle's lead in it (administrators do this
    through their screens; here it is made in the database, as the journey's
    practitioners are)."""
    EXECUTOR_CACHE.clear()
    await Tortoise.init(config=tortoise_config(db_url))
    try:
        lead = await Practitioner.get(email=lead_email)
        email = f"maya.{uuid.uuid4().hex[:8]}@example.test"
        team = await Team.create(organisation_id=lead.organisation_id, name=email)
        manager = await Practitioner.create(
            organisation_id=lead.organisation_id,
            team=team,
            email=email,
            name="Maya Khan",
            agency=lead.agency,
            role=Role.TEAM_MANAGER,
            password_hash=await hash_secret(PASSWORD),
        )
        team.manager = manager
        await team.save(update_fields=["manager_id"])
        lead.team = team
        await lead.save(update_fields=["team_id"])
        return {"email": email, "password": PASSWORD}
    finally:
        await Tortoise.close_connections()


def manager_for(server: LiveServer, circle) -> dict[str, str]:
    database = Settings.from_env(server.env).db_url
    return off_the_browsers_loop(asyncio.run, _manager_for(database, circle.lead["email"]))


def _published_plan(server: LiveServer, circle, text: str) -> None:
    """The lead adds an item and publishes the plan, through the API."""
    with httpx.Client(base_url=server.url, headers={"Origin": server.url}, timeout=10) as api:
        me = api.post(
            "/api/sessions/practitioner",
            json={"email": circle.lead["email"], "password": circle.lead["password"]},
        ).json()
        api.headers["X-CSRF-Token"] = me["csrf_token"]
        api.post(
            f"/api/circles/{circle.id}/plan/items",
            json={"section": "needs_to_happen", "text": text},
        ).raise_for_status()
        api.post(f"/api/circles/{circle.id}/plan/publish").raise_for_status()


def _open_plan(page: Page, step: str):
    page.goto("/#/plan")
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    section = page.locator("section, div[role=region], [aria-labelledby]").filter(has_text=step)
    return section.get_by_role("listitem").filter(has_text=step).first


def _in(page: Page, lang: str) -> None:
    if lang != "en":
        page.evaluate(CHOOSE_LANGUAGE, lang)
        page.reload()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert page.evaluate("() => document.documentElement.dir") == "rtl"


def _alex_disagrees(browser, server: LiveServer, circle, step: str, why: str = ""):
    """Maya manages the lead's team; the plan is published with this step; Alex
    joins and disagrees with it (saying why, if given): it is with the worker."""
    maya = manager_for(server, circle)
    _published_plan(server, circle, step)
    alex = new_phone(browser, server.url)
    join(alex, circle.code("Alex"), "1357")
    expect(alex.get_by_role("heading", level=1)).to_contain_text("Alex")
    alex.wait_for_function(SW_CONTROLS)  # kept for offline use
    item = _open_plan(alex, step)
    item.get_by_role("radio", name="I disagree").check()
    if why:
        item.get_by_label("Tell us why, in your own words").fill(why)
    item.get_by_role("button", name="Send my answer").click()
    expect(item.get_by_text("With your worker")).to_be_visible()
    return maya, alex, item


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a_carer_escalates_a_disagreement_and_reads_the_managers_answer(
    browser, live_server, circle, lang
):
    step = f"Alex takes Sam to school {uuid.uuid4().hex[:6]}"
    maya, alex, item = _alex_disagrees(browser, live_server, circle, step, "I start work at eight")
    item.get_by_role("button", name="Ask a manager to look at this").click()
    alex.get_by_role("button", name="Yes, ask a manager").click()
    expect(item.get_by_text("With Maya Khan, a manager")).to_be_visible()

    manager = new_phone(browser, live_server.url)
    sign_in_as_practitioner(manager, maya["email"], maya["password"])
    manager.get_by_role("link", name="Your teams").click()
    expect(manager.get_by_role("heading", level=1)).to_have_text("Your teams")
    waiting = manager.get_by_role("listitem").filter(has_text=step)
    expect(waiting).to_contain_text("Alex")
    expect(waiting).not_to_contain_text("I start work at eight")  # for the worker only
    _in(manager, lang)
    assert_accessible(manager)
    shoot(manager, f"{lang}-oversight")
    answer = "We will find another way to get Sam to school."
    manager.get_by_role("textbox").first.fill(answer)
    manager.locator("form").filter(has=manager.get_by_role("textbox")).first.get_by_role(
        "button"
    ).click()
    expect(manager.get_by_text(step)).to_have_count(0)

    _in(alex, lang)
    item = _open_plan(alex, step)
    expect(item.get_by_text(answer)).to_be_visible()
    expect(item.get_by_text("I start work at eight")).to_be_visible()
    if lang == "en":
        expect(item.get_by_text("Answered", exact=True)).to_be_visible()
        expect(item).to_contain_text(named("From |Maya Khan|, a manager"))
    assert_accessible(alex)
    shoot(alex, f"{lang}-answered")


TRANSLATED = """async (words) => {
  const { t } = await import('/shell/i18n.js');
  return words.map((one) => t(one));
}"""
BATCH = "**/api/commands/batch"
PENDING = "Saved on this phone. It will be sent when you are back online."


def _escalations(server: LiveServer, step: str) -> list[tuple]:
    """Each time this item's disagreement went to a manager (audited once each)."""
    return server.query(
        "SELECT e.subject_id FROM audit_event e JOIN plan_answer a ON e.subject_id = "
        "CAST(a.id AS VARCHAR(64)) JOIN plan_item i ON a.item_id = i.id "
        "WHERE e.action = 'disagreement_escalated' AND i.text = ?",
        step,
    )


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a_carer_offline_asks_a_manager_and_it_is_sent_once_when_back(
    browser, live_server, circle, lang
):
    step = f"Alex collects Sam on Fridays {uuid.uuid4().hex[:6]}"
    maya, alex, item = _alex_disagrees(browser, live_server, circle, step)
    _in(alex, lang)
    item = _open_plan(alex, step)
    ask, yes, pending, waiting = alex.evaluate(
        TRANSLATED,
        [
            "Ask a manager to look at this",
            "Yes, ask a manager",
            PENDING,
            "Waiting to go to a manager",
        ],
    )
    assert lang == "en" or waiting != "Waiting to go to a manager"

    alex.context.set_offline(True)
    item.get_by_role("button", name=ask).click()
    alex.get_by_role("button", name=yes).click()
    expect(item.get_by_text(pending)).to_be_visible()
    expect(item.locator(".where-now")).to_have_text(waiting)
    expect(item.locator(".where-now")).to_be_focused()
    expect(item.get_by_role("button", name=ask)).to_have_count(0)
    assert _escalations(live_server, step) == []
    assert_accessible(alex)
    shoot(alex, f"{lang}-asked-a-manager-offline")

    alex.route(BATCH, lambda route: route.abort())  # the signal is back, but weak
    alex.context.set_offline(False)
    item = _open_plan(alex, step)
    expect(item.locator(".where-now")).to_have_text(waiting)  # still on this phone
    expect(item.get_by_text(pending)).to_be_visible()
    expect(item.get_by_role("button", name=ask)).to_have_count(0)
    alex.unroute(BATCH)
    alex.evaluate("() => window.dispatchEvent(new Event('online'))")
    expect(item.get_by_text(pending)).to_have_count(0, timeout=40_000)
    expect(item.locator(".where-now")).to_contain_text("Maya Khan")
    if lang == "en":
        expect(item.get_by_text("With Maya Khan, a manager")).to_be_visible()
    assert len(_escalations(live_server, step)) == 1
    assert_accessible(alex)
    shoot(alex, f"{lang}-asked-a-manager-sent")

    manager = new_phone(browser, live_server.url)
    sign_in_as_practitioner(manager, maya["email"], maya["password"])
    manager.get_by_role("link", name="Your teams").click()
    expect(manager.get_by_role("heading", level=1)).to_have_text("Your teams")
    expect(manager.get_by_role("listitem").filter(has_text=step)).to_contain_text("Alex")
    alex.reload()
    item = _open_plan(alex, step)
    expect(item.locator(".where-now")).to_contain_text("Maya Khan")
    assert len(_escalations(live_server, step)) == 1  # sent once, never again


def _worker_once_with_no_grace(server: LiveServer) -> None:
    """The worker, run once, with calls for help overdue at once."""
    subprocess.run(
        [sys.executable, "-m", "server.cli", "worker", "--until-idle"],
        env={**server.env, "ALONGSIDE_URGENT_ACKNOWLEDGE_MINUTES": "0"},
        capture_output=True,
        timeout=120,
        check=True,
    )


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_an_unacknowledged_call_for_help_reaches_the_manager(browser, live_server, circle, lang):
    maya = manager_for(live_server, circle)
    sam = new_phone(browser, live_server.url)
    join(sam, circle.code("Sam"), "2468")
    expect(sam.get_by_role("heading", level=1)).to_contain_text("Sam")
    sam.get_by_role("button", name="I need to talk to someone now").click()
    expect(sam.get_by_text("We have told your worker you need to talk.")).to_be_visible()

    manager = new_phone(browser, live_server.url)
    sign_in_as_practitioner(manager, maya["email"], maya["password"])
    expect(manager.locator(".urgent-banner")).to_have_count(0)  # not overdue yet

    _worker_once_with_no_grace(live_server)
    manager.reload()
    banner = manager.locator(".urgent-banner")
    expect(banner).to_contain_text(named("|Sam| needs to talk to someone now"))
    _in(manager, lang)
    assert_accessible(manager)
    shoot(manager, f"{lang}-overdue")
    banner.get_by_role("button").click()
    expect(banner).to_have_count(0)
    sam.goto("/#/home")
    sam.reload()
    expect(sam.locator(".urgent-seen")).to_contain_text("Maya Khan")
