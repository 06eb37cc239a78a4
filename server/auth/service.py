"""Signing in: practitioners with a password, family members with an invitation
and then a PIN on the phone that redeemed it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tortoise.transactions import in_transaction

from server.audit.service import record
from server.auth import attempts, pins
from server.auth.errors import (
    InvitationNotFound,
    InvitationUsed,
    UnknownDevice,
    WrongPassword,
    WrongPin,
    WrongPinWait,
)
from server.auth.models import Device, Invitation
from server.auth.secrets import (
    check_secret,
    hash_secret,
    keyed_hash,
    new_invitation_code,
    new_token,
    normalise_code,
)
from server.circles.models import FamilyMember
from server.organisations.models import Practitioner


def _now() -> datetime:
    return datetime.now(timezone.utc)


async def sign_in_practitioner(email: str, password: str) -> Practitioner:
    email = email.strip().lower()
    await attempts.ensure_allowed(attempts.PASSWORD, email)
    practitioner = await Practitioner.get_or_none(email=email, is_active=True)
    if not await check_secret(practitioner.password_hash if practitioner else "", password):
        await attempts.record_failure(attempts.PASSWORD, email)
        raise WrongPassword()
    assert practitioner is not None
    await attempts.clear(attempts.PASSWORD, email)
    await record("signed_in", practitioner=practitioner)
    return practitioner


async def invite(
    secret_key: str, member: FamilyMember, *, hours: int, by: Practitioner | None = None
) -> str:
    """A new single-use code for `member`; earlier unused codes stop working."""
    await Invitation.filter(member=member, redeemed_at=None).update(expires_at=_now())
    code = new_invitation_code()
    await Invitation.create(
        member=member, created_by=by, expires_at=_now() + timedelta(hours=hours),
        code_hash=keyed_hash(secret_key, normalise_code(code)),
    )
    return code


async def redeem_invitation(
    secret_key: str, code: str, pin: str, client: str
) -> tuple[FamilyMember, Device, str]:
    """Join on this phone: the code is used up, the PIN set, and the phone gets a
    device key (returned once, for its cookie). Earlier phones stop working."""
    await attempts.ensure_allowed(attempts.INVITATION, client)
    invitation = await Invitation.get_or_none(
        code_hash=keyed_hash(secret_key, normalise_code(code))
    ).select_related("member")
    if invitation is None:
        await attempts.record_failure(attempts.INVITATION, client)
        raise InvitationNotFound()
    if invitation.redeemed_at is not None or invitation.expires_at <= _now():
        raise InvitationUsed()
    pin_hash = await hash_secret(pin)
    device_key = new_token()
    async with in_transaction():
        used = await Invitation.filter(id=invitation.id, redeemed_at=None).update(
            redeemed_at=_now()
        )
        if not used:  # another request redeemed it a moment ago
            raise InvitationUsed()
        member = invitation.member
        await Device.filter(member=member, revoked_at=None).update(revoked_at=_now())
        device = await Device.create(member=member, key_hash=keyed_hash(secret_key, device_key))
        member.pin_hash = pin_hash
        member.joined_at = member.joined_at or _now()
        await member.save(update_fields=["pin_hash", "joined_at"])
    return member, device, device_key


async def sign_in_family(device: Device | None, pin: str) -> FamilyMember:
    if device is None:
        raise UnknownDevice()
    subject = str(device.id)
    await attempts.ensure_allowed(attempts.PIN, subject)
    member: FamilyMember = device.member
    if not await check_secret(member.pin_hash, pin):
        pause = await attempts.record_failure(attempts.PIN, subject)
        if pause is None:
            raise WrongPin()
        await pins.paused(member, device, pause)
        raise WrongPinWait(retry_after_seconds=attempts.seconds_until(pause.until))
    await attempts.clear(attempts.PIN, subject)
    return member
