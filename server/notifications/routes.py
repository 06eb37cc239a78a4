"""Opting in to notifications on this device, and out again."""

from __future__ import annotations

from starlette.requests import Request

from server.api.endpoint import endpoint
from server.auth.sessions import current_actor
from server.notifications.models import PushSubscription
from server.notifications.schemas import PushKey, SubscriptionGone, SubscriptionNew
from server.notifications.vapid import public_key_of


async def push_key(request: Request) -> PushKey:
    await current_actor(request)
    return PushKey(public_key=public_key_of(request.app.state.settings.vapid_private_key))


async def subscribe(request: Request, body: SubscriptionNew) -> None:
    actor = await current_actor(request)
    # One row per device; a device handed to someone else moves to them.
    await PushSubscription.filter(endpoint=body.endpoint).delete()
    await PushSubscription.create(
        endpoint=body.endpoint, p256dh=body.keys.p256dh, auth=body.keys.auth,
        practitioner=actor.practitioner, member=actor.member)


async def unsubscribe(request: Request, body: SubscriptionGone) -> None:
    actor = await current_actor(request)
    owner = ({"practitioner_id": actor.practitioner.id} if actor.practitioner
             else {"member_id": actor.person.id})
    await PushSubscription.filter(endpoint=body.endpoint, **owner).delete()


routes = [
    endpoint("GET", "/api/push/key", push_key, response=PushKey, tag="notifications",
             summary="The key this server signs push messages with (VAPID)"),
    endpoint("POST", "/api/push/subscriptions", subscribe, body=SubscriptionNew,
             tag="notifications", summary="Turn on notifications on this device"),
    endpoint("DELETE", "/api/push/subscriptions", unsubscribe, body=SubscriptionGone,
             tag="notifications", summary="Turn off notifications on this device"),
]
