from __future__ import annotations

from sqlalchemy import Column, Integer, String
from sqlmodel import Field, SQLModel

from app.models import columns


class User(SQLModel, table=True):
    """A person who signs in, publishes and joins events, and chats."""

    __tablename__ = "Users"

    id: int | None = Field(default=None, sa_column=Column("ID", Integer, primary_key=True))
    email: str = Field(sa_column=Column("Email", String(columns.EMAIL_MAX), nullable=False, unique=True))
    pass_hash: str = Field(sa_column=Column("PassHash", String(columns.PASSHASH_MAX), nullable=False))
    user_name: str = Field(
        sa_column=Column("UserName", String(columns.USER_NAME_MAX), nullable=False, unique=True)
    )
    first_name: str | None = Field(
        default=None, sa_column=Column("FirstName", String(columns.FIRST_NAME_MAX))
    )
    last_name: str | None = Field(default=None, sa_column=Column("LastName", String(columns.LAST_NAME_MAX)))
    photo_url: str = Field(sa_column=Column("PhotoURL", String(columns.PHOTO_URL_MAX), nullable=False))
