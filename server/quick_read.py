"""One row read by an index, for a read on every request (the session check).

Tortoise hands each SQLite statement to aiosqlite's worker thread. Under load the
hand-off costs more than the statement: the thread waits for the interpreter
while requests run. Measured here, 64 connections: `SELECT 1` that way answered
4,000 requests a second, a page with no query 7,300. On SQLite, a second,
read-only connection in the request's own thread reads in microseconds; in WAL
mode (Tortoise's default) it neither waits for a writer nor holds one up, and it
sees what is committed. A statement it cannot run at once (the database busy, or
only in memory) goes the usual way. On PostgreSQL the usual way is asynchronous
already."""

from __future__ import annotations

import logging
import sqlite3
from functools import lru_cache
from typing import Any

from tortoise import connections

#: Logged as Tortoise logs its statements (values hidden by server.db's filter), so
#: the statement counts and query plans the tests read include this one.
log = logging.getLogger("tortoise.db_client")


@lru_cache(maxsize=4)
def _reader(path: str) -> sqlite3.Connection:
    """One per database file and process; `timeout=0`: never wait, go the usual way."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0, check_same_thread=False)


async def one_row(sql: str, value: Any) -> tuple[Any, ...] | None:
    """The first row `sql` finds, where `{}` in it marks the one value."""
    connection = connections.get("default")
    dialect = connection.capabilities.dialect
    path = getattr(connection, "filename", ":memory:")
    if dialect == "sqlite" and path != ":memory:":
        log.debug("%s: %s", sql.format("?"), [value])
        try:
            row: tuple[Any, ...] | None = _reader(path).execute(sql.format("?"), [value]).fetchone()
            return row
        except sqlite3.OperationalError:
            pass  # busy, or not made yet: the usual way
    _, rows = await connection.execute_query(
        sql.format("$1" if dialect == "postgres" else "?"), [value]
    )
    return tuple(rows[0]) if rows else None
