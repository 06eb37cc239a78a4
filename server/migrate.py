"""Applying Tortoise's migrations from a script, then closing the connections
(an open connection would keep the process from ending).

With the secret key, it then seals any authenticator app secret an earlier
version kept in clear (the migrations themselves never see the key)."""

from __future__ import annotations

from tortoise import Tortoise
from tortoise.migrations.api import migrate

from server.db import tortoise_config


async def apply_migrations(db_url: str, secret_key: str = "") -> None:
    try:
        await migrate(config=tortoise_config(db_url))
        if secret_key:
            from server.auth.second_factor import seal_clear_secrets

            await Tortoise.init(config=tortoise_config(db_url))
            await seal_clear_secrets(secret_key)
    finally:
        await Tortoise.close_connections()
