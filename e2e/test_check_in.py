"""After a meeting: a child in the simpler version finds "How was it for you?" on
their home, answers with faces while offline, sees it kept on the phone, and it
reaches the server once the connection is back; the screen passes axe in English
and in Urdu (right to left)."""

from __future__ import annotations

import asyncio
import re
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect
from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

from e2e.live_server import off_the_browsers_loop
from e2e.steps import (
    SW_CONTROLS,
    assert_accessible,
    join,
    sign_in_in_any_language,
    wait_in_page,
    wait_until_sent,
)
from e2e.test_access import CHOOSE_LANGUAGE, _join_any_language, phone, show
from server.checkins.models import CheckIn
from server.circles.models import FamilyMember
from server.db import tortoise_config
from server.meetings.models import Meeting
from server.settings import Settings

SHOTS = Path(tempfile.gettempdir())


async def _in_database(db_url: str, work):
    EXECUTOR_CACHE.clear()
    await Tortoise.init(config=tortoise_config(db_url))
    try:
        return await work()
    finally:
        await Tortoise.close_connections()


def in_database(live_server, work):
    url = Settings.from_env(live_server.env).db_url
    return off_the_browsers_loop(asyncio.run, _in_database(url, work))


def meeting_has_passed(live_server, circle) -> None:
    """The circle's meeting took place two hours ago (its family was there)."""

    async def passed():
        when = datetime.now(UTC) - timedelta(hours=2)
        await Meeting.filter(circle_id=circle.id).update(starts_at=when)
        await FamilyMember.filter(circle_id=circle.id).update(created_at=when - timedelta(days=1))

    in_database(live_server, passed)


def check_ins_of(live_server, circle) -> list[tuple]:
    async def found():
        return await CheckIn.filter(circle_id=circle.id).values_list(
            "member__name", "listened", "helped_decide", "told_honestly", "got_help", "audience"
        )

    return in_database(live_server, found)


def test_a_child_answers_the_check_in_offline_then_it_is_sent(browser, live_server, circle):
    meeting_has_passed(live_server, circle)
    mia = phone(browser, live_server)
    join(mia, circle.code("Mia"), "2468")
    heading = mia.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Mia")
    mia.wait_for_function(SW_CONTROLS)
    mia.reload()  # the home, kept on this phone for offline use
    card = mia.locator(".check-in-card")
    expect(card).to_contain_text("How was it for you?")
    assert_accessible(mia)

    mia.context.set_offline(True)
    card.get_by_role("link", name="Tell us about your meeting").click()
    expect(heading).to_have_text("How was it for you?")
    assert_accessible(mia)
    listened = mia.get_by_role("group", name="Did people listen to what you said?")
    listened.get_by_label("Yes").check()
    decided = mia.get_by_role("group", name="Did you help decide what happens next?")
    decided.get_by_label("A bit").check()
    mia.get_by_role("button", name="Send").click()
    expect(heading).to_have_text("Thank you")
    expect(
        mia.get_by_text("Saved on this phone. It will be sent when you are back online.")
    ).to_be_visible()
    expect(mia.locator("main .audience-line")).to_contain_text("Just me")
    assert check_ins_of(live_server, circle) == []

    mia.get_by_role("link", name="Back to home").click()
    expect(heading).to_contain_text("Mia")
    expect(mia.locator(".check-in-card")).to_have_count(0)

    mia.context.set_offline(False)
    mia.evaluate("() => window.dispatchEvent(new Event('online'))")
    wait_in_page(
        mia,
        "async () => (await (await fetch('/api/family/home')).json()).check_ins[0].mine !== null",
    )
    assert check_ins_of(live_server, circle) == [("Mia", 3, 2, None, None, "just_me")]
    mia.reload()
    expect(heading).to_contain_text("Mia")
    expect(mia.locator(".check-in-card")).to_have_count(0)
    mia.context.close()


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_the_check_in_passes_axe(browser, live_server, circle, lang):
    meeting_has_passed(live_server, circle)
    page = phone(browser, live_server, lang)
    _join_any_language(page, circle.code("Sam"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sam")
    page.evaluate(CHOOSE_LANGUAGE, lang)
    page.reload()
    page.locator(".check-in-card a").first.click()
    expect(page.locator("main form")).to_be_visible()
    assert page.evaluate("() => document.documentElement.dir") == ("rtl" if lang == "ur" else "ltr")
    assert_accessible(page)
    page.screenshot(path=f"/tmp/h4-check-in-{lang}.png", full_page=True)
    page.context.close()


def meeting_id_of(live_server, circle) -> str:
    async def found():
        return str((await Meeting.get(circle_id=circle.id)).id)

    return in_database(live_server, found)


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_after_the_meeting_the_lead_sees_how_it_went_and_reflects(
    browser, live_server, circle, lang
):
    meeting_has_passed(live_server, circle)
    sam = phone(browser, live_server)
    join(sam, circle.code("Sam"), "2468")
    expect(sam.get_by_role("heading", level=1)).to_contain_text("Sam")
    sam.locator(".check-in-card a").first.click()
    sam.get_by_role("group", name="Did people listen to what you said?").get_by_label("No").check()
    sam.get_by_label("Anything else? (you can leave this empty)").fill("Nobody asked me")
    sam.get_by_role("radio", name=re.compile("^My worker")).check()
    sam.get_by_role("button", name="Send").click()
    expect(sam.get_by_role("heading", level=1)).to_have_text("Thank you")
    wait_until_sent(sam)
    sam.context.close()

    priya = phone(browser, live_server, lang)
    sign_in_in_any_language(priya, circle.lead["email"], circle.lead["password"])
    if lang != "en":
        priya.evaluate(CHOOSE_LANGUAGE, lang)
        priya.reload()
        sign_in_home = priya.locator("main a[href='#/settings']")
        expect(sign_in_home).to_be_visible()
        assert priya.evaluate("() => document.documentElement.dir") == "rtl"
    show(priya, f"#/meeting/{meeting_id_of(live_server, circle)}")
    heard = priya.locator("section[aria-labelledby=heard-title]")
    expect(heard).to_contain_text("Sam")
    how = priya.locator("section[aria-labelledby=how-title]")
    expect(how).to_contain_text("Nobody asked me")  # Sam shared it with their worker
    assert priya.locator("form button[type=submit]").count() == 1  # no asking after the day
    assert_accessible(priya)
    priya.screenshot(path=str(SHOTS / f"after-the-meeting-{lang}.png"), full_page=True)

    reflect = priya.locator("section[aria-labelledby=reflect-title]")
    reflect.locator("fieldset").first.locator("input[value='3']").check()
    reflect.locator("button[type=submit]").click()
    wait_in_page(
        priya,
        """async (id) => (await (await fetch(`/api/meetings/${id}/check-ins`)).json())
            .my_reflection?.listened === 3""",
        meeting_id_of(live_server, circle),
    )
    priya.reload()
    checked = priya.locator("section[aria-labelledby=reflect-title] input[value='3']").first
    expect(checked).to_be_checked()  # kept, and shown again
    priya.context.close()
