"""Passwords and PINs are kept as Argon2id hashes made with OWASP's setting for
passwords (19 MiB, two passes, one lane), no more than two at a time in a process:
a burst of sign-ins cannot take the server's memory (argon2-cffi's default holds
64 MiB for each hash while it runs), and older hashes still verify."""

import anyio
from argon2 import PasswordHasher

from server.auth.secrets import _hashing, check_secret, hash_secret


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
    seen: list[tuple[int, int]] = []

    async def watch() -> None:
        while True:
            stats = _hashing.statistics()
            seen.append((stats.borrowed_tokens, stats.tasks_waiting))
            await anyio.sleep(0.002)

    async with anyio.create_task_group() as hashing:
        hashing.start_soon(watch)
        async with anyio.create_task_group() as sign_ins:
            for _ in range(6):
                sign_ins.start_soon(hash_secret, "correct horse")
            sign_ins.start_soon(check_secret, "", "no account")
        hashing.cancel_scope.cancel()
    assert max(borrowed for borrowed, _ in seen) == 2
    assert max(waiting for _, waiting in seen) >= 4  # the rest waited their turn
