from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime, Index, Integer, String
from sqlmodel import Field, SQLModel

from app.models import columns


class Message(SQLModel, table=True):
    """A chat message posted to a channel."""

    __tablename__ = "Messages"
    __table_args__ = (
        Index("ix_Messages_ChannelID_ID", "ChannelID", "ID"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, sa_column=Column("ID", Integer, primary_key=True))
    channel_id: int = Field(sa_column=Column("ChannelID", Integer, nullable=False))
    body: str = Field(sa_column=Column("Body", String(columns.MESSAGE_BODY_MAX), nullable=False))
    created_at: datetime = Field(
        default_factory=columns.utc_now, sa_column=Column("TimeCreated", DateTime, nullable=False)
    )
    creator_id: int = Field(sa_column=Column("Creator", Integer, nullable=False))
    edited_at: datetime | None = Field(default=None, sa_column=Column("LastUpdated", DateTime))
