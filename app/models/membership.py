from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel


class ChannelMember(SQLModel, table=True):
    """One member of one channel."""

    __tablename__ = "ChannelsJoinMembers"
    __table_args__ = (
        UniqueConstraint("ChannelID", "MemberID", name="uq_ChannelsJoinMembers_ChannelID_MemberID"),
    )

    id: int | None = Field(default=None, sa_column=Column("CJMID", Integer, primary_key=True))
    channel_id: int = Field(sa_column=Column("ChannelID", Integer, nullable=False))
    member_id: int = Field(sa_column=Column("MemberID", Integer, nullable=False, index=True))


class EventAttendee(SQLModel, table=True):
    """One user who joined one event."""

    __tablename__ = "UsersJoinEvents"
    __table_args__ = (
        UniqueConstraint("UserID", "EventID", name="uq_UsersJoinEvents_UserID_EventID"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, sa_column=Column("UJM", Integer, primary_key=True))
    user_id: int = Field(sa_column=Column("UserID", Integer, ForeignKey("Users.ID"), nullable=False))
    event_id: int = Field(sa_column=Column("EventID", Integer, ForeignKey("Events.ID"), nullable=False))
