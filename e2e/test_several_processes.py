"""Two `alongside serve` processes on one database behave as one: a session made
by one is honoured by the other, and sign-in attempts are counted across both."""

from __future__ import annotations

import httpx2 as httpx
import pytest

from e2e.live_server import LiveServer

pytestmark = pytest.mark.both_databases


@pytest.fixture
def second_process(live_server: LiveServer):
    twin = live_server.twin()
    twin.start()
    yield twin
    twin.stop()


def _post(server: LiveServer, path: str, body: dict, cookies: httpx.Cookies | None = None):
    return httpx.post(
        server.url + path, json=body, cookies=cookies, headers={"Origin": server.url}, timeout=10
    )


def test_a_session_from_one_process_works_on_the_other(live_server, second_process, circle):
    priya = circle.lead
    signed_in = _post(
        live_server,
        "/api/sessions/practitioner",
        {"email": priya["email"], "password": priya["password"]},
    )
    assert signed_in.status_code == 200
    me = httpx.get(second_process.url + "/api/me", cookies=signed_in.cookies, timeout=10)
    assert me.json()["name"] == priya["name"]
    out = httpx.delete(
        second_process.url + "/api/session",
        cookies=signed_in.cookies,
        headers={"Origin": second_process.url, "X-CSRF-Token": signed_in.json()["csrf_token"]},
        timeout=10,
    )
    assert out.status_code == 204
    assert (
        httpx.get(live_server.url + "/api/me", cookies=signed_in.cookies, timeout=10).status_code
        == 401
    )


def test_wrong_passwords_are_counted_across_processes(live_server, second_process, circle):
    tom = circle.colleague
    for attempt in range(10):
        server = (live_server, second_process)[attempt % 2]
        wrong = _post(
            server,
            "/api/sessions/practitioner",
            {"email": tom["email"], "password": f"wrong-{attempt}"},
        )
        assert wrong.status_code == 401
    for server in (live_server, second_process):
        paused = _post(
            server,
            "/api/sessions/practitioner",
            {"email": tom["email"], "password": tom["password"]},
        )
        assert paused.status_code == 429
