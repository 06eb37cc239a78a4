"""Signing in: practitioners with a password, family members with an invitation
and then a PIN on the phone that redeemed it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tortoise.transactions import in_transaction

from server.audit.service import record
from server.auth import attempts, pins, second_factor
from server.auth.errors import (
    InvitationNotFound,
    InvitationUsed,
    JoiningAgain,
    PhoneReplaced,
    UnknownDevice,
    WrongCode,
    WrongOldPin,
    WrongPassword,
    WrongPin,
    WrongPinWait,
)
from server.auth.models import Device, Invitation
from server.auth.schemas import InvitationRedeem
from server.auth.secrets import (
    check_secret,
    hash_secret,
    keyed_hash,
    new_invitation_code,
    new_token,
    normalise_code,
)
from server.auth.sessions import end_sessions
from server.circles.models import FamilyMember
from server.organisations.models import Practitioner


def _now() -> datetime:
    return datetime.now(UTC)


async def sign_in_practitioner(
    secret_key: str, email: str, password: str, address: str, code: str | None = None
) -> tuple[Practitioner, list[str] | None]:
    """Checks the password, then the authenticator code where one is set up or
    required. Returns recovery codes when this sign-in set up a new app.

    Tries are counted per (account, address) and per address, so nobody
    elsewhere can pause a named practitioner at her own desk."""
    email = email.strip().lower()
    keys = ((attempts.PASSWORD, f"{email} from {address}"), (attempts.ADDRESS, address))
    for limit, subject in keys:
        await attempts.ensure_allowed(limit, subject)
    practitioner = await Practitioner.get_or_none(email=email, is_active=True)
    if not await check_secret(practitioner.password_hash if practitioner else "", password):
        await _failed(keys, practitioner)
        raise WrongPassword()
    assert practitioner is not None
    try:
        recovery_codes = await second_factor.check_at_sign_in(secret_key, practitioner, code)
    except WrongCode:
        await _failed(keys, practitioner)
        raise
    await attempts.clear(*keys[0])
    await record("signed_in", practitioner=practitioner)
    return practitioner, recovery_codes


async def _failed(keys: tuple[tuple[attempts.Limit, str], ...], who: Practitioner | None) -> None:
    for limit, subject in keys:
        await attempts.record_failure(limit, subject)
    await record("sign_in_failed", practitioner=who)


async def invite(
    secret_key: str, member: FamilyMember, *, hours: int, by: Practitioner | None = None
) -> str:
    """A new single-use code for `member`; earlier unused codes stop working."""
    await Invitation.filter(member=member, redeemed_at=None).update(expires_at=_now())
    code = new_invitation_code()
    await Invitation.create(
        member=member,
        created_by=by,
        expires_at=_now() + timedelta(hours=hours),
        code_hash=keyed_hash(secret_key, normalise_code(code)),
    )
    return code


#: Wrong old secret numbers allowed on one invitation code: guessing would take
#: thousands of new codes, each one audited and shown to the member.
REJOIN_TRIES = attempts.Limit(
    "rejoin", tries=3, window=timedelta(days=30), pauses=(timedelta(days=30),)
)


async def redeem_invitation(
    secret_key: str, join: InvitationRedeem, client: str
) -> tuple[FamilyMember, Device, str]:
    """Join on this phone: the code is used up, the PIN set, and the phone gets a
    device key (returned once, for its cookie). Earlier phones stop working at once.

    Someone joining *again* (a new phone, a forgotten secret number) brings their
    earlier words only by typing their old secret number; without it they start
    fresh and earlier words stay locked. A worker makes every code, so a code alone
    must never open a child's words."""
    pins.refuse_too_easy(join.pin)
    await attempts.ensure_allowed(attempts.INVITATION, client)
    invitation = await Invitation.get_or_none(
        code_hash=keyed_hash(secret_key, normalise_code(join.code))
    ).select_related("member")
    if invitation is None:
        await attempts.record_failure(attempts.INVITATION, client)
        await record("invitation_refused")
        raise InvitationNotFound()
    if invitation.redeemed_at is not None or invitation.expires_at <= _now():
        raise InvitationUsed()
    member = invitation.member
    brings_words = await _proves_old_secret(invitation, member, join)
    pin_hash = await hash_secret(join.pin)
    device_key = new_token()
    async with in_transaction():
        used = await Invitation.filter(id=invitation.id, redeemed_at=None).update(
            redeemed_at=_now()
        )
        if not used:  # another request redeemed it a moment ago
            raise InvitationUsed()
        await retire_devices(member)
        device = await Device.create(
            member=member,
            key_hash=keyed_hash(secret_key, device_key),
            invitation=invitation,
            brought_earlier_words=brings_words,
        )
        if member.joined_at is not None and not brings_words:
            member.own_words_since = _now()
        member.pin_hash = pin_hash
        member.joined_at = member.joined_at or _now()
        await member.save(update_fields=["pin_hash", "joined_at", "own_words_since"])
        await record("joined_on_phone", member=member, circle_id=member.circle_id, subject=device)
    return member, device, device_key


async def _proves_old_secret(
    invitation: Invitation, member: FamilyMember, join: InvitationRedeem
) -> bool:
    """True if a member joining again typed their old secret number; False for a
    first join or a chosen fresh start. Asks which, when neither was said."""
    if member.joined_at is None:
        return False
    if join.old_pin is None:
        if join.start_fresh:
            return False
        raise JoiningAgain()
    subject = str(invitation.id)
    await attempts.ensure_allowed(REJOIN_TRIES, subject)
    if not await check_secret(member.pin_hash, join.old_pin):
        await attempts.record_failure(REJOIN_TRIES, subject)
        raise WrongOldPin()
    return True


async def retire_devices(member: FamilyMember) -> None:
    """The member's phones stop working now: their sessions end on every process."""
    await Device.filter(member=member, revoked_at=None).update(revoked_at=_now())
    await end_sessions(member=member)


async def sign_in_family(device: Device | None, pin: str) -> FamilyMember:
    if device is None:
        raise UnknownDevice()
    if device.revoked_at is not None:
        raise PhoneReplaced(replaced_at=device.revoked_at.isoformat())
    subject = str(device.id)
    await attempts.ensure_allowed(attempts.PIN, subject)
    member: FamilyMember = device.member
    if not await check_secret(member.pin_hash, pin):
        await record("family_sign_in_failed", member=member, circle_id=member.circle_id)
        pause = await attempts.record_failure(attempts.PIN, subject)
        if pause is None:
            raise WrongPin()
        await pins.paused(member, device, pause)
        raise WrongPinWait(retry_after_seconds=attempts.seconds_until(pause.until))
    await attempts.clear(attempts.PIN, subject)
    await record("family_signed_in", member=member, circle_id=member.circle_id, subject=device)
    return member
