"""Signing in as staff in Chromium: a teacher from an invitation, through the
school's OpenID Connect provider (a real oidc-provider process); and a
practitioner with an authenticator app, typing its code."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest
from playwright.sync_api import Browser, expect
from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

from e2e.live_server import LiveServer, free_port, off_the_browsers_loop, wait_until_ready
from e2e.steps import (
    assert_accessible,
    new_phone,
    sign_in_as_practitioner,
    sign_in_in_any_language,
)
from server.auth.models import SecondFactor
from server.auth.oidc import CALLBACK_PATH
from server.auth.secrets import hash_secret, seal
from server.db import tortoise_config
from server.organisations.models import Agency, Organisation, Practitioner
from server.practitioners import invitations
from server.settings import Settings
from tests.oidc.provider import running_provider

PASSWORD = "a long practitioner password"
#: The school's name is isolated (bidi marks) inside the translated words.
SCHOOL_LINK = re.compile(r"Sign in with \W?Greenfield School")
SHOTS = os.environ.get("ALONGSIDE_SCREENSHOTS")  # a folder, to look at the screens


@pytest.fixture(scope="module")
def sso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """`alongside serve` (SQLite) that knows the school's identity provider."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with running_provider(url + CALLBACK_PATH) as provider:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("ALONGSIDE_DATABASE_URL", "ALONGSIDE_MODE", "ALONGSIDE_SECRET_KEY")
        }
        env.update(
            ALONGSIDE_DATA_DIR=str(tmp_path_factory.mktemp("e2e-sso")),
            ALONGSIDE_PORT=str(port),
            ALONGSIDE_HOST="127.0.0.1",
            ALONGSIDE_OIDC_SCHOOL_ISSUER=provider.issuer,
            ALONGSIDE_OIDC_SCHOOL_CLIENT_ID="alongside",
            ALONGSIDE_OIDC_SCHOOL_CLIENT_SECRET=provider.client_secret,
            ALONGSIDE_OIDC_SCHOOL_NAME="Greenfield School",
        )
        server = LiveServer(url=url, env=env)
        server.process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "serve"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # A busy machine can take a while to import and migrate.
        wait_until_ready(url, server.process, seconds=120)
        try:
            yield server
        finally:
            server.stop()


def _in_database(server: LiveServer, make):
    async def run():
        EXECUTOR_CACHE.clear()
        path = Path(server.env["ALONGSIDE_DATA_DIR"]) / "alongside.sqlite3"
        await Tortoise.init(config=tortoise_config(f"sqlite://{path}"))
        try:
            return await make()
        finally:
            await Tortoise.close_connections()

    return off_the_browsers_loop(asyncio.run, run())


def _shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def test_a_teacher_invited_by_email_signs_in_through_the_schools_provider(
    browser: Browser, sso_server: LiveServer
):
    async def invite_teacher() -> str:
        school = await Organisation.create(
            name="Greenfield School", agency=Agency.SCHOOL, identity_provider="school"
        )
        teacher = await Practitioner.create(
            organisation=school, email="tess@school.test", name="Tess Teacher", agency=Agency.SCHOOL
        )
        return await invitations.invite(teacher)

    token = _in_database(sso_server, invite_teacher)
    page = new_phone(browser, sso_server.url)
    page.goto("/")
    expect(page.get_by_role("link", name=SCHOOL_LINK)).to_be_visible()
    assert_accessible(page)
    _shot(page, "sign-in-en")
    page.goto(f"/auth/oidc/start?invitation={token}")
    # The school's own sign-in pages (oidc-provider's).
    page.locator("input[name=login]").fill("tess.teacher")
    page.locator("input[name=password]").fill("anything")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your circles")
    linked = sso_server.query(
        "SELECT identity_subject FROM practitioner WHERE email = ?", "tess@school.test"
    )
    assert linked == [("tess.teacher",)]
    page.context.close()

    # Next time, from the sign-in screen: the same identity, no invitation needed.
    again = new_phone(browser, sso_server.url)
    again.goto("/")
    again.get_by_role("link", name=SCHOOL_LINK).click()
    again.locator("input[name=login]").fill("tess.teacher")
    again.locator("input[name=password]").fill("anything")
    again.get_by_role("button", name="Sign-in").click()
    again.get_by_role("button", name="Continue").click()
    expect(again.get_by_role("heading", level=1)).to_have_text("Your circles")
    again.context.close()


def test_a_practitioner_with_an_authenticator_app_signs_in_with_its_code(
    browser: Browser, sso_server: LiveServer
):
    secret = pyotp.random_base32()

    async def practitioner_with_app() -> None:
        council = await Organisation.create(name="Council social care")
        priya = await Practitioner.create(
            organisation=council,
            email="priya.totp@council.test",
            name="Priya Shah",
            agency=Agency.SOCIAL_CARE,
            password_hash=await hash_secret(PASSWORD),
        )
        key = Settings.from_env(sso_server.env).ready().secret_key
        await SecondFactor.create(
            practitioner=priya, secret=seal(key, secret), confirmed_at=priya.created_at
        )

    _in_database(sso_server, practitioner_with_app)
    for locale in ("ur", "en-GB"):
        page = new_phone(browser, sso_server.url, locale=locale)
        if locale == "ur":
            page.goto("/")
            page.locator("#field-email").fill("priya.totp@council.test")
            page.locator("#field-password").fill(PASSWORD)
            page.locator("form button[type=submit]").first.click()
            expect(page.locator("#field-code")).to_be_visible()
            assert page.locator("html").get_attribute("dir") == "rtl"
            assert_accessible(page)
            _shot(page, "code-ur")
            page.context.close()
            continue
        sign_in_as_practitioner(page, "priya.totp@council.test", PASSWORD)
        code = page.get_by_label("Code from your authenticator app")
        expect(code).to_be_visible()
        expect(page.get_by_text("Please type the 6-digit code")).to_be_visible()
        assert_accessible(page)
        _shot(page, "code-en")
        code.fill("000000")
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("alert")).to_contain_text("That code is not right")
        code.fill(pyotp.TOTP(secret).at(time.time()))
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Your circles")
        page.context.close()


def test_a_practitioner_turns_a_sign_in_code_on_and_off_in_their_settings(
    browser: Browser, sso_server: LiveServer
):
    async def practitioner() -> None:
        council = await Organisation.create(name="Council early help")
        await Practitioner.create(
            organisation=council,
            email="omar.code@council.test",
            name="Omar Khan",
            agency=Agency.EARLY_HELP,
            password_hash=await hash_secret(PASSWORD),
        )

    _in_database(sso_server, practitioner)
    page = new_phone(browser, sso_server.url)
    sign_in_as_practitioner(page, "omar.code@council.test", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your circles")
    page.get_by_role("link", name="Settings").click()
    page.get_by_role("link", name="Your sign-in code").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign-in code")
    expect(
        page.get_by_role("img", name="A QR code to scan with your authenticator app")
    ).to_be_visible()
    assert_accessible(page)
    _shot(page, "sign-in-code-on-en")
    secret = page.locator(".secret-key").inner_text().strip()
    app = pyotp.TOTP(secret)
    page.get_by_label("Code from your authenticator app").fill("000000")
    page.get_by_role("button", name="Turn on the sign-in code").click()
    expect(page.locator("#field-code-error")).to_contain_text("That code is not right")
    # Codes follow the clock when they are typed: one taken when the journey began ran
    # out whenever the journey crossed a 30-second step (it failed now and then).
    used = app.now()
    page.get_by_label("Code from your authenticator app").fill(used)
    page.get_by_role("button", name="Turn on the sign-in code").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Keep these recovery codes")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Settings")
    page.get_by_role("link", name="Your sign-in code").click()
    expect(page.get_by_text("A sign-in code is on for you.")).to_be_visible()
    assert_accessible(page)
    _shot(page, "sign-in-code-off-en")
    code = page.get_by_label("Code from your authenticator app")
    code.fill(used)  # used already
    page.get_by_role("button", name="Turn off the sign-in code").click()
    expect(page.locator("#field-code-error")).to_contain_text("That code is not right")
    code.fill(app.at(time.time() + 30))  # the next step's: later than the one used
    page.get_by_role("button", name="Turn off the sign-in code").click()
    expect(page.get_by_text("A sign-in code is off for you.")).to_be_visible()
    page.context.close()

    # Off again, so password alone signs in; the screen in Urdu, right to left.
    async def speaks_urdu() -> None:
        await Practitioner.filter(email="omar.code@council.test").update(locale="ur")

    _in_database(sso_server, speaks_urdu)
    urdu = new_phone(browser, sso_server.url, locale="ur")
    sign_in_in_any_language(urdu, "omar.code@council.test", PASSWORD)
    urdu.goto("/#/second-factor")
    expect(urdu.locator(".secret-key")).to_be_visible()
    assert urdu.locator("html").get_attribute("dir") == "rtl"
    assert_accessible(urdu)
    _shot(urdu, "sign-in-code-on-ur")
    urdu.context.close()
