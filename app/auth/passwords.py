"""bcrypt hashing, always run in a worker thread so the event loop keeps serving."""

from __future__ import annotations

import asyncio

import bcrypt

# bcrypt only reads the first 72 bytes of a password; longer input is rejected by validation.
PASSWORD_MAX_BYTES = 72


class PasswordHasher:
    """Hashes and verifies passwords at a fixed bcrypt cost."""

    def __init__(self, rounds: int) -> None:
        self.rounds = rounds
        # Verifying against this hash when an email is unknown makes a failed sign-in take
        # about as long whether or not the account exists. It is made on first use, off the loop.
        self._decoy_hash: bytes | None = None

    async def hash(self, password: str) -> str:
        return await asyncio.to_thread(_hash_sync, password.encode(), self.rounds)

    async def verify(self, password: str, password_hash: str | None) -> bool:
        """Check a password; a missing hash is checked against a decoy and always fails."""
        if password_hash is None:
            if self._decoy_hash is None:
                self._decoy_hash = (await self.hash("decoy password")).encode()
            await asyncio.to_thread(_verify_sync, password.encode(), self._decoy_hash)
            return False
        return await asyncio.to_thread(_verify_sync, password.encode(), password_hash.encode())


def _hash_sync(password: bytes, rounds: int) -> str:
    return bcrypt.hashpw(password, bcrypt.gensalt(rounds)).decode()


def _verify_sync(password: bytes, password_hash: bytes) -> bool:
    # The earlier service wrote `$2a$` hashes; bcrypt verifies them as they are.
    try:
        return bcrypt.checkpw(password, password_hash)
    except ValueError:
        return False
