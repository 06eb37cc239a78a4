"""Passwords and PINs are kept as Argon2id hashes made with OWASP's setting for
passwords (19 MiB, two passes, one lane), no more than two at a time in a process:
a burst of sign-ins cannot take the server's memory (argon2-cffi's default holds
64 MiB for each hash while it runs), and older hashes still verify."""

import anyio
from argon2 import PasswordHasher

from server.auth.secrets import _hashing, check_secret, hash_secret
from tests.limits import watched


async def test_a_secret_is_hashed_with_owasps_argon2id_setting():
    stored = await hash_secret("correct horse")
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert await check_secret(stored, "correct horse")
    assert not await check_secret(stored, "wrong horse")


async def test_a_hash_made_with_the_old_setting_still_verifies():
    older = PasswordHasher().hash("2468")  # 64 MiB, three passes, four lanes
    assert await check_secret(older, "2468")
    assert not await check_secret(older, "1357")


async def test_no_more_than_two_secrets_are_hashed_at_once():
    async def sign_ins() -> None:
        async with anyio.create_task_group() as group:
            for _ in range(6):
                group.start_soon(hash_secret, "correct horse")
            group.start_soon(check_secret, "", "no account")

    _, borrowed, waiting = await watched(_hashing, sign_ins)
    assert borrowed == 2
    assert waiting >= 4  # the rest waited their turn
