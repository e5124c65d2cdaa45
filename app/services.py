"""Build and close the process-wide services from settings."""

from __future__ import annotations

import logging
from functools import partial

from broadcaster import Broadcast
from redis import asyncio as aioredis

from app.auth.passwords import PasswordHasher
from app.auth.sessions import MemorySessionStore, RedisSessionStore, SessionStore
from app.auth.throttle import MemorySignInThrottle, RedisSignInThrottle, SignInThrottle
from app.auth.tokens import TokenSigner
from app.db import create_engine, create_sessionmaker
from app.realtime.hub import Hub
from app.realtime.locks import ChannelLocks
from app.realtime.redis_backend import ReconnectingRedisBackend
from app.resolvers.access import load_audience
from app.resolvers.services import Services
from app.settings import Settings

logger = logging.getLogger(__name__)


class ConfigurationError(RuntimeError):
    """Settings that cannot work together. The message names the variable to set."""


def check_settings(settings: Settings) -> None:
    """Raise `ConfigurationError` for settings that cannot work together."""
    if settings.redis_url and not settings.session_key:
        raise ConfigurationError(
            "SESSION_KEY must be set when REDIS_URL is set: every process must sign and "
            "check session tokens with the same key"
        )


def _redis_client(settings: Settings) -> aioredis.Redis | None:
    """Create the one client that sessions, the sign-in throttle, channel locks and /readyz share."""
    if settings.redis_url is None:
        return None
    return aioredis.Redis.from_url(
        settings.redis_url,
        socket_timeout=settings.redis_timeout,
        socket_connect_timeout=settings.redis_timeout,
    )


def _session_store(settings: Settings, redis: aioredis.Redis | None) -> SessionStore:
    if redis is None:
        return MemorySessionStore(settings.session_ttl)
    return RedisSessionStore(redis, settings.session_ttl)


def _channel_locks(settings: Settings, redis: aioredis.Redis | None) -> ChannelLocks:
    return ChannelLocks(redis, wait_seconds=settings.redis_timeout)


def _sign_in_throttle(settings: Settings, redis: aioredis.Redis | None) -> SignInThrottle:
    if redis is None:
        return MemorySignInThrottle(settings.sign_in_max_failures, settings.sign_in_window)
    return RedisSignInThrottle(redis, settings.sign_in_max_failures, settings.sign_in_window)


def _broadcast(settings: Settings) -> Broadcast:
    if settings.redis_url is None:
        return Broadcast("memory://")
    return Broadcast(backend=ReconnectingRedisBackend(settings.redis_url, timeout=settings.redis_timeout))


async def start_services(settings: Settings) -> Services:
    engine = create_engine(settings)
    sessionmaker = create_sessionmaker(engine)
    redis = _redis_client(settings)
    sessions = _session_store(settings, redis)
    hub = Hub(
        _broadcast(settings),
        partial(load_audience, sessionmaker),
        sessions.user_id,
        queue_size=settings.subscriber_queue_size,
        publish_timeout=settings.redis_timeout,
        locks=_channel_locks(settings, redis),
    )
    await hub.start()
    services = Services(
        settings=settings,
        engine=engine,
        sessionmaker=sessionmaker,
        hasher=PasswordHasher(settings.bcrypt_rounds),
        signer=TokenSigner(settings.signing_key()),
        sessions=sessions,
        hub=hub,
        sign_in_throttle=_sign_in_throttle(settings, redis),
        redis=redis,
    )
    logger.info(
        "services.started database=%s redis=%s",
        engine.url.render_as_string(hide_password=True),
        "configured" if settings.redis_url else "in-process",
    )
    return services


async def stop_services(services: Services) -> None:
    await services.hub.stop()
    if services.redis is not None:
        await services.redis.aclose()
    await services.engine.dispose()
    logger.info("services.stopped")
