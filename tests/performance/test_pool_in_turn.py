"""PostgreSQL connections go to requests in the order they asked (server/pool_in_turn.py)."""

from __future__ import annotations

import asyncio

import asyncpg

from server.db import keep_session
from server.pool_in_turn import PoolInTurn


async def test_a_connection_given_back_goes_to_the_one_waiting_not_a_newcomer(postgres_url):
    dsn = postgres_url.split("?")[0]
    pool = PoolInTurn(await asyncpg.create_pool(dsn, min_size=1, max_size=1, reset=keep_session), 1)
    served: list[str] = []
    try:
        held = await pool.acquire()

        async def takes(who: str) -> None:
            connection = await pool.acquire()
            served.append(who)
            await pool.release(connection)

        waiting = asyncio.create_task(takes("the one waiting"))
        await asyncio.sleep(0.05)  # it is waiting for the only connection
        giving_back = asyncio.create_task(pool.release(held))
        await asyncio.sleep(0)
        # A newcomer asks just as the connection comes back, before the one waiting
        # has woken: asyncpg's pool alone hands it the connection.
        newcomer = asyncio.create_task(takes("the newcomer"))
        await asyncio.wait_for(asyncio.gather(giving_back, waiting, newcomer), timeout=5)
        assert served == ["the one waiting", "the newcomer"]
    finally:
        await pool.close()
