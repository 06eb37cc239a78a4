"""Two practitioners of their own for one end-to-end journey, made in the database
the way `alongside demo` makes its own (there is no API for it: organisations add
their people). The same names as the demo, fresh emails, the demo password, so a
sign-in limit or a circle list in one journey is never seen by another.

Made in the test process rather than by a command: starting Python and importing
the server for each journey would cost seconds."""

from __future__ import annotations

import secrets

from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

from server.auth.secrets import hash_secret
from server.db import tortoise_config
from server.demo import PASSWORD, PRACTITIONERS
from server.organisations.models import Organisation, Practitioner

ORGANISATION = "Alongside end-to-end partnership"


async def create_practitioners(db_url: str) -> list[dict]:
    # Tortoise caches SQL per connection name, and each backend's is "default".
    EXECUTOR_CACHE.clear()
    await Tortoise.init(config=tortoise_config(db_url))
    try:
        organisation, _ = await Organisation.get_or_create(name=ORGANISATION)
        password_hash = await hash_secret(PASSWORD)
        journey = secrets.token_hex(4)
        made = []
        for demo_email, name, agency, _ in PRACTITIONERS:
            email = demo_email.replace("@", f".{journey}@")
            await Practitioner.create(
                organisation=organisation,
                email=email,
                name=name,
                agency=agency,
                password_hash=password_hash,
            )
            made.append({"name": name, "email": email, "password": PASSWORD})
        return made
    finally:
        await Tortoise.close_connections()
