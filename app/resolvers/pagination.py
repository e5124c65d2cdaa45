"""Relay-style cursor pages shared by every connection."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Generic, TypeVar

from app.errors import InvalidInput

Item = TypeVar("Item")

MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class Page(Generic[Item]):
    items: list[Item]
    cursors: list[str]
    has_next_page: bool
    has_previous_page: bool
    total_count: int


def encode_cursor(kind: str, row_id: int) -> str:
    return base64.urlsafe_b64encode(f"{kind}:{row_id}".encode()).decode()


def decode_cursor(field: str, kind: str, cursor: str | None) -> int | None:
    """Return the row id inside a cursor of this kind, or raise `InvalidInput` naming the argument."""
    if cursor is None:
        return None
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    prefix, _, number = text.partition(":")
    # ASCII digits only, and few enough that the id fits a 64-bit database integer.
    if prefix != kind or not (number.isascii() and number.isdigit()) or len(number) > 18:
        raise InvalidInput(field, f"{field} is not a valid {kind} cursor")
    return int(number)


def page_size(field: str, value: int | None, default: int) -> int:
    if value is None:
        return default
    if value < 0 or value > MAX_PAGE_SIZE:
        raise InvalidInput(field, f"{field} must be between 0 and {MAX_PAGE_SIZE}, got {value}")
    return value
