"""Input checks shared by every operation; each failure names the input field."""

from __future__ import annotations

import re
from datetime import datetime

from app.errors import InvalidInput

# A pragmatic address check: one @, no spaces, a dot in the domain. Delivery is the real test.
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def text(field: str, value: str | None, max_length: int, *, required: bool = True) -> str:
    """Return the value trimmed, or raise `InvalidInput` when it is empty or too long."""
    cleaned = (value or "").strip()
    if required and not cleaned:
        raise InvalidInput(field, f"{field} is required")
    if len(cleaned) > max_length:
        raise InvalidInput(
            field, f"{field} is too long: {len(cleaned)} characters, at most {max_length} allowed"
        )
    return cleaned


def optional_text(field: str, value: str | None, max_length: int) -> str | None:
    if value is None:
        return None
    return text(field, value, max_length, required=False) or None


def email(field: str, value: str, max_length: int) -> str:
    cleaned = text(field, value, max_length)
    if not EMAIL_PATTERN.match(cleaned):
        raise InvalidInput(field, f"{field} is not a valid email address")
    return cleaned


def iso_datetime(field: str, value: str, max_length: int) -> str:
    """Return an ISO 8601 date-time as entered, or raise when it has no time part or does not parse."""
    cleaned = text(field, value, max_length)
    try:
        parsed = datetime.fromisoformat(cleaned.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is None or len(cleaned) < len("YYYY-MM-DDTHH:MM"):
        raise InvalidInput(field, f"{field} must be an ISO 8601 date-time such as 2027-01-31T19:30:00+01:00")
    return cleaned


# The largest id accepted (18 digits). SQLite fails with OverflowError on integers past 2**63 - 1.
MAX_IDENTIFIER = 10**18 - 1


def identifier(field: str, value: str | int) -> int:
    """Parse an ID argument, raising `InvalidInput` for anything but a positive integer."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        raw = str(value).strip()
        # str.isdigit alone accepts digits such as "²" that int() rejects, so require ASCII.
        if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
            raise InvalidInput(field, f"{field} must be a positive integer id, got {str(value)[:40]!r}")
        number = int(raw)
    # Integers from REST JSON bodies skip the 18-digit string check above, so bound them here.
    if number <= 0 or number > MAX_IDENTIFIER:
        raise InvalidInput(field, f"{field} must be a positive integer id, got {str(value)[:40]!r}")
    return number
