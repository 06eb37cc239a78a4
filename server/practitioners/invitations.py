"""One-time links for practitioners: "set your password" for someone just
invited (by an administrator, or by `alongside admin create-partnership-admin`).

Tokens carry 256 random bits and only their SHA-256 is kept, so a copy of the
database opens no account. A link works once and runs out after DAYS."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from server.auth.secrets import new_token
from server.errors import Gone, NotFound
from server.i18n import N_
from server.organisations.models import Practitioner, PractitionerInvitation

DAYS = 7
#: Where the app opens the link (the PWA's set-password screen).
LINK_PATH = "/#/set-password/"


class InvitationLinkUnknown(NotFound):
    code = "invitation-link-unknown"
    title = N_("We could not find that link. Please ask your administrator for a new one.")


class InvitationLinkUsed(Gone):
    code = "invitation-link-used"
    title = N_(
        "This link has already been used or has run out. Please ask your administrator "
        "for a new one."
    )


def _now() -> datetime:
    return datetime.now(UTC)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


#: Where an invitation to an organisation with single sign-on goes: its provider.
SINGLE_SIGN_ON_PATH = "/auth/oidc/start?invitation="


def link_for(base_url: str, token: str) -> str:
    return base_url.rstrip("/") + LINK_PATH + token


def single_sign_on_link_for(base_url: str, token: str) -> str:
    return base_url.rstrip("/") + SINGLE_SIGN_ON_PATH + token


async def invite(
    practitioner: Practitioner, *, by: Practitioner | None = None, days: int = DAYS
) -> str:
    """A new one-time token for `practitioner`; earlier unused links stop working."""
    await PractitionerInvitation.filter(practitioner=practitioner, used_at=None).update(
        expires_at=_now()
    )
    token = new_token()
    await PractitionerInvitation.create(
        practitioner=practitioner,
        token_hash=_hash(token),
        created_by=by,
        expires_at=_now() + timedelta(days=days),
    )
    return token


async def _usable(token: str) -> PractitionerInvitation:
    invitation = await PractitionerInvitation.get_or_none(token_hash=_hash(token)).select_related(
        "practitioner"
    )
    if invitation is None:
        raise InvitationLinkUnknown()
    if (
        invitation.used_at is not None
        or invitation.expires_at <= _now()
        or not invitation.practitioner.is_active
    ):
        raise InvitationLinkUsed()
    return invitation


async def practitioner_for_invitation(token: str) -> Practitioner:
    """Whose link this is, without using it up (to greet them by name)."""
    return (await _usable(token)).practitioner


async def redeem_invitation(token: str) -> Practitioner:
    """Uses the link up and returns whose it was; a second use is refused, even
    by a request racing this one."""
    invitation = await _usable(token)
    used = await PractitionerInvitation.filter(id=invitation.id, used_at=None).update(
        used_at=_now()
    )
    if not used:
        raise InvitationLinkUsed()
    return invitation.practitioner
