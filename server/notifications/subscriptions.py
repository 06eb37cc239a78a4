"""Turning notifications on and off on a device. A subscription is posted to by
the worker, so only the browsers' push services are accepted, and a device's
subscription stays with the person who turned it on."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from tortoise.exceptions import IntegrityError

from server.auth.actor import Actor
from server.errors import Invalid
from server.notifications import errors
from server.notifications.models import PushSubscription
from server.notifications.push_services import is_push_service
from server.notifications.schemas import SubscriptionNew


def _owner(actor: Actor) -> dict[str, Any]:
    return (
        {"practitioner_id": actor.practitioner.id, "member_id": None}
        if actor.practitioner
        else {"practitioner_id": None, "member_id": actor.person.id}
    )


async def subscribe(actor: Actor, device: SubscriptionNew, push_services: Collection[str]) -> None:
    if not is_push_service(device.endpoint, push_services):
        raise Invalid.on("endpoint", errors.NOT_A_PUSH_SERVICE)
    owner = _owner(actor)
    keys: dict[str, Any] = {"p256dh": device.keys.p256dh, "auth": device.keys.auth}
    existing = await PushSubscription.get_or_none(endpoint=device.endpoint)
    if existing is None:
        try:
            await PushSubscription.create(endpoint=device.endpoint, **keys, **owner)
        except IntegrityError:  # the same endpoint, subscribed at the same moment
            raise errors.SubscriptionTaken() from None
        return
    # Taking over a row would send one person's notifications to another's phone.
    if {"practitioner_id": existing.practitioner_id, "member_id": existing.member_id} != owner:
        raise errors.SubscriptionTaken()
    await PushSubscription.filter(id=existing.id).update(**keys)


async def unsubscribe(actor: Actor, endpoint: str) -> None:
    await PushSubscription.filter(endpoint=endpoint, **_owner(actor)).delete()
