from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String
from sqlmodel import Field, SQLModel

from app.models import columns


class Event(SQLModel, table=True):
    """A meetup; its chat is the private channel named by `channel_id`."""

    __tablename__ = "Events"
    # Ids appear in cursors, so SQLite must never hand out a deleted row's id again.
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, sa_column=Column("ID", Integer, primary_key=True))
    title: str = Field(sa_column=Column("Title", String(columns.TITLE_MAX), nullable=False))
    date_time: str = Field(
        sa_column=Column("EventDateTime", String(columns.EVENT_DATETIME_MAX), nullable=False)
    )
    channel_id: int = Field(sa_column=Column("ChannelID", Integer, ForeignKey("Channels.ID"), nullable=False))
    location: str = Field(sa_column=Column("LocationOfEvent", String(columns.LOCATION_MAX), nullable=False))
    description: str = Field(
        sa_column=Column("DescriptionOfEvent", String(columns.DESCRIPTION_MAX), nullable=False)
    )
    creator_id: int | None = Field(
        default=None,
        sa_column=Column("Creator", Integer, ForeignKey("Users.ID")),
    )
