"""Database configuration: one Tortoise app, its models spread over domain folders."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from tortoise.backends.base.config_generator import expand_db_url

MODEL_MODULES = [
    "server.organisations.models",
    "server.circles.models",
    "server.auth.models",
    "server.meetings.models",
    "server.contributions.models",
    "server.checkins.models",
    "server.plans.models",
    "server.audit.models",
    "server.notifications.models",
    "server.family.models",
    "server.jobs.models",
    "server.commands.models",
    "server.records.models",
]


class QueryValuesHidden(logging.Filter):
    """The database drivers log each query with its values at DEBUG, and the
    values are family words (PRODUCT.md: not even a log line). The SQL stays."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "aiosqlite":
            return record.levelno > logging.DEBUG  # each DEBUG line echoes a call's values
        if isinstance(record.args, tuple) and len(record.args) > 1:
            record.args = (record.args[0], "(values not logged)")
        return True


_HIDDEN = QueryValuesHidden()


def hide_query_values() -> None:
    for name in ("tortoise.db_client", "aiosqlite"):
        logger = logging.getLogger(name)
        if _HIDDEN not in logger.filters:
            logger.addFilter(_HIDDEN)


def tortoise_config(db_url: str) -> dict[str, Any]:
    """The ORM's configuration; whatever opens the database uses it, so the
    database's loggers are made safe here too."""
    hide_query_values()
    return _config(db_url)


def _config(db_url: str) -> dict[str, Any]:
    return {
        "connections": {"default": _connection(db_url)},
        "apps": {
            "models": {
                "models": MODEL_MODULES,
                "migrations": "server.migrations",
                "default_connection": "default",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def _connection(db_url: str) -> str | dict[str, Any]:
    if urlsplit(db_url).scheme not in ("postgres", "asyncpg"):
        return db_url
    connection = expand_db_url(db_url)
    connection["engine"] = "server.pool_in_turn"  # asyncpg, connections handed out in turn
    connection["credentials"]["reset"] = keep_session
    return connection


async def keep_session(connection: Any) -> None:
    """asyncpg's pool resets the session of each connection given back to it
    (`RESET ALL`, `UNLISTEN *`, `pg_advisory_unlock_all()` …): one more round trip
    for each query, as each query borrows a connection. The app keeps nothing in a
    session (no SET, LISTEN or advisory lock), so nothing is reset; asyncpg still
    rolls back a transaction left open before this is called."""


#: For developers' `tortoise -c server.db.MIGRATIONS_CONFIG makemigrations`: the
#: autodetector compares models with the migration files, not with a database.
MIGRATIONS_CONFIG = _config("sqlite://:memory:")
