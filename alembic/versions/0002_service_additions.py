"""Add what the service needs on top of the earlier schema, keeping every row.

- `Events.Creator`, which records who published an event;
- an `ID` key on `UserSignInLog`, which had none;
- unique member pairs on `ChannelsJoinMembers` and `UsersJoinEvents`. Rows that repeat
  an earlier pair move to `ChannelsJoinMembersDuplicates` and `UsersJoinEventsDuplicates`,
  so no row is lost, and a downgrade puts them back;
- indexes for message history and membership look-ups;
- utf8mb4 on MySQL/MariaDB, so that emoji round-trip, with the binary collation so that
  text compares as on SQLite: MySQL's `_ci` collations treat every emoji as equal and
  "é" as "e", which would make distinct user names collide. The service lower-cases
  where it wants case-insensitive comparison.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "Users",
    "Channels",
    "Events",
    "Messages",
    "ChannelsJoinMembers",
    "UsersJoinEvents",
    "UserSignInLog",
)
MEMBER_PAIRS = (
    ("ChannelsJoinMembers", "CJMID", "ChannelID", "MemberID"),
    ("UsersJoinEvents", "UJM", "UserID", "EventID"),
)


def _is_mysql() -> bool:
    return op.get_bind().dialect.name == "mysql"


def _convert_to_utf8mb4() -> None:
    for table in TABLES:
        op.execute(f"ALTER TABLE `{table}` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")


def _add_sign_in_log_key() -> None:
    if _is_mysql():
        op.execute("ALTER TABLE UserSignInLog ADD COLUMN ID INT NOT NULL AUTO_INCREMENT PRIMARY KEY FIRST")
        return
    # SQLite cannot add a primary key in place, so the table is rebuilt with its rows.
    op.create_table(
        "UserSignInLog_new",
        sa.Column("ID", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("UserID", sa.Integer, sa.ForeignKey("Users.ID"), nullable=False),
        sa.Column("SignInTime", sa.DateTime, nullable=False),
        sa.Column("ClientIP", sa.String(60)),
    )
    op.execute(
        "INSERT INTO UserSignInLog_new (UserID, SignInTime, ClientIP)"
        " SELECT UserID, SignInTime, ClientIP FROM UserSignInLog"
    )
    op.drop_table("UserSignInLog")
    op.rename_table("UserSignInLog_new", "UserSignInLog")


def _drop_sign_in_log_key() -> None:
    if _is_mysql():
        op.execute("ALTER TABLE UserSignInLog MODIFY ID INT NOT NULL")
        op.execute("ALTER TABLE UserSignInLog DROP PRIMARY KEY, DROP COLUMN ID")
        return
    with op.batch_alter_table("UserSignInLog", recreate="always") as batch:
        batch.drop_column("ID")


def _archive_name(table: str) -> str:
    return f"{table}Duplicates"


def _archive_duplicate_pairs(table: str, key: str, left: str, right: str) -> None:
    """Move every row that repeats an earlier pair into the archive table, keeping the oldest."""
    archive = _archive_name(table)
    # The derived table lets MySQL read the table it deletes from.
    repeats = (
        f"{key} NOT IN (SELECT keep_id FROM (SELECT MIN({key}) AS keep_id FROM {table}"
        f" GROUP BY {left}, {right}) AS kept)"
    )
    op.execute(f"CREATE TABLE {archive} AS SELECT * FROM {table} WHERE 1 = 0")
    op.execute(f"INSERT INTO {archive} SELECT * FROM {table} WHERE {repeats}")
    op.execute(f"DELETE FROM {table} WHERE {repeats}")


def _restore_duplicate_pairs(table: str) -> None:
    archive = _archive_name(table)
    op.execute(f"INSERT INTO {table} SELECT * FROM {archive}")
    op.drop_table(archive)


def upgrade() -> None:
    if _is_mysql():
        _convert_to_utf8mb4()

    with op.batch_alter_table("Events") as batch:
        batch.add_column(sa.Column("Creator", sa.Integer, nullable=True))
        batch.create_foreign_key("fk_Events_Creator_Users", "Users", ["Creator"], ["ID"])

    _add_sign_in_log_key()

    for table, key, left, right in MEMBER_PAIRS:
        _archive_duplicate_pairs(table, key, left, right)
        with op.batch_alter_table(table) as batch:
            batch.create_unique_constraint(f"uq_{table}_{left}_{right}", [left, right])

    op.create_index("ix_Messages_ChannelID_ID", "Messages", ["ChannelID", "ID"])
    op.create_index("ix_ChannelsJoinMembers_MemberID", "ChannelsJoinMembers", ["MemberID"])


def downgrade() -> None:
    op.drop_index("ix_ChannelsJoinMembers_MemberID", table_name="ChannelsJoinMembers")
    op.drop_index("ix_Messages_ChannelID_ID", table_name="Messages")

    if _is_mysql():
        # MariaDB lets the unique pair stand in for the index the UserID foreign key needs,
        # so that index must exist again before the pair can go.
        op.create_index("UserID", "UsersJoinEvents", ["UserID"])
    for table, _key, left, right in reversed(MEMBER_PAIRS):
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(f"uq_{table}_{left}_{right}", type_="unique")
        _restore_duplicate_pairs(table)

    _drop_sign_in_log_key()

    with op.batch_alter_table("Events") as batch:
        batch.drop_constraint("fk_Events_Creator_Users", type_="foreignkey")
        batch.drop_column("Creator")
