from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Column, DateTime, Integer, String
from sqlmodel import Field, SQLModel

from app.models import columns

GENERAL_CHANNEL_NAME = "General"


class Channel(SQLModel, table=True):
    """A chat channel: public, or private to its members."""

    __tablename__ = "Channels"

    id: int | None = Field(default=None, sa_column=Column("ID", Integer, primary_key=True))
    name: str = Field(sa_column=Column("ChannelName", String(columns.CHANNEL_NAME_MAX), nullable=False))
    description: str | None = Field(
        default=None,
        sa_column=Column("ChannelDescription", String(columns.CHANNEL_DESCRIPTION_MAX)),
    )
    private: bool = Field(sa_column=Column("PrivateChannel", Boolean, nullable=False))
    created_at: datetime = Field(
        default_factory=columns.utc_now, sa_column=Column("TimeCreated", DateTime, nullable=False)
    )
    creator_id: int | None = Field(default=None, sa_column=Column("Creator", Integer))
    edited_at: datetime | None = Field(default=None, sa_column=Column("LastUpdated", DateTime))
