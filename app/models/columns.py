"""Column limits shared by the tables, the input validation and the REST shim's OpenAPI document."""

from __future__ import annotations

from datetime import UTC, datetime

EMAIL_MAX = 255
PASSHASH_MAX = 72
USER_NAME_MAX = 255
FIRST_NAME_MAX = 128
LAST_NAME_MAX = 128
PHOTO_URL_MAX = 2083
TITLE_MAX = 255
EVENT_DATETIME_MAX = 255
LOCATION_MAX = 255
DESCRIPTION_MAX = 255
CHANNEL_NAME_MAX = 255
CHANNEL_DESCRIPTION_MAX = 255
MESSAGE_BODY_MAX = 255
CLIENT_IP_MAX = 60


def utc_now() -> datetime:
    """Return the current UTC time without tzinfo, as DATETIME columns store it."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)
