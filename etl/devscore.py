"""Dev harness: extract a folder of articles in memory and score it against a gold file.

    python -m etl.devscore [articles_dir] [gold.yaml] [--details] [--json] [--dump FILE]

It is the quick loop for rule work: no warehouse, no Dagster. The facts JSON it scores is built
by `facts_document`, the same shape as the warehouse export (``shared/gold/FORMAT.md``), so the
reference scorer (imported from beside the gold file) judges exactly what it would judge there.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from etl import dedup
from etl.events import extract_events
from etl.facts import EventFact, FuzzyDate, MembershipFact, Mention, PersonRef, Sentence

DEFAULT_ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
DEFAULT_GOLD = Path("/work/shared/gold/seeds.yaml")


@dataclass
class ArticleResult:
    """What extraction found in one article (kept in memory only)."""

    file: str
    published: FuzzyDate | None
    body: str
    sentences: list[Sentence]
    mentions: list[Mention]
    persons: dict[str, PersonRef]
    memberships: list[MembershipFact]
    events: list[EventFact]


def _parse(path: Path) -> tuple[str, FuzzyDate | None]:
    """(body, published) via the project's parser, so offsets match the warehouse's."""
    from etl.articles import ParsedArticle, parse_article

    parsed = parse_article(path.name, path.read_bytes())
    if not isinstance(parsed, ParsedArticle):
        raise ValueError(f"{path.name}: rejected ({parsed.reason}: {parsed.detail})")
    return parsed.body, parsed.published


def _entities(body: str, published: FuzzyDate | None, kb: Any) -> Any:
    from etl.entities import extract_entities

    return extract_entities(body, published, kb)


def extract_folder(folder: Path, kb: Any) -> list[ArticleResult]:
    out: list[ArticleResult] = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        body, published = _parse(path)
        ent = _entities(body, published, kb)
        events = extract_events(body, ent, published, kb)
        out.append(
            ArticleResult(
                file=path.name,
                published=published,
                body=body,
                sentences=list(ent.sentences),
                mentions=list(ent.mentions),
                persons=dict(ent.persons),
                memberships=list(getattr(ent, "memberships", [])),
                events=events,
            )
        )
    return out


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _iso(d: FuzzyDate | None) -> str | None:
    return d.iso() if d else None


def facts_document(
    articles: Sequence[ArticleResult],
    clusters: Iterable[tuple[list[str], EventFact]],
    kb: Any,
) -> dict[str, Any]:
    """The facts format of FORMAT.md from extraction results and clustered events.

    Entities are exported by their knowledge-base names (persons by name, states by code,
    organizations by name), with aliases so that a scorer can match any spelling.
    """
    persons: dict[str, dict[str, Any]] = {}
    orgs: dict[str, dict[str, Any]] = {}

    def person_name(key: str, ref: PersonRef | None = None) -> str:
        if key not in persons:
            p = _get(kb, "persons", {}).get(key) if kb is not None else None
            name = (ref.name if ref else None) or _get(p, "name") or key
            known = [*(_get(p, "aliases", ()) or ()), *(_get(p, "short", ()) or ())]
            aliases = list(dict.fromkeys([*known, *((ref.aliases if ref else ()) or ())]))
            state = (ref.state if ref else None) or _get(p, "state")
            title = (ref.title if ref else None) or (
                p.title_on(None) if p is not None and hasattr(p, "title_on") else None
            )
            entry: dict[str, Any] = {"name": name}
            if aliases:
                entry["aliases"] = [a for a in aliases if a != name]
            if state:
                entry["state"] = state
            if title:
                entry["title"] = title
            persons[key] = entry
        return persons[key]["name"]

    def org_name(key: str) -> str:
        if key not in orgs:
            o = _get(kb, "organizations", {}).get(key) if kb is not None else None
            entry: dict[str, Any] = {"name": _get(o, "name") or key}
            if _get(o, "abbreviation"):
                entry["abbreviation"] = _get(o, "abbreviation")
            aliases = [a for a in (_get(o, "aliases", ()) or ()) if a]
            if aliases:
                entry["aliases"] = list(aliases)
            if _get(o, "kind"):
                entry["kind"] = _get(o, "kind")
            orgs[key] = entry
        return orgs[key]["name"]

    def place_name(key: str | None) -> str | None:
        if key is None:
            return None
        p = _get(kb, "places", {}).get(key) if kb is not None else None
        return _get(p, "name") or key

    art_rows = []
    memberships: dict[tuple[str, str, str], dict[str, Any]] = {}
    for a in articles:
        ps, ss, os_ = [], [], []
        for m in a.mentions:
            if m.kind == "person":
                ps.append(person_name(m.key, a.persons.get(m.key)))
            elif m.kind == "state":
                ss.append(m.key)
            elif m.kind == "organization":
                os_.append(org_name(m.key))
        for key, ref in a.persons.items():
            person_name(key, ref)
        art_rows.append(
            {
                "file": a.file,
                "date": _iso(a.published),
                "persons": sorted(set(ps)),
                "states": sorted(set(ss)),
                "organizations": sorted(set(os_)),
            }
        )
        for ms in a.memberships:
            k = (ms.state, ms.organization, ms.kind)
            row = memberships.setdefault(
                k, {"state": ms.state, "organization": org_name(ms.organization), "kind": ms.kind}
            )
            if ms.since and "since" not in row:
                row["since"] = ms.since.iso()
    events = []
    for n, (files, ev) in enumerate(clusters, 1):
        parts = []
        for p in ev.participants:
            if p.kind == "person":
                parts.append({"person": person_name(p.key), "role": p.role})
            elif p.kind == "state":
                parts.append({"state": p.key, "role": p.role})
            else:
                parts.append({"organization": org_name(p.key), "role": p.role})
        events.append(
            {
                "id": f"e{n}",
                "type": ev.type,
                "title": ev.title,
                "start": _iso(ev.start),
                "end": _iso(ev.end),
                "place": place_name(ev.place),
                "state": ev.state,
                "organization": org_name(ev.organization) if ev.organization else None,
                "status": ev.status,
                "articles": sorted(files),
                "participants": parts,
            }
        )
    return {
        "persons": list(persons.values()),
        "organizations": list(orgs.values()),
        "places": [],
        "memberships": list(memberships.values()),
        "events": events,
        "articles": art_rows,
    }


def load_scorer(gold: Path) -> ModuleType:
    """The reference scorer that sits beside the gold file."""
    path = gold.with_name("score.py")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load scorer {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while decorating
    spec.loader.exec_module(module)
    return module


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("articles", nargs="?", default=str(DEFAULT_ARTICLES))
    ap.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--details", action="store_true", help="list misses and extras")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--dump", help="write the facts document to this file")
    ap.add_argument("--events", action="store_true", help="print the exported events")
    a = ap.parse_args(argv)
    from etl.knowledge_base import load_knowledge_base

    kb = load_knowledge_base()
    t0 = time.perf_counter()
    results = extract_folder(Path(a.articles), kb)
    pairs = [(r.file, ev) for r in results for ev in r.events]
    clusters = dedup.cluster(pairs)
    elapsed = time.perf_counter() - t0
    doc = facts_document(results, clusters, kb)
    if a.dump:
        Path(a.dump).write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    if a.events:
        for ev in doc["events"]:
            who = ", ".join(
                f"{p.get('person') or p.get('state') or p.get('organization')}/{p['role']}"
                for p in ev["participants"]
            )
            print(f"{ev['id']:>4} {ev['type']:<10} {ev['start'] or '-':<10} {ev['state'] or '-':<3}"
                  f" {ev['place'] or '-':<10} {ev['organization'] or '-':<12.12} {ev['status']:<8}"
                  f" [{', '.join(f[:3] for f in ev['articles'])}] {who}")  # fmt: skip
    gold = yaml.safe_load(Path(a.gold).read_text(encoding="utf-8"))
    scorer = load_scorer(Path(a.gold))
    out = scorer.score(doc, gold)
    rows = {k: (v.row() if isinstance(v, scorer.PRF) else v) for k, v in out.items()}
    if a.json:
        print(json.dumps(rows, indent=1))
    else:
        print(f"{len(results)} articles, {len(pairs)} event reports -> {len(clusters)} events"
              f" in {elapsed * 1000:.0f} ms")  # fmt: skip
        for k, v in rows.items():
            if isinstance(v, dict):
                print(f"{k:24} P={v['precision']:.3f} R={v['recall']:.3f} F1={v['f1']:.3f}"
                      f"  (tp={v['tp']} fp={v['fp']} fn={v['fn']})")  # fmt: skip
            else:
                print(f"{k:24} {v}")
    if a.details:
        for k, v in out.items():
            if isinstance(v, scorer.PRF) and (v.misses or v.extras):
                print(f"\n## {k}")
                for m in v.misses:
                    print("  missed:", m)
                for x in v.extras:
                    print("  extra: ", x)
    return 0


if __name__ == "__main__":
    sys.exit(main())
