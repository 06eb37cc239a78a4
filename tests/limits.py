"""Watching a capacity limiter while work runs at once: the most tokens it lent and
the most tasks it kept waiting, seen at every turn of the event loop."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import anyio


async def watched(
    limiter: anyio.CapacityLimiter, work: Callable[[], Awaitable[Any]]
) -> tuple[Any, int, int]:
    """`work()`'s result, and the most borrowed and most waiting seen meanwhile."""
    seen: list[tuple[int, int]] = []

    async def watch() -> None:
        while True:
            stats = limiter.statistics()
            seen.append((stats.borrowed_tokens, stats.tasks_waiting))
            await anyio.sleep(0)

    async with anyio.create_task_group() as watching:
        watching.start_soon(watch)
        result = await work()
        watching.cancel_scope.cancel()
    return result, max(b for b, _ in seen), max(w for _, w in seen)
