"""Scoring a facts document against a gold file, on the matching rules of the facts format.

The rules are those of ``../shared/gold/FORMAT.md`` (normalized names, persons matched by name,
alias or key, events by type group + date overlap + state + a shared participant, duplicates
counted apart, implied head-of-state participation neither rewarded nor punished), so that the
project's own `newsfacts evaluate` agrees with the reference scorer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

TYPE_GROUP = {
    "summit": "summit",
    "meeting": "meet",
    "visit": "meet",
    "accession": "accession",
    "agreement": "agreement",
    "attack": "attack",
}


def norm(value: Any) -> str:
    if value is None:
        return ""
    s = str(value).replace("ß", "ss").replace("ẞ", "ss")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = re.sub(r"[^\w]+", " ", s.casefold())
    return re.sub(r"\s+", " ", s).strip()


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[Any] = field(default_factory=list)
    extras: list[Any] = field(default_factory=list)
    # reports matching a gold event that another report already matched (events only)
    duplicates: list[Any] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score, tag: Any = None) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses += [(tag, m) if tag is not None else m for m in other.misses]
        self.extras += [(tag, x) if tag is not None else x for x in other.extras]

    def row(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


def compare_sets(found: set[Any], gold: set[Any], optional: Iterable[Any] = ()) -> Score:
    optional = set(optional)
    s = Score()
    for x in found:
        if x in gold:
            s.tp += 1
        elif x not in optional:
            s.fp += 1
            s.extras.append(x)
    for x in gold - found:
        s.fn += 1
        s.misses.append(x)
    return s


@dataclass
class Report:
    scores: dict[str, Score]
    figures_extra: dict[str, Any]

    def figures(self) -> dict[str, Any]:
        return {**{k: v.row() for k, v in self.scores.items()}, **self.figures_extra}


class _Names:
    """Maps exported names onto gold identities (gold names, aliases and keys)."""

    def __init__(self, gold: dict[str, Any], export: dict[str, Any]) -> None:
        self.persons = [
            (
                p["name"],
                {norm(p["name"]), *map(norm, p.get("aliases", []))},
                norm(p.get("key", p["name"])),
            )
            for p in gold.get("persons", [])
        ]
        self.person_state = {p["name"]: p.get("state") for p in gold.get("persons", [])}
        self.orgs = [
            (o["key"], {*map(norm, o.get("names", [])), norm(o["key"])})
            for o in gold.get("organizations", [])
        ]
        self.exp_persons: dict[str, set[str]] = {}
        for p in export.get("persons", []):
            names = [n for n in [p.get("name"), *(p.get("aliases") or [])] if n]
            for n in names:
                self.exp_persons.setdefault(norm(n), set()).update(map(norm, names))
        self.exp_orgs: dict[str, set[str]] = {}
        for o in export.get("organizations", []):
            names = [
                n for n in [o.get("name"), o.get("abbreviation"), *(o.get("aliases") or [])] if n
            ]
            for n in names:
                self.exp_orgs.setdefault(norm(n), set()).update(map(norm, names))

    def person(self, name: str | None) -> str | None:
        if not name:
            return None
        cands = self.exp_persons.get(norm(name), {norm(name)})
        for gname, names, _ in self.persons:
            if cands & names:
                return gname
        for gname, _, key in self.persons:
            if any(re.search(r"(^| )" + re.escape(key) + r"( |$)", c) for c in cands):
                return gname
        return None

    def org(self, name: str | None) -> str | None:
        if not name:
            return None
        cands = self.exp_orgs.get(norm(name), {norm(name)})
        return next((key for key, names in self.orgs if cands & names), None)

    def participant(self, p: dict[str, Any], gold_side: bool) -> tuple[str, Any, Any]:
        role = p.get("role")
        if p.get("person"):
            who = (
                p["person"] if gold_side else (self.person(p["person"]) or "?" + norm(p["person"]))
            )
            return ("person", who, role)
        if p.get("state"):
            return ("state", str(p["state"]).upper(), role)
        if p.get("organization"):
            o = p["organization"]
            return ("organization", o if gold_side else (self.org(o) or "?" + norm(o)), role)
        return ("?", None, role)


def _interval(start: Any, end: Any = None) -> tuple[str, str] | None:
    s = str(start) if start not in (None, "") else None
    e = str(end) if end not in (None, "") else s
    if s is None or e is None:
        return None
    lo = {4: "-01-01", 7: "-01"}.get(len(s[:10]), "")
    hi = {4: "-12-31", 7: "-31"}.get(len(e[:10]), "")
    return s[:10] + lo, e[:10] + hi


def _dates_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    x, y = _interval(a.get("start"), a.get("end")), _interval(b.get("start"), b.get("end"))
    return x is None or y is None or (x[0] <= y[1] and y[0] <= x[1])


def score(export: dict[str, Any], gold: dict[str, Any]) -> Report:
    names = _Names(gold, export)
    scores: dict[str, Score] = {}
    extra: dict[str, Any] = {}

    gold_articles = {a["file"]: a for a in gold.get("articles", [])}
    exp_articles = {a["file"]: a for a in export.get("articles", [])}
    optional_orgs = {o["key"] for o in gold.get("organizations", []) if o.get("optional")}
    for kind in ("persons", "states", "organizations"):
        total = Score()
        for f, ga in gold_articles.items():
            found_raw = exp_articles.get(f, {}).get(kind, [])
            gold_set = set(ga.get(kind, []))
            if kind == "persons":
                found = {names.person(n) or "?" + norm(n) for n in found_raw}
                opt_names = {norm(n) for n in ga.get("optional_persons", [])}
                optional = {
                    x
                    for x in found
                    if x.startswith("?")
                    and (
                        x[1:] in opt_names
                        or any(x[1:].split()[-1:] == o.split()[-1:] for o in opt_names)
                    )
                }
            elif kind == "states":
                found = {str(c).upper() for c in found_raw}
                optional = {str(c).upper() for c in ga.get("optional_states", [])}
            else:
                found = {names.org(n) or "?" + norm(n) for n in found_raw}
                optional = optional_orgs
            total.add(compare_sets(found, gold_set - set(optional), optional), f[:3])
        scores["mentions." + kind] = total

    extra["article_dates_correct"] = "{}/{}".format(
        sum(
            1
            for f, ga in gold_articles.items()
            if f in exp_articles and str(exp_articles[f].get("date")) == str(ga.get("date"))
        ),
        len(gold_articles),
    )

    def membership_key(m: dict[str, Any], gold_side: bool) -> tuple[str, Any, str]:
        org = (
            m["organization"]
            if gold_side
            else (names.org(m.get("organization")) or "?" + norm(m.get("organization")))
        )
        return (str(m.get("state", "")).upper(), org, m.get("kind", "member"))

    gold_m = {membership_key(m, True) for m in gold.get("memberships", []) if not m.get("optional")}
    opt_m = {membership_key(m, True) for m in gold.get("memberships", []) if m.get("optional")}
    found_m = {membership_key(m, False) for m in export.get("memberships", [])}
    scores["memberships"] = compare_sets(found_m, gold_m, opt_m)

    gold_events, sys_events = gold.get("events", []), export.get("events", [])

    def shared(se: dict[str, Any], ge: dict[str, Any]) -> int:
        g = {(k, i) for k, i, _ in (names.participant(p, True) for p in ge.get("participants", []))}
        s = {
            (k, i) for k, i, _ in (names.participant(p, False) for p in se.get("participants", []))
        }
        return len(g & s)

    def compatible(se: dict[str, Any], ge: dict[str, Any]) -> bool:
        if TYPE_GROUP.get(se.get("type"), se.get("type")) != TYPE_GROUP.get(
            ge.get("type"), ge.get("type")
        ):
            return False
        if not _dates_agree(se, ge):
            return False
        if se.get("state") and ge.get("state") and str(se["state"]).upper() != ge["state"]:
            return False
        return shared(se, ge) > 0

    pairs = sorted(
        (
            (shared(se, ge), si, gi)
            for si, se in enumerate(sys_events)
            for gi, ge in enumerate(gold_events)
            if compatible(se, ge)
        ),
        reverse=True,
    )
    s2g: dict[int, int] = {}
    g2s: dict[int, int] = {}
    for _, si, gi in pairs:
        if si not in s2g and gi not in g2s:
            s2g[si], g2s[gi] = gi, si
    # an unmatched report compatible with an already matched gold event: system event -> gold
    duplicate_of: dict[int, int] = {}
    for si, se in enumerate(sys_events):
        if si not in s2g:
            gi = next((gi for gi in g2s if compatible(se, gold_events[gi])), None)
            if gi is not None:
                duplicate_of[si] = gi
    ev = Score()
    for si, se in enumerate(sys_events):
        if si in s2g:
            ev.tp += 0 if gold_events[s2g[si]].get("optional") else 1
        elif si in duplicate_of:
            of = gold_events[duplicate_of[si]]["id"]
            ev.duplicates.append((of, se.get("type"), se.get("start"), se.get("title")))
        else:
            ev.fp += 1
            ev.extras.append((se.get("type"), se.get("start"), se.get("state"), se.get("title")))
    for gi, ge in enumerate(gold_events):
        if gi not in g2s and not ge.get("optional"):
            ev.fn += 1
            ev.misses.append(ge["id"])
    scores["events"] = ev
    extra["event_duplicates"] = len(duplicate_of)

    part = Score()
    for gi, ge in enumerate(gold_events):
        if ge.get("optional"):
            continue
        gold_p = {
            names.participant(p, True) for p in ge.get("participants", []) if not p.get("optional")
        }
        opt_p = {
            names.participant(p, True) for p in ge.get("participants", []) if p.get("optional")
        }
        implied = {
            ("state", names.person_state.get(i), r) for k, i, r in gold_p | opt_p if k == "person"
        }
        if gi not in g2s:
            part.fn += len(gold_p)
            part.misses += [(ge["id"], x) for x in gold_p]
            continue
        found_p = {names.participant(p, False) for p in sys_events[g2s[gi]].get("participants", [])}
        part.add(compare_sets(found_p, gold_p, opt_p | implied), ge["id"])
    scores["participation"] = part

    asserted = []
    for n in gold.get("negatives", []):
        if n["fact"] == "membership":
            if (n["state"], n["organization"], n["kind"]) in found_m:
                asserted.append(n)
        elif n["fact"] == "state":
            codes = {
                str(c).upper() for a in export.get("articles", []) for c in a.get("states", [])
            }
            if (n.get("code") and n["code"] in codes) or (
                n.get("name") and norm(n["name"]) in {norm(c) for c in codes}
            ):
                asserted.append(n)
        elif n["fact"] == "participation":
            gi = next((i for i, e in enumerate(gold_events) if e["id"] == n["event"]), None)
            if gi is not None and gi in g2s:
                found_p = {
                    names.participant(p, False) for p in sys_events[g2s[gi]].get("participants", [])
                }
                if names.participant(n, True) in found_p:
                    asserted.append(n)
    extra["negatives_asserted"] = f"{len(asserted)}/{len(gold.get('negatives', []))}"

    exact = [(gi, ge) for gi, ge in enumerate(gold_events) if len(str(ge.get("start") or "")) == 10]
    hits = sum(
        1
        for gi, ge in exact
        if gi in g2s and str(sys_events[g2s[gi]].get("start")) == str(ge.get("start"))
    )
    extra["exact_day_dates"] = f"{hits}/{len(exact)}"
    return Report(scores, extra)


def load_gold(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def format_report(report: Report, details: bool = False) -> str:
    lines = []
    for name, s in report.scores.items():
        lines.append(
            f"{name:24} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}"
            f"  (tp={s.tp} fp={s.fp} fn={s.fn})"
        )
    for name, value in report.figures_extra.items():
        lines.append(f"{name:24} {value}")
    if details:
        for name, s in report.scores.items():
            if s.misses or s.extras or s.duplicates:
                lines.append(f"\n## {name}")
                lines += [f"  missed: {m}" for m in s.misses]
                lines += [f"  extra:  {x}" for x in s.extras]
                lines += [f"  duplicate of {d[0]}: {d[1:]}" for d in s.duplicates]
    return "\n".join(lines)
