"""`alongside backup` while the server runs, `alongside restore` into a fresh data
folder or database: every record is there (on SQLite the newest words are still
in the write-ahead log when the backup is taken)."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx2 as httpx
import pytest

from e2e.circles import new_circle
from e2e.live_server import LiveServer, running
from tests import databases
from tests.cli.test_commands import alongside

TABLES_SQL = {
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    "postgres": "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
}


def write_words(server: LiveServer, how_many: int) -> list[str]:
    circle = new_circle(server)
    with httpx.Client(base_url=server.url, headers={"Origin": server.url}, timeout=10) as phone:
        joined = phone.post(
            "/api/invitations/redeem", json={"code": circle.code("Sam"), "pin": "2468"}
        )
        joined.raise_for_status()
        phone.headers["X-CSRF-Token"] = joined.json()["csrf_token"]
        words = [f"Backup words {n} {uuid.uuid4()}" for n in range(how_many)]
        for text in words:
            body = {
                "id": str(uuid.uuid4()),
                "kind": "going_well",
                "text": text,
                "audience": "my_worker",
            }
            phone.post("/api/contributions", json=body).raise_for_status()
    return words


def counts(server: LiveServer) -> dict[str, int]:
    tables = [row[0] for row in server.query(TABLES_SQL[server.backend])]
    return {table: server.query(f'SELECT COUNT(*) FROM "{table}"')[0][0] for table in tables}


@pytest.fixture
def fresh_place(request, tmp_path):
    """Where the backup is restored: a new data folder, or a new empty database."""

    def make(backend: str) -> dict[str, str]:
        data = tmp_path / "restored"
        if backend == "sqlite":
            return {"ALONGSIDE_DATA_DIR": str(data)}
        url = databases.create_postgres_database()
        request.addfinalizer(lambda: databases.drop_postgres_database(url))
        return {"ALONGSIDE_DATA_DIR": str(data), "ALONGSIDE_DATABASE_URL": url}

    return make


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_backup_taken_while_the_server_runs_restores_every_record(
    backend, tmp_path, fresh_place, request
):
    if backend == "postgres":
        request.getfixturevalue("postgres_url")  # skipped without PostgreSQL
    backup = tmp_path / "alongside.backup"
    with running(backend, tmp_path / "live") as server:
        words = write_words(server, 20)
        made = alongside("backup", str(backup), env=server.env)
        assert made.returncode == 0, made.stderr
        before = counts(server)
        again = alongside("backup", str(backup), env=server.env)
        assert again.returncode == 2 and "already exists" in again.stderr
    place = {**server.env, **fresh_place(backend)}
    restored = alongside("restore", str(backup), env=place)
    assert restored.returncode == 0, restored.stderr
    there = LiveServer(url="", env=place, backend=backend)
    found = [row[0] for row in there.query("SELECT text FROM contribution")]
    assert sorted(found) == sorted(words)
    assert counts(there) == before
    assert before["contribution"] == 20 and before["practitioner"] >= 2
    into_used = alongside("restore", str(backup), env=place)
    assert into_used.returncode == 2 and "restore" in into_used.stderr


def test_restoring_a_file_that_is_not_there_says_so(tmp_path: Path):
    result = alongside(
        "restore", str(tmp_path / "missing"), env={"ALONGSIDE_DATA_DIR": str(tmp_path)}
    )
    assert result.returncode == 2 and "no backup" in result.stderr
