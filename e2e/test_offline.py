"""Offline and shared phones: words written with no connection are kept on the phone
(IndexedDB) through reloads, browser restarts and service-worker updates, sent once
when the connection returns (even if the server stops mid-way), never overwritten
when changed elsewhere, and cleared from the phone on sign-out and quick exit."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx2 as httpx
import pytest
from playwright.sync_api import BrowserContext, Page, expect
from playwright.sync_api import Error as PlaywrightError

from e2e.circles import Circle
from e2e.conftest import CHROMIUM, CHROMIUM_ARGS
from e2e.live_server import LiveServer, wait_until_ready
from e2e.steps import (
    PHONE,
    assert_accessible,
    join,
    keep_test_hooks,
    wait_in_page,
    waiting_commands,
)

PIN = "2468"
BATCH = "**/api/commands/batch"  # where the outbox sends what is waiting
ROOT = Path(__file__).resolve().parent.parent


# Helpers ---------------------------------------------------------------------------


def join_as(page: Page, circle: Circle, name: str = "Sam") -> None:
    join(page, circle.code(name), PIN)
    expect(page.get_by_role("heading", level=1)).to_contain_text(name)
    keep_test_hooks(page)
    assert page.evaluate("() => document.documentElement.lang") == "en"
    # Read "Who sees my words?" once, online, so writing needs no connection after.
    page.goto("/#/write")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Who sees my words?")
    page.get_by_role("button", name="I understand").click()
    expect(heading).to_have_text("Write something")


def write(page: Page, text: str) -> None:
    page.goto("/#/write")
    page.get_by_label("What is going well?").fill(text)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My words")
    expect(card(page, text)).to_be_visible()


def refuse_posts(route) -> None:
    """The server is busy: every POST gets a 503, everything else goes through."""
    if route.request.method != "POST":
        route.continue_()
        return
    route.fulfill(
        status=503,
        content_type="application/problem+json",
        body='{"type": "about:blank", "title": "Busy", "status": 503}',
    )


def card(page: Page, text: str):
    return page.locator("main li").filter(has_text=text)


def state_of(page: Page, text: str):
    return card(page, text).locator(".item-state")


def choose_audience(page: Page, text: str, audience: str) -> None:
    item = card(page, text)
    item.get_by_role("button", name="Change who can see this").click()
    item.get_by_role("radio", name=re.compile("^" + re.escape(audience))).check()
    item.get_by_role("button", name="Save this choice").click()
    expect(item.locator(".receipt")).to_contain_text(audience)


def rows(live_server: LiveServer, marker: str) -> list[tuple[str, str]]:
    """(text, audience) of every contribution on the server whose words contain marker."""
    return sorted(
        live_server.query(
            "SELECT text, audience FROM contribution WHERE text LIKE ?", f"%{marker}%"
        )
    )


def unlock_if_locked(page: Page) -> None:
    heading = page.get_by_role("heading", level=1)
    expect(heading).not_to_have_text("Loading…")
    if heading.inner_text() in ("Alongside is locked", "Welcome back"):
        page.get_by_label("Your secret number").fill(PIN)
        page.get_by_role("button", name="Open").click()
        expect(heading).to_contain_text("Sam")


def phone_storage(page: Page) -> dict:
    return page.evaluate(
        """async () => ({
            databases: (await indexedDB.databases()).map((db) => db.name),
            caches: await caches.keys(),
        })"""
    )


def api_session(live_server: LiveServer, context: BrowserContext) -> httpx.Client:
    """Requests as the person signed in on this phone (another tab, in effect)."""
    cookies = {c["name"]: c["value"] for c in context.cookies()}
    client = httpx.Client(
        base_url=live_server.url, cookies=cookies, timeout=10, headers={"Origin": live_server.url}
    )
    me = client.get("/api/me").json()
    client.headers["X-CSRF-Token"] = me["csrf_token"]
    return client


@pytest.fixture
def marker() -> str:
    return uuid.uuid4().hex[:8]


# Tests -----------------------------------------------------------------------------


@pytest.mark.both_databases
def test_words_written_offline_survive_reload_and_restart_then_send_once(
    browser, live_server, circle, marker, tmp_path
):
    launch = dict(
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        viewport=PHONE,
        base_url=live_server.url,
        locale="en-GB",
    )
    phone = browser.browser_type.launch_persistent_context(tmp_path / "phone", **launch)
    page = phone.pages[0] if phone.pages else phone.new_page()
    join_as(page, circle)
    phone.set_offline(True)
    for n in (1, 2, 3):
        write(page, f"{marker} offline {n}")
    choose_audience(page, f"{marker} offline 2", "My worker")
    expect(page.locator("main .item-state[data-state=on-phone]")).to_have_count(3)

    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("My words")
    for n in (1, 2, 3):
        expect(state_of(page, f"{marker} offline {n}")).to_have_text("Saved on this phone")

    # The browser closes; the phone's storage stays. It opens again, still offline.
    phone.close()
    phone = browser.browser_type.launch_persistent_context(
        tmp_path / "phone", offline=True, **launch
    )
    try:
        page = phone.pages[0] if phone.pages else phone.new_page()
        page.goto("/#/my-words")
        expect(page.get_by_role("heading", level=1)).to_have_text("My words")
        for n in (1, 2, 3):
            expect(state_of(page, f"{marker} offline {n}")).to_have_text("Saved on this phone")
        assert rows(live_server, marker) == []

        # Back online: the session cookie did not outlive the browser, so the PIN opens it.
        phone.set_offline(False)
        expect(page.get_by_role("heading", level=1)).to_have_text("Alongside is locked")
        unlock_if_locked(page)
        page.goto("/#/my-words")
        for n in (1, 2, 3):
            expect(state_of(page, f"{marker} offline {n}")).to_have_attribute("data-state", "sent")
        assert waiting_commands(page) == 0
        assert rows(live_server, marker) == [
            (f"{marker} offline 1", "just_me"),
            (f"{marker} offline 2", "my_worker"),
            (f"{marker} offline 3", "just_me"),
        ]
    finally:
        phone.close()


@pytest.mark.both_databases
def test_the_server_stopping_mid_send_stores_each_thing_once(page, live_server, circle, marker):
    """The backlog goes in one batch; the server stores it and stops before the
    phone hears back. Sent again after the restart, each command gets its first
    answer back (replayed) and nothing is stored twice."""
    join_as(page, circle)
    page.context.set_offline(True)
    for n in (1, 2, 3):
        write(page, f"{marker} restart {n}")
    batches: list[str] = []
    replayed: list[bool] = []

    def lose_the_first_answer(route):
        batches.append(route.request.post_data or "")
        if len(batches) != 1:
            try:
                response = route.fetch()
            except PlaywrightError:  # sent again before the server is back
                return route.abort("connectionrefused")
            replayed.extend(one["replayed"] for one in response.json()["answers"])
            return route.fulfill(response=response)
        route.fetch()  # the server stores them all ...
        live_server.stop()  # ... and stops before the phone hears back
        route.abort("connectionreset")

    page.route(BATCH, lose_the_first_answer)
    with page.expect_event("requestfailed", lambda failed: "/api/commands/batch" in failed.url):
        page.context.set_offline(False)
    expect(page.locator("main .item-state[data-state=on-phone]")).to_have_count(3)
    live_server.start()
    for n in (1, 2, 3):
        expect(state_of(page, f"{marker} restart {n}")).to_have_attribute(
            "data-state", "sent", timeout=30_000
        )
    assert [text for text, _ in rows(live_server, marker)] == [
        f"{marker} restart {n}" for n in (1, 2, 3)
    ]
    assert len(batches) >= 2 and batches[0] == batches[-1]  # sent again, with the same keys ...
    assert replayed == [True, True, True]  # ... and the server gave its first answers back
    assert waiting_commands(page) == 0


def test_a_double_tapped_save_keeps_one(page, live_server, circle, marker):
    join_as(page, circle)
    page.context.set_offline(True)
    page.goto("/#/write")
    page.get_by_label("What is going well?").fill(f"{marker} double")
    page.get_by_role("button", name="Save").dblclick()
    expect(page.get_by_role("heading", level=1)).to_have_text("My words")
    expect(card(page, f"{marker} double")).to_have_count(1)
    assert waiting_commands(page) == 1
    # The same command kept twice (same id) is one command.
    twice = page.evaluate(
        """async () => {
            const people = await import("/store/people.js");
            const queue = await import("/outbox/queue.js");
            const commands = await import("/outbox/commands.js");
            const words = { id: crypto.randomUUID(), kind: "message", text: "twice", meeting_id: null, audience: "just_me" };
            const once = commands.createWords(people.currentPersonId(), words);
            await queue.enqueue(once);
            await queue.enqueue({ ...once });
            const all = await queue.waiting(people.currentPersonId());
            const kept = all.filter((one) => one.contributionId === words.id).length;
            await queue.discard(once.id);
            return kept;
        }"""
    )
    assert twice == 1
    page.context.set_offline(False)
    expect(state_of(page, f"{marker} double")).to_have_attribute("data-state", "sent")
    assert len(rows(live_server, marker)) == 1


@pytest.mark.both_databases
@pytest.mark.parametrize("choice", ["Keep my new words", "Use the saved words"])
def test_words_changed_elsewhere_keep_both_versions_until_the_author_chooses(
    page, live_server, circle, marker, choice
):
    join_as(page, circle)
    write(page, f"{marker} first words")
    expect(state_of(page, f"{marker} first words")).to_have_attribute("data-state", "sent")
    item_id = card(page, f"{marker} first words").get_attribute("data-id")

    page.context.set_offline(True)
    card(page, f"{marker} first words").get_by_role("link", name="Edit").click()
    page.get_by_label("What is going well?").fill(f"{marker} words from this phone")
    page.get_by_role("button", name="Save changes").click()
    expect(state_of(page, f"{marker} words from this phone")).to_have_text("Saved on this phone")

    # Meanwhile the same words were changed in another tab.
    other_tab = api_session(live_server, page.context)
    changed = other_tab.patch(
        f"/api/contributions/{item_id}",
        json={"version": 1, "text": f"{marker} words from another tab"},
    )
    other_tab.close()
    assert changed.status_code == 200

    page.context.set_offline(False)
    item = card(page, f"{marker} words from this phone")
    expect(item.locator(".item-state")).to_have_text("Needs attention")
    expect(item).to_contain_text("This was changed somewhere else")
    assert rows(live_server, marker) == [(f"{marker} words from another tab", "just_me")]
    assert_accessible(page)

    item.get_by_role("link", name="Choose which words to keep").click()
    expect(page.get_by_role("heading", name="This was changed somewhere else")).to_be_visible()
    expect(page.locator(".conflict")).to_contain_text(f"{marker} words from another tab")
    expect(page.locator(".conflict")).to_contain_text(f"{marker} words from this phone")
    assert_accessible(page)
    page.get_by_role("button", name=choice).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My words")
    kept = (
        f"{marker} words from this phone"
        if choice == "Keep my new words"
        else f"{marker} words from another tab"
    )
    expect(state_of(page, kept)).to_have_attribute("data-state", "sent")
    assert rows(live_server, marker) == [(kept, "just_me")]
    assert waiting_commands(page) == 0


def test_a_service_worker_update_never_drops_unsent_words(
    page, live_server, circle, marker, tmp_path
):
    join_as(page, circle)
    before = phone_storage(page)["caches"]
    page.route(BATCH, refuse_posts)  # nothing gets through yet
    write(page, f"{marker} update 1")
    write(page, f"{marker} update 2")
    expect(state_of(page, f"{marker} update 2")).to_have_text("Saved on this phone")

    # A new release: the same server address, changed shell files, a new cache name.
    release = _new_release(tmp_path)
    live_server.stop()
    process = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "serve"],
        cwd=release,
        env={**live_server.env, "PYTHONPATH": str(release)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_ready(live_server.url, process)
        page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
        wait_in_page(
            page,
            """async (old) => {
            const names = await caches.keys();
            return names.length === 1 && !old.includes(names[0]);
        }""",
            before,
        )
        assert waiting_commands(page) == 2
        page.reload()
        unlock_if_locked(page)
        page.goto("/#/my-words")
        expect(page.locator("main .item-state[data-state=on-phone]")).to_have_count(2)
        page.unroute(BATCH)
        page.context.set_offline(True)
        page.context.set_offline(False)  # "online" sends at once
        for n in (1, 2):
            expect(state_of(page, f"{marker} update {n}")).to_have_attribute(
                "data-state", "sent", timeout=20_000
            )
        assert len(rows(live_server, marker)) == 2
    finally:
        process.terminate()
        process.wait(timeout=10)
        live_server.start()


def _new_release(tmp_path: Path) -> Path:
    release = tmp_path / "release"
    for part in ("server", "pwa", "locales"):
        shutil.copytree(ROOT / part, release / part, ignore=shutil.ignore_patterns("__pycache__"))
    sw = release / "pwa" / "sw.js"
    sw.write_text(sw.read_text(encoding="utf-8") + "\n// A new release.\n", encoding="utf-8")
    return release


def test_signing_out_with_unsent_words_offers_send_download_or_delete(
    page, live_server, circle, marker
):
    join_as(page, circle)
    page.context.set_offline(True)
    write(page, f"{marker} not sent 1")
    write(page, f"{marker} not sent 2")
    page.goto("/#/home")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Some of your words are not sent yet")
    expect(page.get_by_text("2 things are kept only on this phone.")).to_be_visible()
    expect(page.get_by_text("You are offline, so they cannot be sent now.")).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as downloading:
        page.get_by_role("button", name="Download them").click()
    saved = Path(downloading.value.path()).read_text(encoding="utf-8")
    assert f"{marker} not sent 1" in saved and f"{marker} not sent 2" in saved
    expect(page.get_by_role("status").filter(has_text="downloaded")).to_be_visible()

    page.get_by_role("button", name="Delete them and sign out").click()
    expect(page.get_by_text("Delete them? You cannot get them back.")).to_be_visible()
    page.get_by_role("button", name="Yes, delete them and sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome back")
    assert phone_storage(page) == {"databases": [], "caches": []}

    page.context.set_offline(False)
    page.reload()  # the session is ended now that the server can be reached
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome back")
    assert page.request.get("/api/me").status == 401
    assert rows(live_server, marker) == []


def test_signing_out_can_send_the_words_first(page, live_server, circle, marker):
    join_as(page, circle)
    page.route(BATCH, refuse_posts)
    write(page, f"{marker} send first")
    page.goto("/#/home")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Some of your words are not sent yet")
    page.unroute(BATCH)
    page.get_by_role("button", name="Send them now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome back")
    assert rows(live_server, marker) == [(f"{marker} send first", "just_me")]
    assert phone_storage(page)["databases"] == []


def test_quick_exit_clears_the_phone_even_offline(page, live_server, circle, marker):
    join_as(page, circle)
    page.context.set_offline(True)
    write(page, f"{marker} quick exit")
    assert phone_storage(page)["databases"] == ["alongside"]
    page.get_by_role("button", name="Quick exit").click()
    # It leaves for a neutral page (which fails to load offline).
    expect(page).not_to_have_url(re.compile("^" + re.escape(live_server.url)))

    page.context.set_offline(False)
    fresh = page.context.new_page()
    fresh.goto("/")
    expect(fresh.get_by_role("heading", level=1)).to_have_text("Welcome back")
    assert phone_storage(fresh) == {"databases": [], "caches": []}
    assert fresh.request.get("/api/me").status == 401  # ended on the next visit
    assert rows(live_server, marker) == []


def test_family_screens_lock_after_five_minutes_and_keep_the_outbox(
    page, live_server, circle, marker
):
    page.clock.install()
    join_as(page, circle)
    page.context.set_offline(True)
    write(page, f"{marker} before the lock")
    page.clock.fast_forward("05:30")
    expect(page.get_by_role("heading", level=1)).to_have_text("Alongside is locked")
    expect(page.get_by_text(f"{marker} before the lock")).to_have_count(0)
    expect(page.get_by_text("Anything not sent yet is kept safe on this phone.")).to_be_visible()
    assert_accessible(page)
    page.reload()  # a reload does not open it either
    expect(page.get_by_role("heading", level=1)).to_have_text("Alongside is locked")
    assert waiting_commands(page) == 1

    page.context.set_offline(False)
    page.get_by_label("Your secret number").fill(PIN)
    page.get_by_role("button", name="Open").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sam")
    page.goto("/#/my-words")
    expect(state_of(page, f"{marker} before the lock")).to_have_attribute("data-state", "sent")


def test_notifications_are_off_until_turned_on_and_never_say_what_was_written(
    page, live_server, circle
):
    # This browser has no push service: the phone's side is played by a stand-in.
    page.add_init_script(path=str(Path(__file__).parent / "fake_push.js"))
    page.context.grant_permissions(["notifications"])
    join_as(page, circle)
    page.goto("/#/home")
    page.get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Settings")
    expect(page.get_by_text("Notifications are off.")).to_be_visible()
    expect(page.get_by_text("Each one only says “You have a new message”.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Turn on notifications").click()
    expect(page.get_by_role("button", name="Turn off notifications")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Notifications are on.")
    assert _subscriptions(live_server) == 1
    assert_accessible(page)

    page.get_by_role("button", name="Turn off notifications").click()
    expect(page.get_by_role("button", name="Turn on notifications")).to_be_visible()
    assert _subscriptions(live_server) == 0


def _subscriptions(live_server: LiveServer) -> int:
    [(count,)] = live_server.query(
        "SELECT COUNT(*) FROM push_subscription WHERE endpoint LIKE 'https://push.example.test/%'"
    )
    return count


def test_my_words_and_home_open_offline_from_what_the_phone_kept(page, live_server, circle, marker):
    join_as(page, circle)
    write(page, f"{marker} kept copy")
    expect(state_of(page, f"{marker} kept copy")).to_have_attribute("data-state", "sent")
    page.goto("/#/home")
    expect(page.get_by_text("Priya Shah")).to_be_visible()
    page.context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sam")
    expect(page.get_by_text("Priya Shah")).to_be_visible()
    page.get_by_role("link", name="My words", exact=True).click()
    expect(page.get_by_text("You are offline.", exact=False)).to_be_visible()
    expect(state_of(page, f"{marker} kept copy")).to_have_attribute("data-state", "sent")
    assert_accessible(page)
    page.context.set_offline(False)


def test_a_second_person_on_the_phone_never_sees_or_sends_the_first_ones_words(
    page, live_server, circle, marker
):
    join_as(page, circle)
    page.route(BATCH, lambda route: route.abort())
    write(page, f"{marker} sam's unsent")
    expect(state_of(page, f"{marker} sam's unsent")).to_have_text("Saved on this phone")
    # Sam's session runs out; Alex joins on the same phone.
    page.context.clear_cookies()
    page.unroute(BATCH)
    page.goto("about:blank")
    join_as(page, circle, "Alex")
    page.goto("/#/my-words")
    expect(page.get_by_role("heading", level=1)).to_have_text("My words")
    expect(page.get_by_text(marker)).to_have_count(0)
    assert waiting_commands(page) == 0
    # Alex's own words go out (the outbox sends oldest first) ...
    write(page, f"{marker} alex's words")
    expect(state_of(page, f"{marker} alex's words")).to_have_attribute("data-state", "sent")
    # ... and Sam's did not go before them as Alex's.
    assert rows(live_server, marker) == [(f"{marker} alex's words", "just_me")]
    expect(page.get_by_text(f"{marker} sam's unsent")).to_have_count(0)


@pytest.fixture(autouse=True)
def _back_online(context: BrowserContext) -> Iterator[None]:
    yield
    context.set_offline(False)


IPHONE_SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


def test_safari_on_an_iphone_is_asked_once_to_add_alongside_to_the_home_screen(
    browser, live_server, circle
):
    iphone = browser.new_context(
        viewport=PHONE, base_url=live_server.url, locale="en-GB", user_agent=IPHONE_SAFARI
    )
    try:
        page = iphone.new_page()
        join(page, circle.code("Sam"), PIN)
        hint = page.get_by_role("complementary", name="Keep your words safe")
        expect(hint).to_contain_text("Add Alongside to your home screen")
        assert_accessible(page)
        hint.get_by_role("button", name="Close this tip").click()
        expect(hint).to_have_count(0)
        expect(page.get_by_role("heading", level=1)).to_be_focused()
        page.reload()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Sam")
        expect(page.locator("aside.install-hint")).to_be_attached()
        # The phone remembers the tip was closed, so the hint stays hidden.
        wait_in_page(page, 'async () => (await import("/store/people.js")).hintSeen("install")')
        expect(hint).to_have_count(0)
    finally:
        iphone.close()


KEEP_FOR_A_MEETING = """async ({ text, meeting }) => {
  const people = await import("/store/people.js");
  const queue = await import("/outbox/queue.js");
  const commands = await import("/outbox/commands.js");
  const words = { id: crypto.randomUUID(), kind: "going_well", text, meeting_id: meeting, audience: "just_me" };
  await queue.enqueue(commands.createWords(people.currentPersonId(), words));
}"""


def test_words_the_server_refuses_need_attention_and_can_be_fixed_downloaded_or_discarded(
    page, live_server, circle, marker
):
    join_as(page, circle)
    page.goto("/#/my-words")
    for what in ("fix", "discard"):  # for a meeting that is not theirs: the server says no
        page.evaluate(
            KEEP_FOR_A_MEETING, {"text": f"{marker} {what}", "meeting": str(uuid.uuid4())}
        )
    for what in ("fix", "discard"):
        item = card(page, f"{marker} {what}")
        expect(item.locator(".item-state")).to_have_text("Needs attention")
        expect(item).to_contain_text("Please pick one of your own meetings.")
    assert_accessible(page)

    with page.expect_download() as downloading:
        card(page, f"{marker} discard").get_by_role("button", name="Download these words").click()
    assert f"{marker} discard" in Path(downloading.value.path()).read_text(encoding="utf-8")
    card(page, f"{marker} discard").get_by_role("button", name="Discard").click()
    page.get_by_role("button", name="Yes, discard it").click()
    expect(card(page, f"{marker} discard")).to_have_count(0)

    card(page, f"{marker} fix").get_by_role("link", name="Change and send again").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your words")
    expect(
        page.locator(".field-error", has_text="Please pick one of your own meetings.")
    ).to_be_visible()
    page.get_by_role("radio", name="No, not for a meeting").check()
    page.get_by_role("button", name="Save changes").click()
    expect(state_of(page, f"{marker} fix")).to_have_attribute("data-state", "sent")
    assert rows(live_server, marker) == [(f"{marker} fix", "just_me")]
    assert waiting_commands(page) == 0
