"""The two databases every data test runs on: an SQLite file and a PostgreSQL
database made for this test run (dropped at the end). Both get the real
migrations once; each test starts from empty tables."""

from __future__ import annotations

import asyncio
import atexit
import os
import secrets
import shutil
import tempfile
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
from tortoise import Tortoise, connections

from server.migrate import apply_migrations

DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test"


def postgres_admin_url() -> str:
    return os.environ.get("ALONGSIDE_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


async def _admin(sql: str) -> None:
    connection = await asyncpg.connect(
        postgres_admin_url().replace("postgres://", "postgresql://", 1)
    )
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


def create_postgres_database() -> str:
    """A fresh, empty database beside the configured one; returns its URL."""
    name = f"alongside_test_{secrets.token_hex(4)}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    # A throw-away database need not wait for each commit to reach the disk: a crash
    # loses it anyway. Every test commits many times, so the suite runs faster.
    asyncio.run(_admin(f'ALTER DATABASE "{name}" SET synchronous_commit TO off'))
    return _with_database(postgres_admin_url(), name)


def drop_postgres_database(url: str) -> None:
    name = urlsplit(url).path.lstrip("/")
    asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def postgres_reachable() -> bool:
    try:
        asyncio.run(_admin("SELECT 1"))
    except (OSError, asyncpg.PostgresError):
        return False
    return True


def migrate(url: str) -> None:
    asyncio.run(apply_migrations(url))


@cache
def _migrated_sqlite() -> Path:
    """An SQLite file with every migration applied, made once per process. The
    mutation run starts a test session for each mutant in a process forked from
    this one: a copy takes milliseconds where migrating takes seconds."""
    folder = tempfile.mkdtemp(prefix="alongside-sqlite-")
    made_by = os.getpid()
    atexit.register(lambda: os.getpid() == made_by and shutil.rmtree(folder, ignore_errors=True))
    path = Path(folder) / "migrated.sqlite3"
    migrate(f"sqlite://{path}")
    return path


def copy_migrated_sqlite(path: Path) -> None:
    shutil.copyfile(_migrated_sqlite(), path)


def _referencing_tables_first() -> list[str]:
    """Every table, after each table whose rows point at it."""
    ordered: list[str] = []
    seen: set[type] = set()

    def visit(model: type) -> None:
        if model not in seen:
            seen.add(model)
            for name in model._meta.fk_fields | model._meta.o2o_fields:
                visit(model._meta.fields_map[name].related_model)
            ordered.append(model._meta.db_table)

    for model in Tortoise.apps["models"].values():
        visit(model)
    return ordered[::-1]


async def empty_all_tables() -> None:
    """One transaction of DELETEs, referencing tables first: on tables this small,
    several times faster than TRUNCATE (PostgreSQL) or a commit per table
    (SQLite), which matters to tests that start again from empty many times."""
    deletes = "".join(f'DELETE FROM "{table}";' for table in _referencing_tables_first())
    connection = connections.get("default")
    if connection.capabilities.dialect == "sqlite":
        deletes = f"BEGIN;{deletes}COMMIT;"
    await connection.execute_script(deletes)
