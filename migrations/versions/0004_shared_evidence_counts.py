"""shared evidence counts: v_evidence_counts, read by the views that counted evidence themselves

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

from migrations.views import apply_views, drop_views

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The views this revision installs, the shared view first (the others read it). Their
# previous definitions are kept in migrations/sql/0002/ and migrations/sql/0003/.
VIEWS = [
    "v_evidence_counts",
    "v_event_participation",
    "v_event_articles",
    "v_membership",
    "v_article_facts",
]
PREVIOUS = {
    "0002": ["v_event_participation", "v_event_articles", "v_membership"],
    "0003": ["v_article_facts"],
}


def upgrade() -> None:
    apply_views(VIEWS, revision)


def downgrade() -> None:
    # Back to the definitions 0002 and 0003 installed, which read the tables directly; only
    # then is the shared view unused and can go.
    for previous, names in PREVIOUS.items():
        apply_views(names, previous)
    drop_views(["v_evidence_counts"])
