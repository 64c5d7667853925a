"""The roles a person's position can have: one list for the knowledge base and the schema.

``position.role`` has a CHECK constraint over `POSITION_ROLES` (models.entities), and the
knowledge files (persons' positions, roles.yaml) must only use roles the warehouse accepts; both
read this module. It has no imports, so that the models can use it without pulling the
knowledge-base machinery (pycountry, Babel, YAML) in.
"""

from __future__ import annotations

# Changing this tuple changes the CHECK constraint of ``position.role``: it needs a migration.
POSITION_ROLES: tuple[str, ...] = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defense_minister",
    "spokesperson",
    "leader",
    "secretary_general",
    "other",
)

# Role nouns (roles.yaml) may also be "counterpart" (Kollege, Amtskollegin): the noun names a
# person of the adjective's state but says nothing about the position, so it is never stored.
ROLE_NOUN_ROLES: tuple[str, ...] = (*POSITION_ROLES, "counterpart")
