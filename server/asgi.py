"""Entry point for ASGI servers: `uvicorn --factory server.asgi:app_from_env`."""

import os

from starlette.applications import Starlette

from server.app import create_app
from server.settings import Settings


def app_from_env() -> Starlette:
    return create_app(Settings.from_env(os.environ))
