"""A real `alongside serve` process on a free port, and the database behind it:
an SQLite file in its data folder, migrated when the server starts (as the demo)."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

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
    process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "serve"], env=self.env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_until_ready(self.url, self.process)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def twin(self) -> LiveServer:
        """Another process on the same database and secret, on its own port."""
        port = free_port()
        return LiveServer(url=f"http://127.0.0.1:{port}",
                          env={**self.env, "ALONGSIDE_PORT": str(port)})

    def query(self, sql: str, *params: Any) -> list[tuple]:
        """Rows straight from the server's database."""
        path = Path(self.env["ALONGSIDE_DATA_DIR"]) / "alongside.sqlite3"
        with sqlite3.connect(path) as db:
            return db.execute(sql, params).fetchall()


@contextmanager
def running(data: Path) -> Iterator[LiveServer]:
    """`alongside serve` on an SQLite file in `data`, stopped afterwards."""
    port = free_port()
    env = {**os.environ, "ALONGSIDE_DATA_DIR": str(data), "ALONGSIDE_PORT": str(port),
           "ALONGSIDE_HOST": "127.0.0.1"}
    for chosen_elsewhere in ("ALONGSIDE_DATABASE_URL", "ALONGSIDE_MODE", "ALONGSIDE_SECRET_KEY"):
        env.pop(chosen_elsewhere, None)
    server = LiveServer(url=f"http://127.0.0.1:{port}", env=env)
    server.start()
    try:
        yield server
    finally:
        server.stop()
