"""Load the reviewed knowledge files (etl/knowledge/) into one immutable `KnowledgeBase`.

Official state names come from libraries (pycountry for the ISO list and alpha-3, Babel's CLDR
for German and English names) so that nobody retypes them; the YAML/CSV files only add what no
library has. The knowledge base is frozen and cached, so that the automata built from it
(etl.gazetteer) can be cached per knowledge base too.
"""

from __future__ import annotations

import calendar
import csv
import functools
import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pycountry
import yaml
from babel import Locale

from etl.positions import POSITION_ROLES, ROLE_NOUN_ROLES

DEFAULT_PATH = Path(__file__).resolve().parent / "knowledge"

# The roles a position or role noun may have: the same list the schema's CHECK uses.
ROLES = ROLE_NOUN_ROLES


@dataclass(frozen=True)
class State:
    code: str
    alpha3: str
    name_de: str
    name_en: str
    names: tuple[str, ...]  # German surface names, official name first
    adjective_stems: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None  # place key
    metonyms: tuple[str, ...] = ()
    capital_metonym: bool = True
    family_name_first: bool = False
    sovereign: bool = True
    un_member: bool = True


@dataclass(frozen=True)
class Membership:
    state: str
    kind: str
    since: date | None = None
    until: date | None = None  # the last day, inclusive (`parse_date(..., end=True)`)

    def held_on(self, day: date | None) -> bool:
        """Whether the membership held on ``day``, both ends inclusive like `Position.valid_on`.
        Without a day only a membership that has not ended is certain to hold."""
        if day is None:
            return self.until is None
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until
        )


@dataclass(frozen=True)
class Organization:
    key: str
    name: str
    name_en: str | None = None
    abbreviation: str | None = None
    aliases: tuple[str, ...] = ()
    kind: str = "intergovernmental"
    members: tuple[Membership, ...] = ()
    # Names too ambiguous alone ("Wagner" the surname) that name the organization only as
    # the first part of a hyphen compound ("Wagner-Chef", "Wagner-Kämpfer").
    compound_prefixes: tuple[str, ...] = ()
    seat: str | None = None  # place key of the headquarters

    @property
    def surfaces(self) -> tuple[str, ...]:
        out = [self.name, *([self.abbreviation] if self.abbreviation else []), *self.aliases]
        if self.name_en:
            out.append(self.name_en)
        return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class Position:
    title: str
    role: str
    state: str | None = None
    organization: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None

    def valid_on(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    gender: str | None = None
    state: str | None = None
    positions: tuple[Position, ...] = ()

    def title_on(self, on: date | None) -> str | None:
        """The title an article of that date would give the person (latest if unknown)."""
        valid = [p for p in self.positions if on is None or p.valid_on(on)]
        if on is None:
            valid = [p for p in self.positions if p.valid_to is None] or list(self.positions)
        if not valid:
            return None
        return max(valid, key=lambda p: p.valid_from or date.min).title


@dataclass(frozen=True)
class Place:
    key: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "city"  # city | region (capitals are cities; states.yaml names them)
    state: str | None = None


@dataclass(frozen=True)
class RoleNoun:
    """A role noun as written (base form) and the position it refers to."""

    noun: str
    role: str
    state: str | None = None
    organization: str | None = None


@dataclass(frozen=True)
class KnowledgeBase:
    states: Mapping[str, State]
    organizations: Mapping[str, Organization]
    persons: Mapping[str, Person]
    places: Mapping[str, Place]
    roles: tuple[RoleNoun, ...]
    group_nouns: frozenset[str]
    version: str
    # (role, state, None) and (role, None, organization) -> positions with the person key
    _positions: Mapping[tuple[str, str | None, str | None], tuple[tuple[Position, str], ...]] = (
        field(default_factory=dict, repr=False)
    )

    def __hash__(self) -> int:  # identity of a loaded knowledge base is its content hash
        return hash(self.version)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, KnowledgeBase) and other.version == self.version

    def holders(
        self,
        role: str,
        state: str | None = None,
        organization: str | None = None,
        on: date | None = None,
    ) -> list[tuple[Position, Person]]:
        """Every (position, person) for that role, in office on ``on`` (``None``: now, or
        last if nobody is), latest start first."""
        if state is None and organization is None:
            return []
        index_key = (role, state, None) if state is not None else (role, None, organization)
        cands = [
            (pos, key)
            for pos, key in self._positions.get(index_key, ())
            if organization is None or pos.organization == organization
        ]
        if on is not None:
            cands = [(p, k) for p, k in cands if p.valid_on(on)]
        elif any(p.valid_to is None for p, _ in cands):
            cands = [(p, k) for p, k in cands if p.valid_to is None]
        cands.sort(key=lambda pk: pk[0].valid_from or date.min, reverse=True)
        return [(p, self.persons[k]) for p, k in cands]

    def holder(
        self,
        role: str,
        state: str | None = None,
        organization: str | None = None,
        on: date | None = None,
    ) -> Person | None:
        """Who held the position on that date (``on=None``: who holds it now, or last did).

        Returns None when the knowledge base does not know, never a guess: an unresolved role
        noun is better than a wrong person. Overlapping terms in the data: the one who started
        last is in office.
        """
        found = self.holders(role, state, organization, on)
        return found[0][1] if found else None


# ---------------------------------------------------------------------------- parsing helpers


def parse_date(value: Any, end: bool = False) -> date | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` (or a YAML date); ``end`` gives the period's last day."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], last if end else 1)
    return date(parts[0], parts[1], parts[2])


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _parse_member(text: str, kind: str) -> Membership:
    """`CODE`, `CODE@since`, `CODE@since..until` or `CODE..until`."""
    code, _, dates = str(text).partition("@")
    if ".." in code:
        code, _, until = code.partition("..")
        return Membership(code.strip(), kind, None, parse_date(until, end=True))
    since, _, until = dates.partition("..")
    return Membership(code.strip(), kind, parse_date(since), parse_date(until, end=True))


# ---------------------------------------------------------------------------- loaders


def _load_states(data: Mapping[str, Any]) -> dict[str, State]:
    de = Locale("de").territories
    en = Locale("en").territories
    entries: dict[str, tuple[str, str]] = {
        c.alpha_2: (c.alpha_3, c.name) for c in pycountry.countries
    }
    entries.setdefault("XK", ("XKX", "Kosovo"))  # user-assigned code, not in ISO 3166-1 proper
    states: dict[str, State] = {}
    for code, (alpha3, iso_name) in sorted(entries.items()):
        extra = data.get(code) or {}
        listed = code in data
        name_de = de.get(code, iso_name)
        drop = set(_tuple(extra.get("drop_names")))
        names = tuple(
            n for n in dict.fromkeys([name_de, *_tuple(extra.get("names"))]) if n not in drop
        )
        sovereign = bool(extra.get("sovereign", listed))
        states[code] = State(
            code=code,
            alpha3=alpha3,
            name_de=name_de,
            name_en=en.get(code, iso_name),
            names=names,
            adjective_stems=_tuple(extra.get("adjectives")),
            demonyms=_tuple(extra.get("demonyms")),
            capital=extra.get("capital"),
            metonyms=_tuple(extra.get("metonyms")),
            capital_metonym=bool(extra.get("capital_metonym", True)),
            family_name_first=bool(extra.get("family_name_first", False)),
            sovereign=sovereign,
            un_member=sovereign and bool(extra.get("un", True)),
        )
    return states


def _load_organizations(
    data: Iterable[Mapping[str, Any]], states: Mapping[str, State]
) -> dict[str, Organization]:
    orgs: dict[str, Organization] = {}
    for entry in data or ():
        members: list[Membership] = []
        for kind, codes in (entry.get("members") or {}).items():
            members.extend(_parse_member(c, kind) for c in codes)
        if entry.get("all_sovereign_members"):
            listed = {m.state for m in members}
            members.extend(
                Membership(s.code, "member")
                for s in states.values()
                if s.un_member and s.code not in listed
            )
        org = Organization(
            key=str(entry["key"]),
            name=str(entry["name"]),
            name_en=entry.get("name_en"),
            abbreviation=entry.get("abbreviation"),
            aliases=_tuple(entry.get("aliases")),
            kind=str(entry.get("kind", "intergovernmental")),
            members=tuple(members),
            compound_prefixes=_tuple(entry.get("compound_prefixes")),
            seat=entry.get("seat"),
        )
        if org.key in orgs:
            raise ValueError(f"duplicate organization key {org.key!r}")
        orgs[org.key] = org
    return orgs


def _organization_index(orgs: Mapping[str, Organization]) -> dict[str, str]:
    """Key, abbreviation and names (case-folded) -> organization key, so that persons files may
    name an organization the way people write it ("NATO", "UN") rather than by its file key."""
    index: dict[str, str] = {}
    for org in orgs.values():
        for name in (org.abbreviation, org.name, org.name_en, *org.aliases):
            if name:
                index.setdefault(name.casefold(), org.key)
    for org in orgs.values():
        index[org.key.casefold()] = org.key
    return index


def _load_persons(
    files: Iterable[Path], orgs: Mapping[str, Organization] | None = None
) -> dict[str, Person]:
    org_index = _organization_index(orgs or {})
    persons: dict[str, Person] = {}
    for path in files:
        for entry in read_knowledge_yaml(path) or ():
            positions = tuple(
                Position(
                    title=str(p.get("title", "")),
                    role=_check_role(
                        str(p.get("role", "other")),
                        POSITION_ROLES,
                        f"{path.name} (person {entry.get('key')})",
                    ),
                    state=p.get("state"),
                    organization=(
                        org_index.get(str(p["organization"]).casefold(), str(p["organization"]))
                        if p.get("organization")
                        else None
                    ),
                    valid_from=parse_date(p.get("from")),
                    valid_to=parse_date(p.get("to"), end=True),
                )
                for p in entry.get("positions") or ()
            )
            person = Person(
                key=str(entry["key"]),
                name=str(entry["name"]),
                aliases=_tuple(entry.get("aliases")),
                short=_tuple(entry.get("short")),
                gender=entry.get("gender"),
                state=entry.get("state"),
                positions=positions,
            )
            if person.key in persons:
                raise ValueError(f"duplicate person key {person.key!r} in {path.name}")
            persons[person.key] = person
    return persons


def _load_places(path: Path) -> dict[str, Place]:
    places: dict[str, Place] = {}
    if not path.exists():
        return places
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            key = row["key"].strip()
            if not key:
                continue
            places[key] = Place(
                key=key,
                name=row["name"].strip(),
                aliases=tuple(
                    a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()
                ),
                kind=(row.get("kind") or "city").strip(),
                state=(row.get("state") or "").strip() or None,
            )
    return places


def _check_role(role: str, allowed: tuple[str, ...], where: str) -> str:
    """A role outside the shared list would only fail later, at the database's CHECK
    constraint in the middle of a load; say which knowledge entry is wrong instead."""
    if role not in allowed:
        raise ValueError(f"unknown role {role!r} in {where}; allowed: {', '.join(allowed)}")
    return role


def _load_roles(data: Mapping[str, Any]) -> tuple[tuple[RoleNoun, ...], frozenset[str]]:
    roles: list[RoleNoun] = []
    for entry in data.get("roles") or ():
        _check_role(str(entry["role"]), ROLE_NOUN_ROLES, "roles.yaml")
        for noun in _tuple(entry.get("nouns")):
            roles.append(
                RoleNoun(noun, str(entry["role"]), entry.get("state"), entry.get("organization"))
            )
    return tuple(roles), frozenset(_tuple(data.get("group_nouns")))


def _read_yaml(path: Path) -> Any:
    return read_knowledge_yaml(path) if path.exists() else None


class KnowledgeLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML 1.1 reads a bare ``NO`` (Norway's ISO code) as ``false``, and ``ON``, ``YES`` and
    ``OFF`` as booleans too; in these files a value is a code or a word, and only
    ``true``/``false`` are booleans. The C loader where libyaml is installed: the knowledge
    files are parsed on every start. Every file under ``etl/knowledge`` is read with it,
    the extractors' lexicons included."""


KnowledgeLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
KnowledgeLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_knowledge_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=KnowledgeLoader)  # noqa: S506


def _files(root: Path) -> list[Path]:
    """Every knowledge file, the lexicons of the extractors (`events.yaml`,
    `memberships.yaml`) included: a new trigger or cue word changes what an article yields as
    much as a new person does, so it must make the warehouse re-extract too."""
    return sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".csv") and p.is_file())


def _version(files: Iterable[Path], root: Path) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(str(f.relative_to(root)).encode())
        h.update(b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:12]


def load_knowledge_base(path: str | Path | None = None) -> KnowledgeBase:
    """Read every knowledge file below ``path``; cached per folder.

    The default is ``NEWSFACTS_KNOWLEDGE`` or etl/knowledge, so that a reviewer can run the
    whole pipeline against an edited copy of the knowledge base without touching the code."""
    if path is None:
        path = os.environ.get("NEWSFACTS_KNOWLEDGE") or DEFAULT_PATH
    return _load(Path(path).resolve())


@functools.lru_cache(maxsize=8)
def _load(root: Path) -> KnowledgeBase:
    files = _files(root)
    states = _load_states(_read_yaml(root / "states.yaml") or {})
    orgs = _load_organizations(_read_yaml(root / "organizations.yaml") or [], states)
    persons = _load_persons(sorted((root / "persons").glob("*.yaml")), orgs)
    places = _load_places(root / "places.csv")
    roles, group_nouns = _load_roles(_read_yaml(root / "roles.yaml") or {})
    positions: dict[tuple[str, str | None, str | None], list[tuple[Position, str]]] = {}
    for p in persons.values():
        for pos in p.positions:
            if pos.state:
                positions.setdefault((pos.role, pos.state, None), []).append((pos, p.key))
            if pos.organization:
                positions.setdefault((pos.role, None, pos.organization), []).append((pos, p.key))
    return KnowledgeBase(
        states=states,
        organizations=orgs,
        persons=persons,
        places=places,
        roles=roles,
        group_nouns=group_nouns,
        version=_version(files, root),
        _positions={k: tuple(v) for k, v in positions.items()},
    )
