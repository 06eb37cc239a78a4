"""A production server without a Web Push key sends no notifications, and says
so clearly when a phone asks for the key."""

from __future__ import annotations

from dataclasses import replace

import pytest

from server.settings import Settings
from tests import factories


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return replace(settings, mode="production", vapid_private_key="")


async def test_without_a_push_key_notifications_are_clearly_not_available(client):
    world = await factories.world()
    await factories.act_as(client, world.parent)
    response = await client.get("/api/push/key")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"].endswith("/push-not-available")
