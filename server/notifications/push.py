"""Sending Web Push messages (VAPID, aes128gcm) with pywebpush's async sender.
Subscriptions the push service says are gone (404/410) are removed."""

from __future__ import annotations

import json
import logging

import aiohttp
from pywebpush import WebPushException, webpush_async

from server.notifications.models import PushSubscription

log = logging.getLogger("alongside.push")
GONE = {404, 410}


class PushFailed(Exception):
    """The push service could not take the message now; try again later."""


async def send(
    subscription: PushSubscription,
    payload: dict[str, str],
    *,
    private_key: str,
    subject: str,
    topic: str,
) -> bool:
    """Sends one message; returns False if the subscription was gone (and removed)."""
    try:
        await webpush_async(
            subscription_info={
                "endpoint": subscription.endpoint,
                "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
            },
            data=json.dumps(payload),
            vapid_private_key=private_key,
            vapid_claims={"sub": subject},
            ttl=24 * 3600,
            timeout=10,
            # The push service keeps only the newest message per topic, so a
            # message re-sent after a crash replaces, not repeats, the first.
            headers={"Topic": topic, "Urgency": "normal"},
        )
    except WebPushException as error:
        status = getattr(error.response, "status", None) or getattr(
            error.response, "status_code", None
        )
        if status in GONE:
            await subscription.delete()
            return False
        raise PushFailed(f"push service answered {status}") from error
    except (TimeoutError, OSError, aiohttp.ClientError) as error:
        raise PushFailed(repr(error)) from error
    return True
