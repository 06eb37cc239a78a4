"""How many statements one read sends to the database (Tortoise logs each one)."""

from __future__ import annotations

import logging

import httpx2 as httpx
import pytest

LOGGER = "tortoise.db_client"


async def counted_get(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, path: str
) -> tuple[httpx.Response, int]:
    """The answer to GET `path`, and the number of statements it sent."""
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger=LOGGER):
        response = await client.get(path)
    return response, len([r for r in caplog.records if r.name == LOGGER])
