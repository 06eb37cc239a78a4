"""Applying Tortoise's migrations from a script, then closing the connections
(an open connection would keep the process from ending)."""

from __future__ import annotations

from tortoise import Tortoise
from tortoise.migrations.api import migrate

from server.db import tortoise_config


async def apply_migrations(db_url: str) -> None:
    try:
        await migrate(config=tortoise_config(db_url))
    finally:
        await Tortoise.close_connections()
