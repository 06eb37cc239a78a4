"""The partnership's annual review: a team manager opens it from their home and
sees "fewer than 5" while only 3 families have checked in after a meeting, and a
figure once 5 have. In English and Urdu under axe."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Page, expect
from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

from e2e.live_server import LiveServer, off_the_browsers_loop
from e2e.steps import assert_accessible, new_phone, sign_in_as_practitioner
from e2e.test_administration import shoot
from e2e.test_managers import _in, manager_for
from server.checkins.models import CheckIn
from server.checkins.questions import Window
from server.circles.models import AgeBand, Circle, FamilyMember, FamilyRole, TeamMember
from server.db import tortoise_config
from server.meetings.models import Meeting, MeetingKind
from server.organisations.models import Practitioner
from server.settings import Settings


async def _checked_in(db_url: str, lead_email: str, families: int) -> None:
    """`families` more circles led by the lead, each with a meeting two days ago
    and its young person's check-in (made in the database, as a year's history
    would be)."""
    EXECUTOR_CACHE.clear()
    await Tortoise.init(config=tortoise_config(db_url))
    try:
        lead = await Practitioner.get(email=lead_email)
        held = datetime.now(UTC) - timedelta(days=2)
        for _ in range(families):
            circle = await Circle.create(
                organisation_id=lead.organisation_id, name=f"Family {uuid.uuid4().hex[:6]}"
            )
            await TeamMember.create(circle=circle, practitioner=lead, is_lead=True)
            young = await FamilyMember.create(
                circle=circle, name="Jo", role=FamilyRole.YOUNG_PERSON, age_band=AgeBand.ADULT
            )
            meeting = await Meeting.create(
                circle=circle, kind=MeetingKind.CHILD_IN_NEED_REVIEW, starts_at=held
            )
            await CheckIn.create(meeting=meeting, circle=circle, member=young, window=Window.WITH)
    finally:
        await Tortoise.close_connections()


def checked_in(server: LiveServer, circle, families: int) -> None:
    database = Settings.from_env(server.env).db_url
    off_the_browsers_loop(asyncio.run, _checked_in(database, circle.lead["email"], families))


def _answers_row(page: Page):
    section = page.locator("div.measure").filter(has=page.locator("#measure-family_window"))
    return section.locator("tbody tr").first


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a_manager_sees_fewer_than_5_until_5_families_have_answered(
    browser, live_server, circle, lang
):
    maya = manager_for(live_server, circle)
    checked_in(live_server, circle, 3)
    manager = new_phone(browser, live_server.url)
    sign_in_as_practitioner(manager, maya["email"], maya["password"])
    manager.get_by_role("link", name="Annual review").click()
    year = datetime.now(UTC).year
    expect(manager.get_by_role("heading", level=1)).to_have_text(f"Annual review {year}")
    expect(_answers_row(manager)).to_contain_text("fewer than 5")
    expect(manager.locator("img.review-chart").first).to_be_visible()

    checked_in(live_server, circle, 2)
    manager.reload()
    row = _answers_row(manager)
    expect(row).not_to_contain_text("fewer than 5")
    expect(row.locator("td").last).to_have_text("5")
    _in(manager, lang)
    assert_accessible(manager)
    shoot(manager, f"{lang}-review")

    manager.goto(f"/review/{year}/print")  # the A4 page, its charts inline
    expect(manager.locator("svg[role=img]")).to_have_count(7)
    expect(manager.locator("table")).to_have_count(7)
    assert_accessible(manager)
    shoot(manager, f"{lang}-review-print")
