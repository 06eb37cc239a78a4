"""'Forgot your password?': a one-time link by email to choose a new one (the
same link a new practitioner gets, see practitioners.invitations). The answer
never says whether the email belongs to anyone."""

from __future__ import annotations

from server.audit.service import record
from server.auth import attempts
from server.email.service import queue_email
from server.organisations.models import Practitioner
from server.practitioners import invitations
from server.settings import Settings

#: A reset link works once, for a day.
LINK_DAYS = 1


async def request_reset(settings: Settings, email: str, address: str) -> None:
    await attempts.ensure_allowed(attempts.RESET, address)
    await attempts.record_failure(attempts.RESET, address)  # every request counts
    practitioner = await Practitioner.get_or_none(email=email.strip().lower(), is_active=True)
    if practitioner is None:
        return
    token = await invitations.invite(practitioner, days=LINK_DAYS)
    await queue_email(
        practitioner.email,
        "password_reset",
        practitioner.locale,
        link=invitations.link_for(settings.base_url, token),
    )
    await record("password_reset_requested", practitioner=practitioner)
