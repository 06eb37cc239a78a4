"""Leaks the canary crawl found, each pinned down on its own."""

from __future__ import annotations

import logging

from tests import factories
from tests.plans.helpers import share


async def test_database_logs_keep_the_sql_but_never_the_words(client, caplog):
    caplog.set_level(logging.DEBUG)
    world = await factories.world()
    await share(client, world.young_person, "Nobody listens to me", "just_me")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert 'INSERT INTO "contribution"' in logged
    assert "Nobody listens to me" not in logged
