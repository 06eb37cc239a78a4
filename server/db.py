"""Database configuration: one Tortoise app, its models spread over domain folders."""

from __future__ import annotations

from typing import Any

MODEL_MODULES = [
    "server.organisations.models",
    "server.circles.models",
    "server.auth.models",
    "server.meetings.models",
    "server.contributions.models",
    "server.plans.models",
    "server.audit.models",
    "server.notifications.models",
    "server.family.models",
    "server.jobs.models",
    "server.commands.models",
]


def tortoise_config(db_url: str) -> dict[str, Any]:
    return {
        "connections": {"default": db_url},
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


#: For developers' `tortoise -c server.db.MIGRATIONS_CONFIG makemigrations`: the
#: autodetector compares models with the migration files, not with a database.
MIGRATIONS_CONFIG = tortoise_config("sqlite://:memory:")
