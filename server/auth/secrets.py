"""Secrets people hold (passwords, PINs, codes, cookie tokens) and how we keep
only hashes of them."""

from __future__ import annotations

import hashlib
import hmac
import secrets

import anyio.to_thread
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

#: Invitation codes avoid letters and digits that look alike (0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10

_hasher = PasswordHasher()


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
    return await anyio.to_thread.run_sync(_hasher.hash, value)


async def check_secret(stored_hash: str, value: str) -> bool:
    if not stored_hash:
        # Still spend the time, so a missing account looks like a wrong password.
        await anyio.to_thread.run_sync(_hasher.hash, value)
        return False

    def verify() -> bool:
        try:
            return _hasher.verify(stored_hash, value)
        except (VerificationError, InvalidHashError):
            return False

    return await anyio.to_thread.run_sync(verify)
