"""The `alongside` command, run as a user runs it: a real process."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests import databases

PROCFILE = Path(__file__).resolve().parents[2] / "Procfile"


def alongside(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
        check=False,
    )


def test_help_explains_each_command():
    result = alongside("--help", env={})
    assert result.returncode == 0
    for command in ("serve", "migrate", "demo"):
        assert command in result.stdout
    assert "demo organisation" in alongside("demo", "--help", env={}).stdout


def test_production_without_a_secret_is_refused_with_a_reason(tmp_path):
    result = alongside(
        "serve", env={"ALONGSIDE_MODE": "production", "ALONGSIDE_DATA_DIR": str(tmp_path)}
    )
    assert result.returncode == 2
    assert "ALONGSIDE_SECRET_KEY" in result.stderr


@pytest.fixture(params=["sqlite", "postgres"])
def empty_database(request, tmp_path):
    if request.param == "sqlite":
        yield ""  # the default: an SQLite file in the data folder
        return
    request.getfixturevalue("postgres_url")
    url = databases.create_postgres_database()
    yield url
    databases.drop_postgres_database(url)


def test_demo_creates_the_demo_circle_once_and_prints_fresh_codes(tmp_path, empty_database):
    env = {"ALONGSIDE_DATA_DIR": str(tmp_path), "ALONGSIDE_DATABASE_URL": empty_database}
    first = alongside("demo", "--json", env=env)
    assert first.returncode == 0, first.stderr
    second = alongside("demo", "--json", env=env)
    assert second.returncode == 0, second.stderr
    one, two = json.loads(first.stdout), json.loads(second.stdout)
    assert [p["email"] for p in one["practitioners"]] == [p["email"] for p in two["practitioners"]]
    assert [(f["name"], f["role"]) for f in two["family"]] == [
        ("Sam", "young_person"),
        ("Mia", "child"),
        ("Alex", "parent"),
    ]
    assert one["family"][0]["code"] != two["family"][0]["code"]
    assert two["family"][0]["link"].endswith("#/join/" + two["family"][0]["code"])
    for member in two["family"]:  # each link opens in the member's own language
        assert member["link"].endswith(f"/?lang={member['locale']}#/join/{member['code']}")
    counts = alongside("migrate", env=env)
    assert counts.returncode == 0
    human = alongside("demo", env=env).stdout
    assert "priya.shah@demo.alongside.test" in human and "demo-password" in human


@contextmanager
def serving(command: list[str], port: int, env: dict[str, str]) -> Iterator[str]:
    """Runs a web process and waits until it answers; yields its address."""
    process = subprocess.Popen(
        command, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120  # a busy machine starts it slowly
        while time.monotonic() < deadline and process.poll() is None:
            try:
                urllib.request.urlopen(url + "/healthz", timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def headers_of(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url, timeout=5) as answer:
        return {name.lower(): value for name, value in answer.headers.items()}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_does_not_name_the_server_software(tmp_path):
    port = free_port()
    command = [sys.executable, "-m", "server.cli", "serve", "--port", str(port)]
    with serving(command, port, {"ALONGSIDE_DATA_DIR": str(tmp_path)}) as url:
        headers = headers_of(url + "/healthz")
    assert headers["x-content-type-options"] == "nosniff"
    assert "server" not in headers


def test_the_procfiles_web_process_does_not_name_the_server_software(tmp_path):
    port = free_port()
    web = next(
        line.split(":", 1)[1]
        for line in PROCFILE.read_text().splitlines()
        if line.startswith("web:")
    )
    env = {
        "ALONGSIDE_DATA_DIR": str(tmp_path),
        "PORT": str(port),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    local = web.replace("--host 0.0.0.0", "--host 127.0.0.1")  # not on the network while tested
    with serving(["sh", "-c", "exec " + local], port, env) as url:
        headers = headers_of(url + "/healthz")
    assert headers["x-content-type-options"] == "nosniff"
    assert "server" not in headers


def test_demo_names_a_partnership_admin_and_a_team_manager(tmp_path):
    env = {"ALONGSIDE_DATA_DIR": str(tmp_path)}
    shown = json.loads(alongside("demo", "--json", env=env).stdout)
    assert [(p["name"], p["role"]) for p in shown["staff"]] == [
        ("Ada Admin", "partnership_admin"),
        ("Maya Manager", "team_manager"),
    ]
    human = alongside("demo", env=env).stdout
    assert "Ada Admin (Partnership administrator): ada.admin@demo.alongside.test" in human
    assert "Maya Manager (Team manager)" in human
