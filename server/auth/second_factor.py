"""A second factor for password sign-in: a 6-digit code from an authenticator
app (TOTP, RFC 6238), and one-time recovery codes for a lost phone.

A code is accepted one step either side of now (clock drift), and never twice:
the step last used is kept, and only a later step is accepted after it. The
app's secret is kept sealed (auth.secrets.seal), never in clear."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

import pyotp
import segno
from tortoise.expressions import Q

from server.audit.service import record
from server.auth.errors import (
    SecondFactorAlreadySetUp,
    SecondFactorNeeded,
    SecondFactorNotStarted,
    SecondFactorRequired,
    SecondFactorSetUpNeeded,
    WrongCode,
)
from server.auth.models import RecoveryCode, SecondFactor
from server.auth.secrets import is_sealed, keyed_hash, same, seal, unseal
from server.organisations.models import Organisation, Practitioner

ISSUER = "Alongside"
RECOVERY_CODES = 10
_STEP_SECONDS = 30


def _now() -> datetime:
    return datetime.now(UTC)


def _setup_of(practitioner: Practitioner, secret: str) -> dict[str, str]:
    url = pyotp.TOTP(secret).provisioning_uri(name=practitioner.email, issuer_name=ISSUER)
    picture = segno.make(url, error="m").svg_data_uri(scale=5, dark="#000", light="#fff")
    return {"otpauth_url": url, "qr_code": picture, "secret": secret}


async def start_setup(secret_key: str, practitioner: Practitioner) -> dict[str, str]:
    """A new secret to scan; it counts once confirmed with a code."""
    factor = await SecondFactor.get_or_none(practitioner=practitioner)
    if factor is not None and factor.confirmed_at is not None:
        raise SecondFactorAlreadySetUp()
    if factor is None:
        secret = pyotp.random_base32()
        await SecondFactor.create(practitioner=practitioner, secret=seal(secret_key, secret))
        return _setup_of(practitioner, secret)
    return _setup_of(practitioner, unseal(secret_key, factor.secret))


async def state_of(practitioner: Practitioner) -> dict[str, bool]:
    """Whether an app is set up, and whether the organisation requires one."""
    organisation = await Organisation.get(id=practitioner.organisation_id)
    turned_on = await SecondFactor.filter(
        practitioner=practitioner, confirmed_at__isnull=False
    ).exists()
    return {"turned_on": turned_on, "required": organisation.requires_second_factor}


async def turn_off(secret_key: str, practitioner: Practitioner, code: str) -> None:
    """Needs a current code (or a recovery code), and an organisation that
    does not require one."""
    factor = await SecondFactor.get_or_none(practitioner=practitioner, confirmed_at__isnull=False)
    if factor is None:
        raise SecondFactorNotStarted()
    if (await state_of(practitioner))["required"]:
        raise SecondFactorRequired()
    if not (
        await _use_code(secret_key, factor, code) or await _use_recovery(secret_key, factor, code)
    ):
        raise WrongCode()
    await RecoveryCode.filter(practitioner=practitioner).delete()
    await SecondFactor.filter(id=factor.id).delete()
    await record("second_factor_turned_off", practitioner=practitioner, subject=practitioner)


async def seal_clear_secrets(secret_key: str) -> int:
    """Seals any secret an earlier version kept in clear (run by `alongside
    migrate`); returns how many."""
    sealed = 0
    for factor in await SecondFactor.all():
        if not is_sealed(factor.secret):
            await SecondFactor.filter(id=factor.id).update(secret=seal(secret_key, factor.secret))
            sealed += 1
    return sealed


async def confirm_setup(secret_key: str, practitioner: Practitioner, code: str) -> list[str]:
    """The first right code confirms the app; returns recovery codes, shown once."""
    factor = await SecondFactor.get_or_none(practitioner=practitioner, confirmed_at=None)
    if factor is None:
        raise SecondFactorNotStarted()
    if not await _use_code(secret_key, factor, code):
        raise WrongCode()
    await SecondFactor.filter(id=factor.id).update(confirmed_at=_now())
    return await _new_recovery_codes(secret_key, practitioner)


async def check_at_sign_in(
    secret_key: str, practitioner: Practitioner, code: str | None
) -> list[str] | None:
    """After the right password: asks for the code where one is set up or
    required. Returns recovery codes when this sign-in confirmed a new app."""
    factor = await SecondFactor.get_or_none(practitioner=practitioner)
    if factor is not None and factor.confirmed_at is not None:
        if code is None:
            raise SecondFactorNeeded()
        if not (
            await _use_code(secret_key, factor, code)
            or await _use_recovery(secret_key, factor, code)
        ):
            raise WrongCode()
        return None
    organisation = await Organisation.get(id=practitioner.organisation_id)
    if not organisation.requires_second_factor:
        return None
    if factor is None or code is None:
        setup = await start_setup(secret_key, practitioner)
        raise SecondFactorSetUpNeeded(otpauth_url=setup["otpauth_url"], qr_code=setup["qr_code"])
    return await confirm_setup(secret_key, practitioner, code)


async def _use_code(secret_key: str, factor: SecondFactor, code: str) -> bool:
    totp = pyotp.TOTP(unseal(secret_key, factor.secret))
    now_step = int(_now().timestamp()) // _STEP_SECONDS
    for step in (now_step - 1, now_step, now_step + 1):
        if not same(totp.generate_otp(step), code):
            continue
        # Taken only if no later (or the same) step was used: a replay, even one
        # racing the first use on another process, finds nothing to update.
        unused = Q(last_step__isnull=True) | Q(last_step__lt=step)
        return bool(await SecondFactor.filter(unused, id=factor.id).update(last_step=step))
    return False


def _recovery_hash(secret_key: str, code: str) -> str:
    return keyed_hash(secret_key, "recovery:" + code.replace("-", "").strip().lower())


async def _use_recovery(secret_key: str, factor: SecondFactor, code: str) -> bool:
    used = await RecoveryCode.filter(
        practitioner_id=factor.practitioner_id,
        code_hash=_recovery_hash(secret_key, code),
        used_at=None,
    ).update(used_at=_now())
    return bool(used)


async def _new_recovery_codes(secret_key: str, practitioner: Practitioner) -> list[str]:
    await RecoveryCode.filter(practitioner=practitioner).delete()
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODES)]
    await RecoveryCode.bulk_create(
        [
            RecoveryCode(practitioner=practitioner, code_hash=_recovery_hash(secret_key, code))
            for code in codes
        ]
    )
    return codes
