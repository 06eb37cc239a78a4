"""Capturing the SQL a request runs, and asking the database how it would run it."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tortoise import connections
from tortoise.transactions import in_transaction

Statement = tuple[str, tuple[Any, ...]]

#: Tables that stay small however many families use the service.
FIXED_SIZE = {"organisation", "tortoise_migrations"}
#: Known and left for now: forgetting the words of kept answers (an item was
#: narrowed, edited or withdrawn) looks for answers that quote the item by
#: searching their bodies. The table holds one day of answers (tidied daily).
KNOWN_SCANS = {"command_answer"}
_SQLITE_SCAN = re.compile(r"^SCAN (\w+)")
_POSTGRES_SCAN = re.compile(r"Seq Scan on (\w+)")


class _Captured(logging.Filter):
    """Keeps each statement with its values. It runs before the filter that hides
    values from the logs, and keeps them only in memory for the test."""

    def __init__(self) -> None:
        super().__init__()
        self.statements: list[Statement] = []

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 2 and isinstance(args[0], str):
            values = args[1] or ()
            self.statements.append((args[0], tuple(values)))
        return True


@contextmanager
def statements() -> Iterator[list[Statement]]:
    logger = logging.getLogger("tortoise.db_client")
    captured, level = _Captured(), logger.level
    logger.filters.insert(0, captured)
    logger.setLevel(logging.DEBUG)
    try:
        yield captured.statements
    finally:
        logger.removeFilter(captured)
        logger.setLevel(level)


def _explainable(sql: str) -> bool:
    return sql.lstrip().split(" ", 1)[0].upper() in {"SELECT", "UPDATE", "DELETE", "WITH"}


async def full_scans(sql: str, values: tuple[Any, ...]) -> set[str]:
    """The growing tables this statement would read from end to end. On
    PostgreSQL sequential scans are priced out, so one left means no index fits."""
    if not _explainable(sql):
        return set()
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        async with in_transaction() as conn:
            await conn.execute_script("SET LOCAL enable_seqscan = off")
            _, rows = await conn.execute_query("EXPLAIN " + sql, list(values))
        found = {m.group(1) for row in rows for m in _POSTGRES_SCAN.finditer(row["QUERY PLAN"])}
    else:
        _, rows = await connection.execute_query("EXPLAIN QUERY PLAN " + sql, list(values))
        found = {m.group(1) for row in rows if (m := _SQLITE_SCAN.match(row["detail"]))}
    return found - FIXED_SIZE - KNOWN_SCANS
