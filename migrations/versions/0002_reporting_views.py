"""reporting views: article mentions, event participation, event articles, provenance, membership

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from migrations.views import apply_views, drop_views

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = [
    "v_article_mentions",
    "v_event_participation",
    "v_event_articles",
    "v_provenance",
    "v_membership",
]


def upgrade() -> None:
    apply_views(VIEWS, revision)  # as written then: migrations/sql/0002/ if changed since


def downgrade() -> None:
    drop_views(VIEWS)
