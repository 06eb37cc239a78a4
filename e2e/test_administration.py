"""A council sets up its partnership in the app: the first partnership
administrator (from `alongside admin create-partnership-admin`) adds a school and
invites a teacher; the invitation arrives by email through a real SMTP server;
the teacher chooses a password and signs in. Later the teacher leaves: once
deactivated, their open session stops working."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from e2e.live_server import LiveServer, free_port
from e2e.steps import (
    assert_accessible,
    new_phone,
    sign_in_as_practitioner,
    sign_in_in_any_language,
)
from tests.mail_server import MailServer, link_in

PASSWORD = "a long and happy password"
SHOTS = os.environ.get("ALONGSIDE_SCREENSHOTS")


@pytest.fixture
def council(tmp_path: Path) -> Iterator[tuple[LiveServer, MailServer]]:
    """A server of its own, sending email to a local SMTP server."""
    with MailServer() as mail:
        port = free_port()
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("ALONGSIDE_")},
            "ALONGSIDE_DATA_DIR": str(tmp_path),
            "ALONGSIDE_PORT": str(port),
            "ALONGSIDE_SMTP_HOST": "127.0.0.1",
            "ALONGSIDE_SMTP_PORT": str(mail.port),
            "ALONGSIDE_SMTP_STARTTLS": "false",
            # Their data protection officer may use the records screens.
            "ALONGSIDE_RECORDS_MANAGERS": "Rita@Council.test",
        }
        server = LiveServer(url=f"http://127.0.0.1:{port}", env=env)
        server.start()
        try:
            yield server, mail
        finally:
            server.stop()


def alongside(server: LiveServer, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "server.cli", *args],
        env=server.env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def local(link: str) -> str:
    """The link's path and fragment, opened on the test server."""
    parts = urlsplit(link)
    return f"/#{parts.fragment}"


def shoot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def first_partnership_admin(server: LiveServer, browser: Browser) -> Page:
    """Ada Admin of Riverside Council, from the one command line step, signed in."""
    printed = alongside(
        server,
        "admin",
        "create-partnership-admin",
        "ada@council.test",
        "--name",
        "Ada Admin",
        "--organisation",
        "Riverside Council",
    )
    admin = new_phone(browser, server.url, width=1280)
    choose_password(admin, link_in_text(printed), "Ada Admin")
    return admin


def choose_password(page: Page, link: str, name: str) -> None:
    page.goto(local(link))
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose your password")
    expect(page.locator("main .lead")).to_contain_text(name)
    page.get_by_label("Choose a password").fill(PASSWORD)
    page.get_by_label("Type your password again").fill(PASSWORD)
    page.get_by_role("button", name="Save my password and sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your circles")


def test_a_partnership_admin_sets_up_a_school_whose_teacher_signs_in_then_leaves(
    council, browser: Browser
):
    server, mail = council
    admin = first_partnership_admin(server, browser)
    shoot(admin, "en-home")

    admin.get_by_role("link", name="Administration").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Administration")
    assert_accessible(admin)
    admin.get_by_label("Name of the organisation").fill("Hill School")
    admin.get_by_label("Agency").select_option("school")
    admin.get_by_role("button", name="Add the organisation").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Hill School")
    admin.get_by_label("Name", exact=True).fill("Tess Teacher")
    admin.get_by_label("Work email address").fill("tess@hill.school.test")
    admin.get_by_role("button", name="Send the invitation").click()
    expect(admin.get_by_role("heading", name="Tess Teacher")).to_be_visible()
    assert_accessible(admin)
    shoot(admin, "en-organisation")

    alongside(server, "worker", "--until-idle")
    email = mail.wait_for("tess@hill.school.test")
    assert email["Subject"] == "You are invited to Alongside"
    teacher = new_phone(browser, server.url)
    choose_password(teacher, link_in(email), "Tess Teacher")

    other_phone = new_phone(browser, server.url)
    sign_in_as_practitioner(other_phone, "tess@hill.school.test", PASSWORD)
    expect(other_phone.get_by_role("heading", level=1)).to_have_text("Your circles")
    other_phone.context.close()

    card = admin.get_by_role("article", name="Tess Teacher")
    card.get_by_role("button", name="Deactivate").click()
    admin.get_by_role("button", name="Yes, deactivate").click()
    expect(
        admin.get_by_role("article", name="Tess Teacher").get_by_text("Deactivated")
    ).to_be_visible()

    teacher.reload()
    expect(teacher.get_by_role("heading", level=1)).to_have_text("Sign in")
    teacher.context.close()
    admin.context.close()


def link_in_text(printed: str) -> str:
    (link,) = [word for word in printed.split() if "/#/set-password/" in word]
    return link


def test_the_auditor_searches_the_audit_and_downloads_it(council, browser: Browser):
    server, mail = council
    admin = first_partnership_admin(server, browser)
    admin.get_by_role("link", name="Administration").click()
    admin.get_by_role("link", name="Riverside Council").click()
    admin.get_by_label("Name", exact=True).fill("Dee Officer")
    admin.get_by_label("Work email address").fill("dee@council.test")
    admin.get_by_label("Role").select_option("auditor")
    admin.get_by_role("button", name="Send the invitation").click()
    expect(admin.get_by_role("heading", name="Dee Officer")).to_be_visible()
    admin.context.close()
    alongside(server, "worker", "--until-idle")
    auditor = new_phone(browser, server.url)
    choose_password(auditor, link_in(mail.wait_for("dee@council.test")), "Dee Officer")

    auditor.get_by_role("link", name="Audit", exact=True).click()
    expect(auditor.get_by_role("heading", level=1)).to_have_text("Audit")
    table = auditor.get_by_role("table", name="What was found")
    expect(table.get_by_text("practitioner invited")).to_be_visible()
    assert_accessible(auditor)
    shoot(auditor, "audit-en")
    # A name in the results narrows the search to that person.
    table.get_by_role("button", name="Ada Admin").first.click()
    expect(auditor.get_by_label("Person's id")).not_to_have_value("")
    expect(table.get_by_role("button", name="Dee Officer")).to_have_count(0)
    expect(
        table.get_by_text("organisation created")
        .or_(table.get_by_text("practitioner invited"))
        .first
    ).to_be_visible()
    auditor.get_by_label("From").fill("2000-01-01")
    auditor.get_by_label("To").fill("2000-01-02")
    auditor.get_by_role("button", name="Search the audit").click()
    expect(auditor.get_by_role("status").filter(has_text="0 found")).to_be_visible()
    auditor.get_by_label("From").fill("")
    auditor.get_by_label("To").fill("")
    auditor.get_by_role("button", name="Search the audit").click()
    expect(table.get_by_text("practitioner invited")).to_be_visible()
    with auditor.expect_download() as downloading:
        auditor.get_by_role("link", name="Download CSV").click()
    text = Path(downloading.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {row["practitioner"] for row in rows} == {"Ada Admin"}
    assert "practitioner_invited" in {row["action"] for row in rows}
    # Each look was recorded: the auditor's own searches are in the audit now.
    auditor.reload()
    expect(auditor.get_by_role("heading", level=1)).to_have_text("Audit")
    expect(table.get_by_text("audit exported")).to_be_visible()
    # A long history comes a page at a time: the newest 50, then the older ones.
    server.query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60) "
        "INSERT INTO audit_event (at, action, subject_type, subject_id, items, practitioner_id) "
        "SELECT e.at, 'plan_read', '', '', '[]', e.practitioner_id FROM n, audit_event e "
        "WHERE e.action = 'practitioner_invited'"
    )
    auditor.reload()
    expect(auditor.get_by_role("status")).to_have_text("50 shown, newest first")
    expect(table.locator("tbody tr")).to_have_count(50)
    auditor.get_by_role("button", name="Show older").click()
    expect(auditor.get_by_role("status")).to_contain_text("found")
    assert table.locator("tbody tr").count() > 60
    expect(auditor.get_by_role("button", name="Show older")).to_be_hidden()
    expect(table.locator("tbody tr").nth(50).locator("th")).to_be_focused()
    auditor.set_viewport_size({"width": 390, "height": 844})
    shoot(auditor, "audit-older-en")
    auditor.context.close()

    urdu = new_phone(browser, server.url, locale="ur")
    sign_in_in_any_language(urdu, "dee@council.test", PASSWORD)
    urdu.goto("/#/settings")
    urdu.locator(".language-choice[lang=ur]").click()
    expect(urdu.locator("html")).to_have_attribute("dir", "rtl")
    urdu.goto("/#/audit")
    expect(urdu.locator("table.audit-table")).to_be_visible()
    assert urdu.locator("html").get_attribute("dir") == "rtl"
    assert_accessible(urdu)
    shoot(urdu, "audit-ur")
    urdu.context.close()


def test_the_records_manager_finds_the_records_screen_from_their_home(council, browser: Browser):
    server, mail = council
    admin = first_partnership_admin(server, browser)
    admin.get_by_role("link", name="Administration").click()
    admin.get_by_role("link", name="Riverside Council").click()
    for name, email in (("Rita Records", "rita@council.test"), ("Pat Worker", "pat@council.test")):
        admin.get_by_label("Name", exact=True).fill(name)
        admin.get_by_label("Work email address").fill(email)
        admin.get_by_role("button", name="Send the invitation").click()
        expect(admin.get_by_role("heading", name=name)).to_be_visible()
    admin.context.close()
    alongside(server, "worker", "--until-idle")
    officer = new_phone(browser, server.url)
    choose_password(officer, link_in(mail.wait_for("rita@council.test")), "Rita Records")
    expect(officer.get_by_role("link", name="Administration")).to_have_count(0)
    officer.set_viewport_size({"width": 390, "height": 844})
    shoot(officer, "records-manager-home-en")
    officer.get_by_role("link", name="Records").click()
    expect(officer.get_by_role("heading", level=1)).to_have_text("Records")
    officer.goto("/#/settings")
    officer.locator(".language-choice[lang=ur]").click()
    expect(officer.locator("html")).to_have_attribute("dir", "rtl")
    officer.goto("/#/home")
    expect(officer.locator("a[href='#/records']")).to_be_visible()
    assert_accessible(officer)
    shoot(officer, "records-manager-home-ur")
    officer.context.close()
    worker = new_phone(browser, server.url)
    choose_password(worker, link_in(mail.wait_for("pat@council.test")), "Pat Worker")
    expect(worker.get_by_role("link", name="Settings")).to_be_visible()
    expect(worker.get_by_role("link", name="Records")).to_have_count(0)
    worker.context.close()


def test_a_partnership_admin_downloads_and_erases_a_family_members_records(
    council, browser: Browser
):
    server, _ = council
    admin = first_partnership_admin(server, browser)
    token = admin.request.get("/api/me").json()["csrf_token"]
    headers = {"X-CSRF-Token": token, "Origin": server.url}
    circle = admin.request.post("/api/circles", data={"name": "Sam and Mia"}, headers=headers)
    circle_id = circle.json()["id"]
    sam = {"name": "Sam", "role": "young_person", "age_band": "12_15"}
    added = admin.request.post(f"/api/circles/{circle_id}/members", data=sam, headers=headers)
    assert added.ok, added.text()

    admin.get_by_role("link", name="Administration").click()
    admin.get_by_role("link", name="Records").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Records")
    admin.get_by_label("Family member's name").fill("sam")
    admin.get_by_role("button", name="Find", exact=True).click()
    card = admin.get_by_role("article", name="Sam")
    expect(card).to_be_visible()
    with admin.expect_download() as downloading:
        card.get_by_role("link", name="Download their records").click()
    assert "Sam" in Path(downloading.value.path()).read_text(encoding="utf-8")
    card.get_by_role("button", name="Erase their records").click()
    assert_accessible(admin)
    shoot(admin, "records-en")
    card.get_by_label("Type their name to confirm").fill("Mia")
    card.get_by_label("Why the law says so").fill("Court order 42")
    card.get_by_role("button", name="Erase for good").click()
    expect(card.locator("#field-confirm_name-error")).to_contain_text("exactly as it is shown")
    card.get_by_label("Type their name to confirm").fill("Sam")
    card.get_by_role("button", name="Erase for good").click()
    expect(admin.get_by_role("status").filter(has_text="0 found")).to_be_visible()
    assert server.query("SELECT count(*) FROM family_member") == [(0,)]
    assert server.query("SELECT count(*) FROM audit_event WHERE action = 'records_erased'") == [
        (1,)
    ]
    admin.goto("/#/settings")
    admin.locator(".language-choice[lang=ur]").click()
    expect(admin.locator("html")).to_have_attribute("dir", "rtl")
    admin.goto("/#/records")
    admin.locator("#field-name").fill("Sam")
    admin.locator("form[role=search] button[type=submit]").click()
    expect(admin.get_by_role("status")).to_be_visible()
    assert_accessible(admin)
    admin.set_viewport_size({"width": 390, "height": 844})
    shoot(admin, "records-ur")
    admin.context.close()
