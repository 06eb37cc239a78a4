"""The one step outside the app: the first partnership administrator, who then
sets up everything else on screen. Prints a one-time link to choose a password."""

from __future__ import annotations

from tortoise import Tortoise
from tortoise.transactions import in_transaction

from server.audit.service import record
from server.db import tortoise_config
from server.organisations.models import Agency, Organisation, Practitioner, Role
from server.practitioners.invitations import invite, link_for
from server.settings import Settings, SettingsError


async def create_partnership_admin(
    settings: Settings, email: str, name: str, organisation_name: str, agency: Agency
) -> str:
    """Returns the one-time link; refuses an email that already has an account."""
    email = email.strip().lower()
    await Tortoise.init(config=tortoise_config(settings.db_url))
    try:
        async with in_transaction():
            if await Practitioner.exists(email=email):
                raise SettingsError(f"{email} already has an account.")
            organisation, _ = await Organisation.get_or_create(
                name=organisation_name.strip(), defaults={"agency": agency}
            )
            admin = await Practitioner.create(
                organisation=organisation,
                email=email,
                name=name.strip() or email.split("@")[0],
                agency=organisation.agency,
                role=Role.PARTNERSHIP_ADMIN,
            )
            token = await invite(admin)
            await record("partnership_admin_created", subject=admin)
        return link_for(settings.base_url, token)
    finally:
        await Tortoise.close_connections()
