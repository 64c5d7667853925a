"""Deduplication: many reports of one happening become one event.

Reports of one happening are merged within an article and across articles; distinct happenings
must stay apart even when they share people ("Putin meets Xi in Beijing in May" and "in Astana
in July" are two events). The test is deliberately conjunctive: same type group, overlapping
dates, compatible place/state/organization, and compatible core participants (for talks, the
people of one report must be among those of the other, so Putin-Xi and Putin-Erdogan at the same
summit stay two meetings).

Everything here is a pure function of `EventFact` values so that the same code serves a batch
(`cluster`) and an incremental load that matches one new event against the warehouse
(`index_keys`/`probe_keys` + `same_event` + `merge`, or `EventIndex`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from etl.facts import EventFact, FuzzyDate, Participant

TYPE_GROUP = {"summit": "summit", "meeting": "meet", "visit": "meet"}
# how specific a type is when two of one group merge: a visit says more than "talks"
_TYPE_RANK = {"visit": 1, "meeting": 0}
# role precedence for one entity reported in two roles: absent only ever comes from an explicit
# negation or absence cue in extraction, so it outranks a plain "participant"
ROLE_RANK = {"participant": 0, "absent": 1, "target": 2, "perpetrator": 3, "host": 4}
_PRECISION = {"year": 0, "month": 1, "day": 2}
MULTI_DAY = frozenset({"summit", "visit"})
DAY_SLACK = 3  # a visit reported on the 16th and on the 17th is one visit
# An undated report ("Putin traf Xi") is about something within this many days of the day it
# was published; older or later happenings come with a date in news copy ("2014 annektierte").
# Not for one-off happenings that copy keeps recalling undated for years: a state joins an
# organization once, and "die Invasion" is the one that began in 2022.
REPORT_WINDOW_DAYS = 366
UNWINDOWED = frozenset({"accession", "attack"})


def group_of(event_type: str) -> str:
    return TYPE_GROUP.get(event_type, event_type)


def interval(start: FuzzyDate | None, end: FuzzyDate | None = None) -> tuple[date, date] | None:
    """The days a fuzzy start/end can cover."""
    if start is None:
        return None
    lo = start.value
    last = end or start
    v = last.value
    if last.precision == "year":
        hi = date(v.year, 12, 31)
    elif last.precision == "month":
        nxt = date(v.year + (v.month == 12), v.month % 12 + 1, 1)
        hi = nxt - timedelta(days=1)
    else:
        hi = v
    return lo, max(lo, hi)


def span(ev: EventFact) -> tuple[date, date] | None:
    """The days an event can cover for matching: its dates, else around the day it was reported.

    Without the fallback an undated report would match events of any date: wrong for a stream
    that spans years (two Putin-Xi meetings years apart glued by one undated mention), and
    costly, since the candidates of every undated report grow with the whole warehouse. None
    only for an undated report from an undated article, which still matches every date.
    """
    days = interval(ev.start, ev.end)
    if days is None and ev.reported is not None and ev.type not in UNWINDOWED:
        window = timedelta(days=REPORT_WINDOW_DAYS)
        return ev.reported - window, ev.reported + window
    return days


def spans_overlap(
    a: tuple[date, date] | None, b: tuple[date, date] | None, slack_days: int = 0
) -> bool:
    if a is None or b is None:
        return True
    slack = timedelta(days=slack_days)
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


def dates_overlap(
    a_start: FuzzyDate | None,
    a_end: FuzzyDate | None,
    b_start: FuzzyDate | None,
    b_end: FuzzyDate | None,
    slack_days: int = 0,
) -> bool:
    """True when the two fuzzy intervals can be the same time (unknown dates agree with all)."""
    return spans_overlap(interval(a_start, a_end), interval(b_start, b_end), slack_days)


def _entities(ev: EventFact, roles: Iterable[str] | None = None) -> set[tuple[str, str]]:
    wanted = set(roles) if roles is not None else None
    return {
        (p.kind, p.key)
        for p in ev.participants
        if p.role != "absent" and (wanted is None or p.role in wanted)
    }


def core(ev: EventFact) -> set[tuple[str, str]]:
    """Who an event is about: its persons when it names any, else its states/organizations."""
    ents = _entities(ev)
    persons = {e for e in ents if e[0] == "person"}
    return persons or ents


def _covers(small: set[tuple[str, str]], big: set[tuple[str, str]], big_ev: EventFact) -> bool:
    """Every entity of ``small`` is in ``big`` (a person's state counts for the person)."""
    big_states = {k for kind, k in big if kind == "state"}
    for kind, key in small:
        if (kind, key) in big:
            continue
        if kind == "state" and key in (big_ev.state,) and key is not None:
            continue
        if kind == "state" and key in big_states:
            continue
        return False
    return True


def same_event(a: EventFact, b: EventFact) -> bool:
    """Can reports ``a`` and ``b`` describe the same happening?"""
    if group_of(a.type) != group_of(b.type):
        return False
    slack = DAY_SLACK if a.type in MULTI_DAY or b.type in MULTI_DAY else 0
    if not spans_overlap(span(a), span(b), slack):
        return False
    if a.state and b.state and a.state != b.state:
        return False
    if a.organization and b.organization and a.organization != b.organization:
        return False
    group = group_of(a.type)
    ea, eb = _entities(a), _entities(b)
    if group == "summit":
        if a.organization and a.organization == b.organization:
            return True
        if a.state and a.state == b.state and a.place and a.place == b.place:
            return True
        shared = ea & eb - {("state", a.state), ("state", b.state)}  # the venue's state is no
        # shared guest; one undated report needs two: a leader who goes to every summit of a
        # month ties none of them to an undated "Gipfel"
        needed = 2 if (a.start is None) != (b.start is None) else 1
        return len(shared) >= needed and (a.state is not None or b.state is not None)
    if group == "accession":
        joined_a = {e for e in ea if e[0] == "state"}
        joined_b = {e for e in eb if e[0] == "state"}
        return bool(joined_a & joined_b)
    if group == "attack":
        ta, tb = _entities(a, ["target"]), _entities(b, ["target"])
        pa, pb = _entities(a, ["perpetrator"]), _entities(b, ["perpetrator"])
        if ta and tb and not ta & tb:
            return False
        if pa and pb and not pa & pb:
            return False
        if not (ta & tb or pa & pb):
            return False
        if a.start is None and b.start is None:
            return True
        return a.place is None or b.place is None or a.place == b.place or bool(a.state)
    ca, cb = core(a), core(b)
    if not ca or not cb:
        return False
    if group == "meet":
        if _remote(a) != _remote(b) and (a.state or b.state):
            return False  # a phone call is not the visit or talks held in a place
        # the visitor of a visit is who the event is about; hosts may go unnamed in a report
        if not (ca & cb or _state_overlap(a, b)):
            return False
        return _covers(ca, cb | eb, b) or _covers(cb, ca | ea, a)
    # agreements and the rest: one report's parties among the other's
    if not (ea & eb or _state_overlap(a, b)):
        return False
    sa = {e for e in ea if e[0] == "state"} - {("state", a.state)}
    sb = {e for e in eb if e[0] == "state"} - {("state", b.state)}
    if sa and sb and not (sa <= sb or sb <= sa):
        return False  # Trump's trade deals with Malaysia and Cambodia are no India-Pakistan truce
    return _covers(ca, eb | _person_states(b), b) or _covers(cb, ea | _person_states(a), a)


REMOTE_PREFIXES = ("telefon", "videoschalt", "videokonferenz")


def _remote(ev: EventFact) -> bool:
    """Reported as a phone or video call ("telefonierte ... und sprach über", "Telefonat")."""
    words = [e.surface.lower() for e in ev.evidence]
    return bool(words) and any(w.startswith(REMOTE_PREFIXES) for w in words)


def _person_states(ev: EventFact) -> set[tuple[str, str]]:
    """States that an event's persons stand for, known only through the event's own facts."""
    return {("state", p.key) for p in ev.participants if p.kind == "state"}


def _state_overlap(a: EventFact, b: EventFact) -> bool:
    sa = {p.key for p in a.participants if p.kind == "state" and p.role != "absent"}
    sb = {p.key for p in b.participants if p.kind == "state" and p.role != "absent"}
    return bool(sa & sb)


def _better_date(
    a: tuple[FuzzyDate | None, FuzzyDate | None],
    b: tuple[FuzzyDate | None, FuzzyDate | None],
    multi_day: bool,
) -> tuple[FuzzyDate | None, FuzzyDate | None]:
    (sa, ea), (sb, eb) = a, b
    if sa is None:
        return sb, eb
    if sb is None:
        return sa, ea
    pa, pb = _PRECISION[sa.precision], _PRECISION[sb.precision]
    if pa != pb:
        return (sa, ea) if pa > pb else (sb, eb)
    if multi_day and sa.precision == "day":
        days = [d for d in (sa, ea, sb, eb) if d is not None and d.precision == "day"]
        lo, hi = min(days, key=lambda d: d.value), max(days, key=lambda d: d.value)
        return lo, (hi if hi.value != lo.value else None)
    return sa, ea


def merge(a: EventFact, b: EventFact) -> EventFact:
    """One event from two reports of it: the more specific type, date and place win."""
    typ = a.type
    if group_of(a.type) == "meet" and _TYPE_RANK.get(b.type, 0) > _TYPE_RANK.get(a.type, 0):
        typ = b.type
    start, end = _better_date(
        (a.start, a.end), (b.start, b.end), a.type in MULTI_DAY or b.type in MULTI_DAY
    )
    roles: dict[tuple[str, str], str] = {}
    for p in [*a.participants, *b.participants]:
        k = (p.kind, p.key)
        old = roles.get(k)
        if old is None or ROLE_RANK[p.role] > ROLE_RANK[old]:
            roles[k] = p.role
    parts = sorted(
        (Participant(k[0], k[1], r) for k, r in roles.items()),  # type: ignore[arg-type]
        key=lambda p: (p.kind, p.key, p.role),
    )
    evidence = list(dict.fromkeys([*a.evidence, *b.evidence]))
    return replace(
        a,
        type=typ,
        status="occurred" if "occurred" in (a.status, b.status) else a.status,
        start=start,
        end=end,
        place=a.place or b.place,
        state=a.state or b.state,
        organization=a.organization or b.organization,
        title=a.title if len(a.evidence) >= len(b.evidence) else b.title,
        participants=parts,
        evidence=evidence,
        reported=min((d for d in (a.reported, b.reported) if d is not None), default=None),
    )


Key = str


def _ent(e: tuple[str, str]) -> str:
    return f"{e[0]}:{e[1]}"


def _cover_set(ev: EventFact) -> set[tuple[str, str]]:
    """What `_covers` accepts as present in ``ev`` besides its own entities (see there)."""
    ents = _entities(ev)
    if ev.state:
        ents.add(("state", ev.state))
    if group_of(ev.type) != "meet":
        ents |= _person_states(ev)
    return ents


def _subsets(ents: set[tuple[str, str]]) -> list[str]:
    """Every single entity and every pair of entities, as key parts."""
    names = sorted(_ent(e) for e in ents)
    return names + [f"{a}+{b}" for i, a in enumerate(names) for b in names[i + 1 :]]


def _core_part(ev: EventFact) -> str | None:
    names = sorted(_ent(e) for e in core(ev))
    return "+".join(names[:2]) if names else None


def index_keys(ev: EventFact) -> set[Key]:
    """Keys to file an event under; `probe_keys` of a report that could be the same event
    (`same_event`) always hit one of them.

    Talks, visits, agreements and the rest match only when one side's core (its persons, else
    its states/organizations) is covered by the other side's entities. So an event is filed
    under every entity and every pair of its entities ("e" keys), and under one or two of its
    core entities ("c" key); a report probes with its own core ("e") and with every entity and
    pair of its entities ("c"). Pairs make the keys selective: ("meet", Scholz+Macron) holds a
    few events where ("meet", Scholz) holds every talk the chancellor ever had, and a key's
    events are what a new report is compared with, so single-entity keys made dedup cost grow
    with the warehouse. Summits match on organization, place or any shared entity, accessions
    on the joining state, attacks on a shared target or perpetrator: single keys suffice.
    """
    return _keys(ev, probe=False)


def probe_keys(ev: EventFact) -> set[Key]:
    """Keys to look a report up with (see `index_keys`)."""
    return _keys(ev, probe=True)


def _keys(ev: EventFact, probe: bool) -> set[Key]:
    g = group_of(ev.type)
    ents = _entities(ev)
    if g == "summit":
        keys = {f"summit|e|{_ent(e)}" for e in ents}
        if ev.organization:
            keys.add(f"summit|o|{ev.organization}")
        if ev.state and ev.place:
            keys.add(f"summit|p|{ev.state}|{ev.place}")
        return keys
    if g == "accession":
        return {f"accession|{_ent(e)}" for e in ents if e[0] == "state"}
    if g == "attack":
        return {
            f"attack|{role}|{_ent(e)}"
            for role in ("target", "perpetrator")
            for e in _entities(ev, [role])
        }
    core_part = _core_part(ev)
    if core_part is None:
        return set()  # nothing to be about: `same_event` never matches it
    if probe:
        return {f"{g}|e|{core_part}"} | {f"{g}|c|{part}" for part in _subsets(_cover_set(ev))}
    return {f"{g}|c|{core_part}"} | {f"{g}|e|{part}" for part in _subsets(_cover_set(ev))}


def key_entities(key: Key) -> list[tuple[str, str]]:
    """The (kind, key) entities a key names; [] for organization/place keys of summits."""
    parts = key.split("|")
    if parts[0] == "summit" and parts[1] != "e":
        return []
    out = []
    for part in parts[-1].split("+"):
        kind, _, name = part.partition(":")
        out.append((kind, name))
    return out


def _score(a: EventFact, b: EventFact) -> tuple[int, int, int]:
    """How well two compatible reports fit: shared entities, shared place, date precision."""
    shared = len(_entities(a) & _entities(b))
    place = int(bool(a.place and a.place == b.place)) + int(bool(a.state and a.state == b.state))
    dated = int(a.start is not None and b.start is not None)
    return shared, place, dated


class EventIndex:
    """Incremental matching: add merged events, find the best existing one for a new report."""

    def __init__(self) -> None:
        self.events: list[EventFact] = []
        self._by_key: dict[Key, list[int]] = defaultdict(list)

    def add(self, ev: EventFact) -> int:
        self.events.append(ev)
        i = len(self.events) - 1
        for k in index_keys(ev):
            self._by_key[k].append(i)
        return i

    def candidates(self, ev: EventFact) -> list[int]:
        seen: dict[int, None] = {}
        for k in sorted(probe_keys(ev)):
            for i in self._by_key.get(k, ()):
                seen.setdefault(i, None)
        return list(seen)

    def best(self, ev: EventFact) -> int | None:
        """The existing event that ``ev`` is a report of, or None."""
        found = [i for i in self.candidates(ev) if same_event(self.events[i], ev)]
        if not found:
            return None
        return max(found, key=lambda i: (_score(self.events[i], ev), -i))

    def absorb(self, i: int, ev: EventFact) -> None:
        merged = merge(self.events[i], ev)
        self.events[i] = merged
        for k in index_keys(merged):
            if i not in self._by_key[k]:
                self._by_key[k].append(i)


def _order(ev: EventFact) -> tuple[int, int]:
    """Specific reports first, so that vague ones join the right cluster rather than seed one."""
    precision = _PRECISION[ev.start.precision] if ev.start else -1
    return (-precision, -len(ev.participants))


def cluster_indices(events: Sequence[EventFact]) -> list[list[int]]:
    """Groups of input positions that report one happening (each group in input order)."""
    index = EventIndex()
    members: list[list[int]] = []
    for pos in sorted(range(len(events)), key=lambda i: (_order(events[i]), i)):
        ev = events[pos]
        best = index.best(ev)
        if best is None:
            index.add(ev)
            members.append([pos])
        else:
            index.absorb(best, ev)
            members[best].append(pos)
    return [sorted(m) for m in sorted(members, key=min)]


def cluster(events: list[tuple[str, EventFact]]) -> list[tuple[list[str], EventFact]]:
    """(article id, report) pairs to (article ids, merged event), one per happening.

    The merged event's evidence mixes sentence indices of several articles; a loader that needs
    per-article evidence should use `cluster_indices` and keep each article's own report.
    """
    facts = [ev for _, ev in events]
    out: list[tuple[list[str], EventFact]] = []
    for group in cluster_indices(facts):
        merged = facts[group[0]]
        for i in group[1:]:
            merged = merge(merged, facts[i])
        ids = list(dict.fromkeys(events[i][0] for i in group))
        out.append((ids, merged))
    return out
