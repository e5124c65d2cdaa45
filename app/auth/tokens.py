"""Session tokens: 256 random bits plus an HMAC-SHA256 signature, checked before any store lookup."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets

SESSION_ID_BYTES = 32


def _encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class TokenSigner:
    """Issues tokens of the form `<session id>.<signature>` and verifies them."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def _sign(self, session_id: bytes) -> bytes:
        return hmac.new(self._key, session_id, hashlib.sha256).digest()

    def issue(self) -> tuple[str, str]:
        """Return a new token and the store key of its session."""
        session_id = secrets.token_bytes(SESSION_ID_BYTES)
        token = f"{_encode(session_id)}.{_encode(self._sign(session_id))}"
        return token, store_key(session_id)

    def verify(self, token: str) -> str | None:
        """Return the store key of a validly signed token, or None for anything else."""
        session_part, _, signature_part = token.partition(".")
        if not session_part or not signature_part or len(token) > 200:
            return None
        try:
            session_id = _decode(session_part)
            signature = _decode(signature_part)
        except (binascii.Error, ValueError):
            return None
        if len(session_id) != SESSION_ID_BYTES:
            return None
        if not hmac.compare_digest(signature, self._sign(session_id)):
            return None
        return store_key(session_id)


def store_key(session_id: bytes) -> str:
    # Stores hold a digest of the session id, so a leaked store never yields a usable token.
    return hashlib.sha256(session_id).hexdigest()


def bearer_token(header_value: str | None) -> str | None:
    """Extract the token from an `Authorization: Bearer <token>` value (scheme case-insensitive)."""
    if not header_value:
        return None
    scheme, _, token = header_value.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()
