"""`alongside admin create-partnership-admin EMAIL`: the one step a council takes
outside the app. It prints a one-time link; the rest happens in the app."""

from __future__ import annotations

import asyncio

from tortoise import Tortoise

from server.db import tortoise_config
from server.organisations.models import Practitioner, Role
from server.practitioners.invitations import practitioner_for_invitation
from tests.cli.test_commands import alongside, empty_database  # noqa: F401  (a fixture)


def _env(tmp_path, url: str) -> dict[str, str]:
    return {
        "ALONGSIDE_DATA_DIR": str(tmp_path),
        "ALONGSIDE_DATABASE_URL": url,
        "ALONGSIDE_PUBLIC_URL": "https://alongside.council.example",
    }


async def _whose(db_url: str, token: str) -> Practitioner:
    await Tortoise.init(config=tortoise_config(db_url))
    try:
        return await practitioner_for_invitation(token)
    finally:
        await Tortoise.close_connections()


def test_it_makes_a_partnership_admin_and_prints_their_one_time_link(tmp_path, empty_database):  # noqa: F811
    env = _env(tmp_path, empty_database)
    assert alongside("migrate", env=env).returncode == 0
    result = alongside(
        "admin",
        "create-partnership-admin",
        "Ada.Admin@Council.example",
        "--name",
        "Ada Admin",
        "--organisation",
        "Riverside Council",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    (link,) = [w for w in result.stdout.split() if w.startswith("https://")]
    assert link.startswith("https://alongside.council.example/#/set-password/")

    db_url = empty_database or f"sqlite://{tmp_path / 'alongside.sqlite3'}"
    admin = asyncio.run(_whose(db_url, link.rsplit("/", 1)[1]))
    assert (admin.email, admin.name, admin.role) == (
        "ada.admin@council.example",
        "Ada Admin",
        Role.PARTNERSHIP_ADMIN,
    )

    again = alongside("admin", "create-partnership-admin", "ada.admin@council.example", env=env)
    assert again.returncode == 2
    assert "already" in again.stderr
