from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from server.settings import Settings
from tests.mail_server import MailServer


@pytest.fixture
def mail_server() -> Iterator[MailServer]:
    with MailServer() as server:
        yield server


@pytest.fixture
def settings(settings: Settings, mail_server: MailServer) -> Settings:
    return replace(settings, smtp_host="127.0.0.1", smtp_port=mail_server.port, smtp_starttls=False)
