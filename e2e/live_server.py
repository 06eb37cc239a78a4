"""A real `alongside serve` process on a free port, and the database behind it.

On SQLite it runs as the demo does (a file in its data folder, migrations applied
at start). On PostgreSQL it runs as production does: `ALONGSIDE_MODE=production`,
a secret key, and a throw-away database migrated beforehand (the release step)."""

from __future__ import annotations

import asyncio
import os
import secrets
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
import pytest

from tests import databases

T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_ready(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    """Polls /readyz (the database answers) until the deadline."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"alongside serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("alongside serve did not become ready")


def off_the_browsers_loop(call: Callable[..., T], *args: Any) -> T:
    """Runs `call` in its own thread: Playwright's sync API keeps an asyncio loop
    running on this one, where asyncio.run (asyncpg, Tortoise) would refuse."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(call, *args).result()


@dataclass
class LiveServer:
    url: str
    env: dict[str, str]
    backend: str = "sqlite"
    process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "serve"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # A busy shared machine can take a while to import and migrate.
        wait_until_ready(self.url, self.process, seconds=120)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def twin(self) -> LiveServer:
        """Another process on the same database and secret, on its own port."""
        port = free_port()
        return LiveServer(
            url=f"http://127.0.0.1:{port}",
            backend=self.backend,
            env={**self.env, "ALONGSIDE_PORT": str(port)},
        )

    def query(self, sql: str, *params: Any) -> list[tuple]:
        """Rows straight from the server's database; `?` marks each parameter."""
        if self.backend == "sqlite":
            path = Path(self.env["ALONGSIDE_DATA_DIR"]) / "alongside.sqlite3"
            with sqlite3.connect(path) as db:
                return db.execute(sql, params).fetchall()
        numbered = sql.split("?")
        sql = numbered[0] + "".join(f"${n}{rest}" for n, rest in enumerate(numbered[1:], 1))
        return off_the_browsers_loop(asyncio.run, _postgres_rows(self.env, sql, params))


async def _postgres_rows(env: dict[str, str], sql: str, params: tuple) -> list[tuple]:
    url = env["ALONGSIDE_DATABASE_URL"].replace("postgres://", "postgresql://", 1)
    connection = await asyncpg.connect(url)
    try:
        return [tuple(row) for row in await connection.fetch(sql, *params)]
    finally:
        await connection.close()


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@contextmanager
def postgres_database() -> Iterator[str]:
    """A migrated throw-away PostgreSQL database, dropped afterwards. Without
    PostgreSQL: skipped locally, a failure under CI (as for the data tests)."""
    if not off_the_browsers_loop(databases.postgres_reachable):
        message = f"PostgreSQL is not reachable at {databases.postgres_admin_url()}"
        if _in_ci():
            pytest.fail(message + " (under CI the PostgreSQL end-to-end tests must run)")
        pytest.skip(message)
    url = off_the_browsers_loop(databases.create_postgres_database)
    try:
        off_the_browsers_loop(databases.migrate, url)
        yield url
    finally:
        off_the_browsers_loop(databases.drop_postgres_database, url)


@contextmanager
def running(backend: str, data: Path) -> Iterator[LiveServer]:
    """`alongside serve` on `backend` ("sqlite" or "postgres"), stopped afterwards."""
    port = free_port()
    env = {
        **os.environ,
        "ALONGSIDE_DATA_DIR": str(data),
        "ALONGSIDE_PORT": str(port),
        "ALONGSIDE_HOST": "127.0.0.1",
        # fake_push.js plays the browser's push service at this origin.
        "ALONGSIDE_PUSH_SERVICES": "https://push.example.test",
    }
    for chosen_elsewhere in ("ALONGSIDE_DATABASE_URL", "ALONGSIDE_MODE", "ALONGSIDE_SECRET_KEY"):
        env.pop(chosen_elsewhere, None)
    with postgres_database() if backend == "postgres" else nullcontext("") as database_url:
        if database_url:
            env.update(
                ALONGSIDE_MODE="production",
                ALONGSIDE_DATABASE_URL=database_url,
                ALONGSIDE_SECRET_KEY=secrets.token_urlsafe(48),
            )
        server = LiveServer(url=f"http://127.0.0.1:{port}", env=env, backend=backend)
        server.start()
        try:
            yield server
        finally:
            server.stop()
