from __future__ import annotations

import json
import os
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import httpx2 as httpx
import pytest
from asgi_lifespan import LifespanManager
from starlette.applications import Starlette
from tortoise.backends.base.executor import EXECUTOR_CACHE

from server.app import create_app
from server.settings import Settings
from tests import databases

ORIGIN = "http://127.0.0.1:8000"
TEST_SECRET = "test-secret-key-that-is-long-enough-0123456789"
#: Every data test runs on both; ALONGSIDE_TEST_BACKENDS=sqlite narrows that for the
#: mutation run (scripts/mutation.sh), where the same rule checked twice only costs time.
BACKENDS = os.environ.get("ALONGSIDE_TEST_BACKENDS", "sqlite,postgres").split(",")


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In a mutation run (scripts/mutation.sh), quickest tests first: a mutant
    stops at its first failing test, so it is caught in a second, not after
    the slow property tests. mutmut leaves each test's time beside the copy of
    the project it tests."""
    timings = config.rootpath / "mutmut-stats.json"
    if timings.exists():
        took = json.loads(timings.read_text())["duration_by_test"]
        items.sort(key=lambda item: took.get(item.nodeid, 0.0))


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("sqlite") / "alongside.sqlite3"
    databases.copy_migrated_sqlite(path)
    # No waiting for the disk at each commit (4 ms here): a test's database is
    # thrown away, and the app's own setting stays as production runs it.
    return f"sqlite://{path}?synchronous=OFF"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    if not databases.postgres_reachable():
        message = f"PostgreSQL is not reachable at {databases.postgres_admin_url()}"
        if _in_ci():
            pytest.fail(message + " (under CI the PostgreSQL tests must run)")
        pytest.skip(message)
    url = databases.create_postgres_database()
    try:
        databases.migrate(url)
        yield url
    finally:
        databases.drop_postgres_database(url)


@pytest.fixture
def server_time_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Sets this server process's own clock zone (TZ) for one test: whatever it is,
    times are kept in UTC."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest) -> str:
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, database_url=db_url, secret_key=TEST_SECRET)


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[Starlette]:
    """The production app, middleware and all, on an empty database."""
    # Tortoise caches SQL per connection *name*; both backends are "default" here.
    EXECUTOR_CACHE.clear()
    application = create_app(settings)
    async with LifespanManager(application):
        await databases.empty_all_tables()
        yield application


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    """A browser-like client: same-origin requests, cookies kept."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url=ORIGIN, headers={"Origin": ORIGIN}
    ) as http:
        yield http
