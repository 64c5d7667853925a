"""Articles per CPU-second of `extract_article` (process time: robust to a busy machine),
over the samples and the snapshot corpus.

    .venv/bin/python -m benchmarks.extraction_timing [seconds-per-group]

To compare two trees in one run, call it once per tree with PYTHONPATH pointing at each.
"""

from __future__ import annotations

import sys
import time

from benchmarks.extraction_snapshot import corpus
from etl.knowledge_base import load_knowledge_base
from etl.pipeline import extract_article


def rate(articles, kb, seconds: float) -> float:
    for a in articles:  # warm caches (lexicon, automata, per-kb indexes)
        extract_article(a, kb)
    n, t0 = 0, time.process_time()
    while True:
        for a in articles:
            extract_article(a, kb)
        n += len(articles)
        elapsed = time.process_time() - t0
        if elapsed >= seconds:
            return n / elapsed


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    kb = load_knowledge_base()
    groups = corpus(kb)
    groups["all"] = [a for g in list(groups.values()) for a in g]
    for name, articles in groups.items():
        kb_per = sum(len(a.body) for a in articles) / len(articles) / 1000
        print(f"{name:10s} {len(articles):4d} articles, {kb_per:5.1f} KB avg: "
              f"{rate(articles, kb, seconds):8.1f} articles/s")  # fmt: skip


if __name__ == "__main__":
    main()
