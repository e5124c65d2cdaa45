"""Never reuse ids on SQLite for rows that cursors point at.

Without AUTOINCREMENT, SQLite gives a new row the largest id in use plus one, so after
the newest message is deleted the next message takes its id. A client that reconnects
with `messages(after:)` holding that id would then miss the new message. MySQL and
MariaDB never hand out an AUTO_INCREMENT value twice, so this revision changes nothing
there.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The tables whose ids appear in cursors: messages, events, and event attendees.
CURSOR_TABLES = ("Messages", "Events", "UsersJoinEvents")


def _rebuild(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in CURSOR_TABLES:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass


def upgrade() -> None:
    _rebuild(autoincrement=True)


def downgrade() -> None:
    _rebuild(autoincrement=False)
