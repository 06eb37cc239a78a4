"""Secrets people hold (passwords, PINs, codes, cookie tokens) and how we keep
only hashes of them; the one secret we must read back (an authenticator app's)
is kept sealed with a key made from the secret key."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

import anyio
import anyio.to_thread
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

#: Invitation codes avoid letters and digits that look alike (0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10

#: Argon2id as OWASP sets it for passwords (19 MiB, two passes, one lane): each
#: hash holds 19 MiB while it runs, not argon2-cffi's default 64 MiB, so a web
#: process stays small. Hashes made with other settings still verify.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
#: Two hashes at a time in a process: a burst of sign-ins waits its turn instead of
#: taking a thread, a core and 19 MiB each at once (hashing is meant to be costly).
_hashing = anyio.CapacityLimiter(2)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_invitation_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch in CODE_ALPHABET)


def keyed_hash(secret_key: str, value: str) -> str:
    """Look-up hash for high-entropy values (tokens, codes): a stolen database
    alone cannot turn these back into working cookies or codes."""
    return hmac.new(secret_key.encode(), value.encode(), hashlib.sha256).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


async def hash_secret(value: str) -> str:
    """Argon2 for low-entropy secrets (passwords, PINs), off the event loop."""
    return await anyio.to_thread.run_sync(_hasher.hash, value, limiter=_hashing)


async def check_secret(stored_hash: str, value: str) -> bool:
    if not stored_hash:
        # Still spend the time, so a missing account looks like a wrong password.
        await anyio.to_thread.run_sync(_hasher.hash, value, limiter=_hashing)
        return False

    def verify() -> bool:
        try:
            return _hasher.verify(stored_hash, value)
        except (VerificationError, InvalidHashError):
            return False

    return await anyio.to_thread.run_sync(verify, limiter=_hashing)


def _sealing_key(secret_key: str) -> Fernet:
    """A key for sealing, made from the secret key (HKDF, its own purpose)."""
    raw = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"alongside: sealed secrets"
    ).derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(raw))


def seal(secret_key: str, value: str) -> str:
    """A secret we must read back (an authenticator app's), kept encrypted."""
    return _sealing_key(secret_key).encrypt(value.encode()).decode()


def unseal(secret_key: str, sealed: str) -> str:
    return _sealing_key(secret_key).decrypt(sealed.encode()).decode()


def is_sealed(stored: str) -> bool:
    """A Fernet token starts with its version byte, 0x80 ('gA' in base64); a
    base32 secret in clear holds only capitals and digits."""
    return stored.startswith("gA")
