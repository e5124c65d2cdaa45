"""Create the earlier system's tables where they do not exist yet.

A database created by the earlier system already has these tables. Each one is
created only when it is missing, and existing rows are never touched.

Revision ID: 0001
Revises:
Create Date: 2026-12-04
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MYSQL_OPTIONS: dict[str, Any] = {
    "mysql_charset": "utf8mb4",
    "mysql_collate": "utf8mb4_bin",
    "mysql_engine": "InnoDB",
}
EARLIER_TABLES = (
    "UserSignInLog",
    "UsersJoinEvents",
    "ChannelsJoinMembers",
    "Messages",
    "Events",
    "Channels",
    "Users",
)


def _create_missing_tables(existing: set[str]) -> None:
    if "Users" not in existing:
        op.create_table(
            "Users",
            sa.Column("ID", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("Email", sa.String(255), nullable=False, unique=True),
            sa.Column("PassHash", sa.String(72), nullable=False),
            sa.Column("UserName", sa.String(255), nullable=False, unique=True),
            sa.Column("FirstName", sa.String(128)),
            sa.Column("LastName", sa.String(128)),
            sa.Column("PhotoURL", sa.String(2083), nullable=False),
            **MYSQL_OPTIONS,
        )
    if "Channels" not in existing:
        op.create_table(
            "Channels",
            sa.Column("ID", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("ChannelName", sa.String(255), nullable=False),
            sa.Column("ChannelDescription", sa.String(255)),
            sa.Column("PrivateChannel", sa.Boolean, nullable=False),
            sa.Column("TimeCreated", sa.DateTime, nullable=False),
            sa.Column("Creator", sa.Integer),
            sa.Column("LastUpdated", sa.DateTime),
            **MYSQL_OPTIONS,
        )
    if "Events" not in existing:
        op.create_table(
            "Events",
            sa.Column("ID", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("Title", sa.String(255), nullable=False),
            sa.Column("EventDateTime", sa.String(255), nullable=False),
            sa.Column("ChannelID", sa.Integer, sa.ForeignKey("Channels.ID"), nullable=False),
            sa.Column("LocationOfEvent", sa.String(255), nullable=False),
            sa.Column("DescriptionOfEvent", sa.String(255), nullable=False),
            **MYSQL_OPTIONS,
        )
    if "Messages" not in existing:
        op.create_table(
            "Messages",
            sa.Column("ID", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("ChannelID", sa.Integer, nullable=False),
            sa.Column("Body", sa.String(255), nullable=False),
            sa.Column("TimeCreated", sa.DateTime, nullable=False),
            sa.Column("Creator", sa.Integer, nullable=False),
            sa.Column("LastUpdated", sa.DateTime),
            **MYSQL_OPTIONS,
        )
    if "ChannelsJoinMembers" not in existing:
        op.create_table(
            "ChannelsJoinMembers",
            sa.Column("CJMID", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("ChannelID", sa.Integer, nullable=False),
            sa.Column("MemberID", sa.Integer, nullable=False),
            **MYSQL_OPTIONS,
        )
    if "UsersJoinEvents" not in existing:
        op.create_table(
            "UsersJoinEvents",
            sa.Column("UJM", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("UserID", sa.Integer, sa.ForeignKey("Users.ID"), nullable=False),
            sa.Column("EventID", sa.Integer, sa.ForeignKey("Events.ID"), nullable=False),
            **MYSQL_OPTIONS,
        )
    if "UserSignInLog" not in existing:
        op.create_table(
            "UserSignInLog",
            sa.Column("UserID", sa.Integer, sa.ForeignKey("Users.ID"), nullable=False),
            sa.Column("SignInTime", sa.DateTime, nullable=False),
            sa.Column("ClientIP", sa.String(60)),
            **MYSQL_OPTIONS,
        )


def _ensure_general_channel() -> None:
    bind = op.get_bind()
    found = bind.execute(
        sa.text("SELECT ID FROM Channels WHERE ChannelName = 'General' AND Creator IS NULL")
    ).first()
    if found is None:
        bind.execute(
            sa.text(
                "INSERT INTO Channels (ChannelName, ChannelDescription, PrivateChannel, TimeCreated)"
                " VALUES ('General', 'Everyone can read and post here', :private, :now)"
            ),
            {"private": False, "now": datetime.now(UTC).replace(tzinfo=None, microsecond=0)},
        )


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    _create_missing_tables(existing)
    _ensure_general_channel()


def downgrade() -> None:
    for table in EARLIER_TABLES:
        op.drop_table(table)
