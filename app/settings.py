"""Service settings, read once from the environment and an optional `.env` file."""

from __future__ import annotations

import logging
import secrets
from functools import lru_cache
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

logger = logging.getLogger(__name__)

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./meetup.db"


class Settings(BaseSettings):
    """Configuration of one service process; every field maps to an upper-case variable."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = DEFAULT_DATABASE_URL
    redis_url: str | None = None
    session_key: str | None = None
    session_ttl: int = Field(default=7 * 24 * 3600, gt=0)
    bcrypt_rounds: int = Field(default=12, ge=4, le=31)
    cors_origins: str = "*"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["text", "json"] = "text"
    log_sql: bool = False
    db_pool_size: int = Field(default=10, ge=1)
    db_connect_timeout: float = Field(default=5.0, gt=0)
    redis_timeout: float = Field(default=2.0, gt=0)
    subscriber_queue_size: int = Field(default=256, ge=1)
    max_body_bytes: int = Field(default=1_000_000, ge=1024)
    sign_in_max_failures: int = Field(default=10, ge=1)
    sign_in_window: int = Field(default=300, ge=1)

    @field_validator("log_level", "log_format", mode="before")
    @classmethod
    def _normalize_case(cls, value: object, info: ValidationInfo) -> object:
        if not isinstance(value, str):
            return value
        return value.strip().upper() if info.field_name == "log_level" else value.strip().lower()

    @field_validator("redis_url", "session_key", mode="before")
    @classmethod
    def _empty_means_unset(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @property
    def allowed_origins(self) -> list[str]:
        """Origins from CORS_ORIGINS, a comma-separated list where `*` allows any origin."""
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]

    @property
    def uses_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def signing_key(self) -> bytes:
        """Return SESSION_KEY as bytes, generating a process-local key when it is unset."""
        if self.session_key is None:
            logger.warning(
                "settings.session_key_generated: SESSION_KEY is unset, so a random key was "
                "generated and every session ends when this process stops"
            )
            self.session_key = secrets.token_urlsafe(32)
        return self.session_key.encode()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
