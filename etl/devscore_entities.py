"""Dev check: run entity extraction on the seed articles and score it with the reference scorer.

    .venv/bin/python -m etl.devscore_entities [--seeds DIR] [--gold FILE] [--scan body|all]
                                              [--details] [--out EXPORT.json]

Only mentions and memberships are meaningful here (events are another module's job). The body
is the text after the header line " date YYYY-MM <title+lead>"; a file without that header is
all body. ``--scan all`` also scans the title+lead line (for comparison; the pipeline stores
offsets into the body, so the default is ``body``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from etl.entities import EntityResult, extract_entities
from etl.facts import FuzzyDate
from etl.knowledge_base import KnowledgeBase, load_knowledge_base

SHARED = Path("/work/shared")
_HEADER = re.compile(r"^ date (\d{4})-(\d{2})(?:-(\d{2}))? ?(.*)$")


def split_article(raw: str) -> tuple[FuzzyDate | None, str, str]:
    """(published, title+lead, body) of a seed file."""
    first, _, rest = raw.partition("\n")
    m = _HEADER.match(first)
    if not m:
        return None, "", raw
    y, mo, d, lead = m.groups()
    published = FuzzyDate(date(int(y), int(mo), int(d or 1)), "day" if d else "month")
    return published, lead, rest


def export(files: list[Path], kb: KnowledgeBase, scan: str) -> dict[str, Any]:
    persons: dict[str, dict[str, Any]] = {}
    orgs: set[str] = set()
    members: dict[tuple[str, str, str], dict[str, Any]] = {}
    articles = []
    for f in files:
        published, lead, body = split_article(f.read_text(encoding="utf-8"))
        text = f"{lead}\n{body}" if scan == "all" and lead else body
        res: EntityResult = extract_entities(text, published, kb)
        for ref in res.persons.values():
            persons.setdefault(
                ref.key,
                {
                    "name": ref.name,
                    "aliases": list(ref.aliases),
                    "state": ref.state,
                    "title": ref.title,
                },
            )
        keys = {
            k: sorted({m.key for m in res.mentions if m.kind == k})
            for k in ("person", "state", "organization")
        }
        orgs.update(keys["organization"])
        for mf in res.memberships:
            members.setdefault(
                (mf.state, mf.organization, mf.kind),
                {
                    "state": mf.state,
                    "organization": kb.organizations[mf.organization].name,
                    "kind": mf.kind,
                    "since": mf.since.iso() if mf.since else None,
                },
            )
        articles.append(
            {
                "file": f.name,
                "date": published.iso() if published else None,
                "persons": [res.persons[k].name for k in keys["person"]],
                "states": keys["state"],
                "organizations": [kb.organizations[k].name for k in keys["organization"]],
            }
        )
    return {
        "persons": list(persons.values()),
        "organizations": [
            {
                "name": o.name,
                "abbreviation": o.abbreviation,
                "aliases": list(o.aliases),
                "kind": o.kind,
            }
            for o in (kb.organizations[k] for k in sorted(orgs))
        ],
        "memberships": list(members.values()),
        "events": [],
        "articles": articles,
    }


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["gold_score"] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "seeds.yaml")
    ap.add_argument("--scan", choices=("body", "all"), default="body")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--out", type=Path)
    a = ap.parse_args(argv)
    kb = load_knowledge_base()
    data = export(sorted(a.seeds.glob("*.txt")), kb, a.scan)
    if a.out:
        a.out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    gold = yaml.safe_load(a.gold.read_text(encoding="utf-8"))
    score = _scorer(a.gold.parent / "score.py")
    out = score.score(data, gold)
    for k in ("mentions.persons", "mentions.states", "mentions.organizations", "memberships"):
        v = out[k]
        print(f"{k:24} P={v.p:.3f} R={v.r:.3f} F1={v.f1:.3f}  (tp={v.tp} fp={v.fp} fn={v.fn})")
        if a.details:
            for m in v.misses:
                print("   missed:", m)
            for x in v.extras:
                print("   extra: ", x)
    print("negatives_asserted      ", out["negatives_asserted"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
