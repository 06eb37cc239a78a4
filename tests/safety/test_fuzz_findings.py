"""Server errors the fuzz run found, each pinned down on its own."""

from __future__ import annotations

import pytest

from server.notifications.models import PushSubscription
from tests import factories

KEYS = {"p256dh": "B" + "A" * 86, "auth": "c2VjcmV0LWF1dGg"}


@pytest.mark.parametrize(
    ("method", "body"),
    [
        ("DELETE", {"endpoint": "https://fcm.googleapis.com/fcm/send/a\x00b"}),
        ("POST", {"endpoint": "https://fcm.googleapis.com/fcm/send/a\x00b", "keys": KEYS}),
        (
            "POST",
            {
                "endpoint": "https://fcm.googleapis.com/fcm/send/ab",
                "keys": {**KEYS, "auth": "c2Vj\x00cmV0"},
            },
        ),
    ],
)
async def test_control_characters_in_a_push_subscription_are_a_clear_error(client, method, body):
    world = await factories.world()
    await factories.act_as(client, world.parent)
    response = await client.request(method, "/api/push/subscriptions", json=body)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert await PushSubscription.all().count() == 0
