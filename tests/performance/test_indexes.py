"""Every column the everyday reads filter by is indexed, and the real migrations
leave the same indexes on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio

import pytest
from tortoise import Tortoise

from server.db import tortoise_config
from tests import databases
from tests.performance.schema import Indexes, indexes

#: Column lists the hot reads look rows up by (an index whose columns start with
#: these serves them).
NEEDED = {
    "contribution": [("author_id",), ("circle_id",), ("meeting_id",)],
    "audience_change": [("contribution_id",)],
    "meeting": [("circle_id",)],
    "plan_item": [("plan_id",), ("source_id",)],
    "plan_answer": [("item_id",), ("member_id",)],
    "plan_version": [("plan_id",)],
    "team_member": [("circle_id",), ("practitioner_id",)],
    "family_member": [("circle_id",)],
    "audit_event": [("at",), ("circle_id",)],
    "item_read": [("action", "subject_id")],
}


@pytest.fixture(params=["sqlite", "postgres"])
def migrated(request, tmp_path):
    """A database of each kind built by the real migrations, from empty."""
    if request.param == "sqlite":
        url = f"sqlite://{tmp_path / 'fresh.sqlite3'}"
        databases.migrate(url)
        yield url
        return
    request.getfixturevalue("postgres_url")  # skips (or fails under CI) without PostgreSQL
    url = databases.create_postgres_database()
    databases.migrate(url)
    yield url
    databases.drop_postgres_database(url)


async def _indexes_of(url: str) -> Indexes:
    await Tortoise.init(config=tortoise_config(url))
    try:
        return await indexes()
    finally:
        await Tortoise.close_connections()


def _covers(found: set[tuple[str, ...]], columns: tuple[str, ...]) -> bool:
    return any(index[: len(columns)] == columns for index in found)


async def test_every_column_the_hot_reads_filter_by_is_indexed(migrated):
    found = await _indexes_of(migrated)
    missing = [
        (table, columns)
        for table, needed in NEEDED.items()
        for columns in needed
        if not _covers(found.get(table, set()), columns)
    ]
    assert missing == []


def test_sqlite_and_postgresql_have_the_same_indexes(tmp_path, postgres_url):
    sqlite = f"sqlite://{tmp_path / 'fresh.sqlite3'}"
    databases.migrate(sqlite)
    postgres = databases.create_postgres_database()
    try:
        databases.migrate(postgres)
        on_sqlite = asyncio.run(_indexes_of(sqlite))
        on_postgres = asyncio.run(_indexes_of(postgres))
    finally:
        databases.drop_postgres_database(postgres)
    assert on_sqlite == on_postgres
