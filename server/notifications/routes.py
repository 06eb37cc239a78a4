"""Opting in to notifications on this device, and out again."""

from __future__ import annotations

from starlette.requests import Request

from server.api.endpoint import endpoint
from server.auth.sessions import current_actor
from server.notifications import subscriptions
from server.notifications.errors import PushNotAvailable
from server.notifications.schemas import PushKey, SubscriptionGone, SubscriptionNew
from server.notifications.vapid import public_key_of


async def push_key(request: Request) -> PushKey:
    await current_actor(request)
    private_key = request.app.state.settings.vapid_private_key
    if not private_key:
        raise PushNotAvailable()
    return PushKey(public_key=public_key_of(private_key))


async def subscribe(request: Request, body: SubscriptionNew) -> None:
    await subscriptions.subscribe(
        await current_actor(request), body, request.app.state.settings.push_services
    )


async def unsubscribe(request: Request, body: SubscriptionGone) -> None:
    await subscriptions.unsubscribe(await current_actor(request), body.endpoint)


routes = [
    endpoint(
        "GET",
        "/api/push/key",
        push_key,
        response=PushKey,
        tag="notifications",
        summary="The key this server signs push messages with (VAPID)",
    ),
    endpoint(
        "POST",
        "/api/push/subscriptions",
        subscribe,
        body=SubscriptionNew,
        tag="notifications",
        summary="Turn on notifications on this device",
    ),
    endpoint(
        "DELETE",
        "/api/push/subscriptions",
        unsubscribe,
        body=SubscriptionGone,
        tag="notifications",
        summary="Turn off notifications on this device",
    ),
]
