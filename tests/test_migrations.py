"""The real migrations build, from empty, exactly the schema the models describe,
on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from tortoise import Tortoise, connections
from tortoise.backends.base.executor import EXECUTOR_CACHE
from tortoise.migrations.autodetector import MigrationAutodetector

from server.db import tortoise_config
from server.migrate import apply_migrations
from tests import databases


async def _columns(table: str) -> set[str]:
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        _, rows = await connection.execute_query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = $1", [table]
        )
        return {row["column_name"] for row in rows}
    _, rows = await connection.execute_query(f'PRAGMA table_info("{table}")')
    return {row["name"] for row in rows}


@pytest.fixture(params=["sqlite", "postgres"])
def empty_database(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite://{tmp_path / 'fresh.sqlite3'}"
        return
    request.getfixturevalue("postgres_url")  # skips (or fails under CI) without PostgreSQL
    url = databases.create_postgres_database()
    yield url
    databases.drop_postgres_database(url)


async def test_migrations_from_empty_build_the_models_schema(empty_database):
    await apply_migrations(empty_database)
    EXECUTOR_CACHE.clear()
    await Tortoise.init(config=tortoise_config(empty_database))
    try:
        models = Tortoise.apps["models"]
        assert len(models) >= 15
        for model in models.values():
            expected = {model._meta.fields_db_projection[name] for name in model._meta.db_fields}
            assert await _columns(model._meta.db_table) == expected, model.__name__
        await apply_migrations(empty_database)  # applying again is a no-op
    finally:
        await Tortoise.close_connections()


async def test_the_models_have_no_changes_missing_from_the_migrations():
    config = tortoise_config("sqlite://:memory:")
    await Tortoise.init(config=config)
    try:
        detector = MigrationAutodetector(Tortoise.apps, config["apps"])
        pending = await detector.changes()
        assert pending == [], "run: tortoise -c server.db.MIGRATIONS_CONFIG makemigrations"
    finally:
        await Tortoise.close_connections()
