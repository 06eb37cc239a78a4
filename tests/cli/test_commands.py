"""The `alongside` command, run as a user runs it: a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests import databases


def alongside(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server.cli", *args], capture_output=True, text=True,
        env={**os.environ, **env}, timeout=120, check=False,
    )


def test_help_explains_each_command():
    result = alongside("--help", env={})
    assert result.returncode == 0
    for command in ("serve", "migrate", "demo"):
        assert command in result.stdout
    assert "demo organisation" in alongside("demo", "--help", env={}).stdout


def test_production_without_a_secret_is_refused_with_a_reason(tmp_path):
    result = alongside("serve", env={"ALONGSIDE_MODE": "production",
                                     "ALONGSIDE_DATA_DIR": str(tmp_path)})
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
        ("Sam", "young_person"), ("Mia", "child"), ("Alex", "parent")]
    assert one["family"][0]["code"] != two["family"][0]["code"]
    assert two["family"][0]["link"].endswith("/#/join/" + two["family"][0]["code"])
    counts = alongside("migrate", env=env)
    assert counts.returncode == 0
    human = alongside("demo", env=env).stdout
    assert "priya.shah@demo.alongside.test" in human and "demo-password" in human
