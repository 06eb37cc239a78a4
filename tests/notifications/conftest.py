"""Notification tests run a local push service, allowed through the same
setting (ALONGSIDE_PUSH_SERVICES) a deployment would use to add one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from server.notifications.vapid import generate_private_key, public_key_of
from server.settings import Settings
from tests.notifications.push_service import PushService


@pytest.fixture
def vapid_private_key() -> str:
    return generate_private_key()


@pytest.fixture
def push_service(vapid_private_key: str) -> Iterator[PushService]:
    with PushService(public_key_of(vapid_private_key), Settings.vapid_subject) as service:
        yield service


@pytest.fixture
def settings(settings: Settings, vapid_private_key: str, push_service: PushService) -> Settings:
    return replace(settings, vapid_private_key=vapid_private_key, push_services=(push_service.url,))
