"""SQLAlchemy models: the one source of truth for the warehouse schema (Alembic diffs them)."""

from models.articles import Article, ArticleFile, ExtractionRun, RejectedArticle, SentenceRow
from models.base import Base
from models.entities import (
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    Place,
    PlaceAlias,
    Position,
    State,
    StateAlias,
)
from models.facts import (
    Event,
    EventEvidence,
    Membership,
    MembershipEvidence,
    MentionRow,
    Participation,
    ParticipationEvidence,
)

__all__ = [
    "Article",
    "ArticleFile",
    "Base",
    "Event",
    "EventEvidence",
    "ExtractionRun",
    "Membership",
    "MembershipEvidence",
    "MentionRow",
    "Organization",
    "OrganizationAlias",
    "Participation",
    "ParticipationEvidence",
    "Person",
    "PersonAlias",
    "Place",
    "PlaceAlias",
    "Position",
    "RejectedArticle",
    "SentenceRow",
    "State",
    "StateAlias",
]
