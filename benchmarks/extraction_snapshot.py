"""Canonical JSON snapshot of `extract_article` over a fixed, varied corpus.

Used to prove that performance work does not change extraction output:

    .venv/bin/python -m benchmarks.extraction_snapshot > /tmp/before.json
    ... change code ...
    .venv/bin/python -m benchmarks.extraction_snapshot > /tmp/after.json
    cmp /tmp/before.json /tmp/after.json

The corpus (`corpus()`) is deterministic: (a) the sample articles in data/articles, (b) the
German string literals of tests/etl/*.py, one per "article" and joined into multi-paragraph
articles, (c) synthetic articles that combine knowledge-base names (persons, states, places,
organizations) with event forms/stems from events.yaml and date phrases. `benchmarks.
extraction_timing` times the same corpus.
"""

from __future__ import annotations

import ast
import json
import random
import sys
from dataclasses import asdict, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from etl.articles import ParsedArticle
from etl.events import LEXICON_PATH
from etl.facts import FuzzyDate
from etl.knowledge_base import KnowledgeBase, load_knowledge_base
from etl.pipeline import extract_article, read_folder

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
TESTS = ROOT / "tests" / "etl"


def _article(name: str, body: str, published: FuzzyDate | None) -> ParsedArticle:
    return ParsedArticle(name, "", name, None, body, published, "utf-8")


def sample_articles() -> list[ParsedArticle]:
    parsed, _ = read_folder(ARTICLES)
    return parsed


def _test_strings() -> list[str]:
    """German-looking string literals of the test files (sentences written for the tests)."""
    out: list[str] = []
    for path in sorted(TESTS.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                s = node.value
                if len(s) >= 20 and " " in s and s[:1].isupper():
                    out.append(s)
    return list(dict.fromkeys(out))


def test_sentence_articles() -> list[ParsedArticle]:
    sents = _test_strings()
    out: list[ParsedArticle] = []
    dates = [None, FuzzyDate(date(2024, 7, 1), "month"), FuzzyDate(date(2023, 8, 22), "day")]
    for i, s in enumerate(sents):
        out.append(_article(f"test-{i}", s, dates[i % 3]))
    rng = random.Random(7)
    for j in range(40):  # multi-paragraph articles from shuffled test sentences
        pick = rng.sample(sents, min(len(sents), 12))
        paras = ["\n".join(pick[k : k + 3]) if k % 2 else " ".join(pick[k : k + 3])
                 for k in range(0, len(pick), 3)]  # fmt: skip
        out.append(_article(f"mix-{j}", "\n\n".join(paras), dates[j % 3]))
    return out


def synthetic_articles(kb: KnowledgeBase, n: int = 60) -> list[ParsedArticle]:
    """Articles made of KB names and lexicon event words in German sentence templates."""
    lex = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    nouns: list[str] = []
    verbs: list[str] = []
    for t in lex["triggers"]:
        for stem in t.get("stems") or []:
            nouns.append(stem[:1].upper() + stem[1:])
        forms = t.get("forms") or []
        verbs.extend([forms] if isinstance(forms, str) else forms)
    persons = sorted(p.name for p in kb.persons.values())
    states = sorted(n for s in kb.states.values() for n in s.names[:1])
    places = sorted(p.name for p in kb.places.values())
    orgs = sorted((o.abbreviation or o.name) for o in kb.organizations.values())
    dates = ["am 16. Mai", "im Juli 2024", "am Mittwoch", "vor zwei Jahren", "2023",
             "am 3. und 4. Juli", "Anfang März", "vom 22. bis 24. August 2023", "gestern",
             "im kommenden Jahr", "am 1.9.2022", "Ende 2021", "seit 2001"]  # fmt: skip
    templates = [
        "{p1} und {p2} {verb} {date} in {place}.",
        "Der {noun} von {p1} in {state} fand {date} statt.",
        "{state} ist seit {year} Mitglied der {org}.",
        "Beim {noun} der {org} in {place} trafen sich {p1}, {p2} und der Präsident von {state}.",
        "{p1} reiste {date} nach {state}, wo er mit {p2} Gespräche führte.",
        "Nach seinem {noun} in {place} sagte {p1}, {state} wolle der {org} beitreten.",
        "Die {org} hat {state} {date} als Beobachter aufgenommen.",
        "{p2} nahm nicht am {noun} in {place} teil, sagte ein Sprecher.",
        "{state}-{noun}: {p1} {verb} mit {p2}",
        "• {p1} empfing {p2} {date} in {place} zu einem {noun}.",
        "Laut {org} wurde der Vertrag zwischen {state} und {state2} {date} unterzeichnet.",
        "{p1} kritisierte den Angriff auf {state} scharf.",
    ]
    rng = random.Random(11)
    out: list[ParsedArticle] = []
    for i in range(n):
        lines = []
        for _ in range(rng.randint(6, 18)):
            t = rng.choice(templates)
            lines.append(t.format(
                p1=rng.choice(persons), p2=rng.choice(persons), verb=rng.choice(verbs),
                noun=rng.choice(nouns), date=rng.choice(dates), place=rng.choice(places),
                state=rng.choice(states), state2=rng.choice(states), org=rng.choice(orgs),
                year=rng.randint(1990, 2024),
            ))  # fmt: skip
        paras, k = [], 0
        while k < len(lines):
            step = rng.randint(1, 4)
            paras.append(" ".join(lines[k : k + step]))
            k += step
        pub = FuzzyDate(date(2020 + i % 5, 1 + i % 12, 1), "month") if i % 4 else None
        out.append(_article(f"synth-{i}", "\n\n".join(paras), pub))
    return out


def corpus(kb: KnowledgeBase) -> dict[str, list[ParsedArticle]]:
    return {
        "samples": sample_articles(),
        "tests": test_sentence_articles(),
        "synthetic": synthetic_articles(kb),
    }


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def snapshot(kb: KnowledgeBase) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for group, articles in corpus(kb).items():
        for a in articles:
            f = extract_article(a, kb)
            out[f"{group}/{a.file_name}"] = _plain(
                {
                    "sentences": f.sentences,
                    "mentions": f.mentions,
                    "persons": f.persons,
                    "memberships": f.memberships,
                    "events": f.events,
                }
            )
    return out


def main() -> None:
    kb = load_knowledge_base()
    json.dump(snapshot(kb), sys.stdout, ensure_ascii=False, sort_keys=True, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
