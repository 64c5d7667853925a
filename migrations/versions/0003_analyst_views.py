"""analyst views: meetings, person activity and travel, mention statistics, data quality

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

from migrations.views import apply_views, drop_views

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Dependency order: v_person_activity reads v_person_visits_abroad (drop_views reverses it).
VIEWS = [
    "v_person_meetings",
    "v_person_visits_abroad",
    "v_person_activity",
    "v_mention_monthly",
    "v_entity_mentions",
    "v_rejected_files",
    "v_article_facts",
    "v_discovered_persons",
]


def upgrade() -> None:
    apply_views(VIEWS, revision)  # as written then: migrations/sql/0003/ if changed since


def downgrade() -> None:
    drop_views(VIEWS)
