"""A real partnership runs it, from start to end: the first partnership
administrator adds a school, chooses on its sign-in screen that its staff sign in
through the school's own OpenID Connect provider (a real oidc-provider process),
and invites a teacher; the invitation arrives through a real SMTP server; the
teacher follows its link, signs in at the provider and lands on their home."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from e2e.live_server import LiveServer, free_port
from e2e.steps import assert_accessible, new_phone
from e2e.test_administration import alongside, first_partnership_admin, shoot
from server.auth.oidc import CALLBACK_PATH
from tests.mail_server import MailServer, link_in
from tests.oidc.provider import running_provider

SCHOOL = "Greenfield School"


@pytest.fixture
def partnership(tmp_path: Path) -> Iterator[tuple[LiveServer, MailServer]]:
    """A server of its own that sends email to a local SMTP server and knows the
    school's identity provider (configured by the deployment's environment)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with MailServer() as mail, running_provider(url + CALLBACK_PATH) as provider:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("ALONGSIDE_")},
            "ALONGSIDE_DATA_DIR": str(tmp_path),
            "ALONGSIDE_HOST": "127.0.0.1",
            "ALONGSIDE_PORT": str(port),
            "ALONGSIDE_SMTP_HOST": "127.0.0.1",
            "ALONGSIDE_SMTP_PORT": str(mail.port),
            "ALONGSIDE_SMTP_STARTTLS": "false",
            "ALONGSIDE_OIDC_SCHOOL_ISSUER": provider.issuer,
            "ALONGSIDE_OIDC_SCHOOL_CLIENT_ID": "alongside",
            "ALONGSIDE_OIDC_SCHOOL_CLIENT_SECRET": provider.client_secret,
            "ALONGSIDE_OIDC_SCHOOL_NAME": SCHOOL,
        }
        server = LiveServer(url=url, env=env)
        server.start()
        try:
            yield server, mail
        finally:
            server.stop()


def add_a_school(admin: Page, name: str) -> None:
    admin.get_by_role("link", name="Administration").click()
    admin.get_by_label("Name of the organisation").fill(name)
    admin.get_by_label("Agency").select_option("school")
    admin.get_by_role("button", name="Add the organisation").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text(name)


def test_an_administrator_chooses_how_a_school_signs_in(partnership, browser: Browser):
    server, _ = partnership
    admin = first_partnership_admin(server, browser)
    admin.set_viewport_size({"width": 390, "height": 844})
    add_a_school(admin, "Hill School")
    admin.get_by_role("link", name="How they sign in").click()
    # The school's name is isolated (bidi marks) inside the translated words.
    expect(admin.get_by_role("heading", level=1)).to_have_text(
        re.compile(r"How people at \W?Hill School\W? sign in")
    )
    expect(admin.get_by_role("radio", name="Password")).to_be_checked()
    assert_accessible(admin)
    shoot(admin, "sign-in-settings-en")
    admin.get_by_role("radio", name=SCHOOL).check()
    admin.get_by_role("checkbox", name="Everyone must use a sign-in code").check()
    admin.get_by_role("button", name="Save how they sign in").click()
    expect(admin.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    assert server.query(
        "SELECT identity_provider, requires_second_factor FROM organisation WHERE name = ?",
        "Hill School",
    ) in ([("school", 1)], [("school", True)])
    # The secret stays in the deployment's environment: the screen never sees it.
    assert server.env["ALONGSIDE_OIDC_SCHOOL_CLIENT_SECRET"] not in admin.content()

    admin.reload()
    expect(admin.get_by_role("radio", name=SCHOOL)).to_be_checked()
    expect(admin.get_by_role("checkbox", name="Everyone must use a sign-in code")).to_be_checked()
    screen = admin.url
    admin.goto("/#/settings")
    admin.locator(".language-choice[lang=ur]").click()
    expect(admin.locator("html")).to_have_attribute("dir", "rtl")
    admin.goto(screen)
    expect(admin.get_by_role("radio", name=SCHOOL)).to_be_checked()
    assert_accessible(admin)
    shoot(admin, "sign-in-settings-ur")
    admin.context.close()


def test_a_school_is_set_up_and_its_teacher_signs_in_through_its_provider(
    partnership, browser: Browser
):
    server, mail = partnership
    admin = first_partnership_admin(server, browser)
    add_a_school(admin, "Greenfield Academy")
    admin.get_by_role("link", name="How they sign in").click()
    admin.get_by_role("radio", name=SCHOOL).check()
    admin.get_by_role("button", name="Save how they sign in").click()
    expect(admin.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    admin.get_by_role("link", name="Greenfield Academy").click()
    admin.get_by_label("Name", exact=True).fill("Tess Teacher")
    admin.get_by_label("Work email address").fill("tess@greenfield.test")
    admin.get_by_role("button", name="Send the invitation").click()
    expect(admin.get_by_role("heading", name="Tess Teacher")).to_be_visible()
    admin.context.close()

    alongside(server, "worker", "--until-idle")
    email = mail.wait_for("tess@greenfield.test")
    link = link_in(email)
    assert link.startswith(server.url + "/auth/oidc/start?invitation="), link

    teacher = new_phone(browser, server.url)
    teacher.goto(link)
    # The school's own sign-in pages (oidc-provider's), then back to Alongside.
    teacher.locator("input[name=login]").fill("tess.teacher")
    teacher.locator("input[name=password]").fill("anything")
    teacher.get_by_role("button", name="Sign-in").click()
    teacher.get_by_role("button", name="Continue").click()
    expect(teacher.get_by_role("heading", level=1)).to_have_text("Your circles")
    expect(teacher.locator("main .lead")).to_have_text(re.compile(r"Signed in as \W?Tess Teacher"))
    assert server.query(
        "SELECT identity_subject FROM practitioner WHERE email = ?", "tess@greenfield.test"
    ) == [("tess.teacher",)]
    teacher.context.close()
