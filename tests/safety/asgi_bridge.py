"""The app, as schemathesis calls it from its own thread and event loop, served
in the test's event loop, where the app's lifespan and database connections
live. Requests go through the app's real middleware, in process."""

from __future__ import annotations

import asyncio
import traceback
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class InTestLoop:
    def __init__(self, app: ASGIApp, loop: asyncio.AbstractEventLoop) -> None:
        self.app = app
        self.loop = loop
        #: The traceback of the last request that raised in the app, if any.
        self.crash: str | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            # Refusing before receiving anything says "no lifespan here": the
            # test already runs the app's lifespan in its own loop.
            raise RuntimeError("the app's lifespan runs in the test's loop")
        body = bytearray()
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        served = asyncio.run_coroutine_threadsafe(self._serve(dict(scope), bytes(body)), self.loop)
        for message in await asyncio.wrap_future(served):
            await send(message)

    async def _serve(self, scope: dict[str, Any], body: bytes) -> list[Message]:
        sent: list[Message] = []
        answered = asyncio.Event()
        delivered = False

        async def receive() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            await answered.wait()
            return {"type": "http.disconnect"}

        async def send(message: Message) -> None:
            sent.append(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                answered.set()

        self.crash = None
        try:
            await self.app(scope, receive, send)
        except Exception:  # the server-error middleware answered 500 first, then re-raised
            self.crash = traceback.format_exc()
        return sent
