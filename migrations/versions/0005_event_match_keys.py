"""event_match_key: dedup's blocking index in the warehouse

Revision ID: 0005
Revises: 0004

The keys of existing events are computed by `etl.dedup` (they are not expressible in SQL), so
upgrading files the events of an older warehouse through `etl.load.index_missing_events`.
A later change to the key rules needs a revision that empties the table and calls it again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from etl.load import index_missing_events

    op.create_table(
        "event_match_key",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("match_key", sa.String(), nullable=False),
    )
    # the DuckDB connection under SQLAlchemy's, inside the migration's transaction
    index_missing_events(op.get_bind().connection.driver_connection)


def downgrade() -> None:
    op.drop_table("event_match_key")
