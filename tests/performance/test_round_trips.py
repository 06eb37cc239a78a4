"""On PostgreSQL each query borrows a pooled connection and gives it back. asyncpg
would reset the connection's session each time it is given back (`RESET ALL`,
`pg_advisory_unlock_all()` …), a second round trip for every query; the app keeps
nothing in a session, so no reset is sent (server/db.py)."""

from __future__ import annotations

import pytest
from tortoise import Tortoise

from tests import factories


async def test_a_family_home_read_sends_only_its_own_queries(client, db_url):
    if not db_url.startswith("postgres"):
        pytest.skip("asyncpg's pool is PostgreSQL's")
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    pool = Tortoise.get_connection("default")._pool.inner
    sent: list[str] = []
    async with pool.acquire():  # warm: the pool has a connection
        pass
    for holder in pool._holders:
        if holder._con is not None:
            holder._con.add_query_logger(lambda record: sent.append(record.query))
    home = await client.get("/api/family/home")
    assert home.status_code == 200, home.text
    assert sent, "the read's queries were not seen"
    assert not [query for query in sent if "RESET ALL" in query or "unlock_all" in query]
