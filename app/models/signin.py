from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String
from sqlmodel import Field, SQLModel

from app.models import columns


class SignInLogEntry(SQLModel, table=True):
    """One successful sign-in. The `ID` key was added by the migrations; the earlier table had none."""

    __tablename__ = "UserSignInLog"

    id: int | None = Field(default=None, sa_column=Column("ID", Integer, primary_key=True))
    user_id: int = Field(sa_column=Column("UserID", Integer, ForeignKey("Users.ID"), nullable=False))
    signed_in_at: datetime = Field(
        default_factory=columns.utc_now, sa_column=Column("SignInTime", DateTime, nullable=False)
    )
    client_ip: str | None = Field(default=None, sa_column=Column("ClientIP", String(columns.CLIENT_IP_MAX)))
