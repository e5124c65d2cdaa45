"""Process-wide services shared by every request."""

from __future__ import annotations

from dataclasses import dataclass

from redis import asyncio as aioredis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.auth.passwords import PasswordHasher
from app.auth.sessions import SessionStore
from app.auth.throttle import SignInThrottle
from app.auth.tokens import TokenSigner
from app.realtime.hub import Hub
from app.settings import Settings


@dataclass
class Services:
    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    hasher: PasswordHasher
    signer: TokenSigner
    sessions: SessionStore
    hub: Hub
    sign_in_throttle: SignInThrottle
    # The shared Redis client, or None with the in-process stores; stop_services closes it.
    redis: aioredis.Redis | None = None
