"""Entry point for ASGI servers: `uvicorn --factory server.asgi:app_from_env`."""

import gc
import os

from starlette.applications import Starlette

from server.app import create_app
from server.settings import Settings


def app_from_env() -> Starlette:
    app = create_app(Settings.from_env(os.environ))
    # What the process has made so far (modules, routes, catalogs: about 140,000
    # objects) lives as long as the process. Left to the garbage collector, each
    # full collection walks it all again, pausing every request for 70-80 ms
    # (measured), which lands in the slowest answers. Frozen, it is never walked.
    gc.freeze()
    return app
