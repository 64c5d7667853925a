"""Throughput benchmark: spaCy baseline, extraction, end-to-end load, incremental load.

    .venv/bin/pip install -e '.[bench]'            # spaCy, for the baseline (no model download)
    .venv/bin/python benchmarks/run.py --n 10000 --seed 1 --processes 2

On a generated corpus (`benchmarks.corpus`: N unique German articles of 2-6 KB, reproducible
from the seed) it measures, in one run:

  (a) baseline: spaCy's blank German pipeline with a sentencizer over the same bodies
      (one process: the article rate per core that the extraction target is stated against);
  (b) the project's extraction alone (`etl.parallel.Extractor`, ``--processes``);
  (c) end-to-end into a fresh DuckDB warehouse: migrate, reference data, read + parse + extract
      + load every file in batches of ``--batch-size`` (`etl.batches.load_files`), publish;
  (d) incremental: 10 new articles into the warehouse of (c), split into load time (plan,
      extract, dedup against existing events, insert) and the fixed costs around it (working
      copy, migration check, publish = a copy of the whole file);

and prints articles/s, MB/s, the ratio of (b) and (c) to (a), and each phase's peak RSS. Every
phase runs in its own child process, so that its peak RSS is its own (workers are reported
apart). Only the work is timed, not reading the files for (a) and (b). (b) also prints a
digest of all extracted facts: equal digests for ``--processes 1`` and ``2`` show that parallel
extraction changes nothing.

This is a script that prints figures, not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python benchmarks/run.py` from anywhere
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import write_corpus  # noqa: E402
from etl.articles import ParsedArticle, list_article_files  # noqa: E402
from etl.batches import chunks, read_files  # noqa: E402

PHASES = ("a", "b", "c", "d")
TITLES = {
    "a": "(a) spaCy blank('de') + sentencizer",
    "b": "(b) extraction only",
    "c": "(c) end-to-end into fresh DuckDB",
    "d": "(d) incremental +10 articles",
}


def peak_rss_mb() -> tuple[float, float]:
    """(this process, largest finished child) peak resident set size in MB (Linux: KB units)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def _batches(folder: Path, batch_size: int, limit: int = 0) -> Iterator[list[ParsedArticle]]:
    files = list_article_files(folder)
    if limit:
        files = files[:limit]
    for batch in chunks(files, batch_size):
        parsed, _ = read_files(batch)
        yield parsed


def _text_bytes(articles: Sequence[ParsedArticle]) -> int:
    return sum(len(a.body.encode("utf-8")) for a in articles)


def _plain(value: Any) -> Any:
    """Facts as JSON-able data with a canonical order (sets sorted), for a stable digest."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((_plain(v) for v in value), key=json.dumps)
    if isinstance(value, date):
        return value.isoformat()
    return value


# --- phases (each runs in a child process) ------------------------------------------------------


def phase_a(args: argparse.Namespace) -> dict[str, Any]:
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    list(nlp.pipe(["Warm. Up."]))
    n = size = sentences = 0
    seconds = 0.0
    for batch in _batches(args.corpus, args.batch_size, args.baseline_limit):
        texts = [a.body for a in batch]
        t0 = time.perf_counter()
        sentences += sum(len(list(doc.sents)) for doc in nlp.pipe(texts))
        seconds += time.perf_counter() - t0
        n += len(texts)
        size += _text_bytes(batch)
    return {"articles": n, "bytes": size, "seconds": seconds, "processes": 1,
            "note": f"{sentences} sentences"}  # fmt: skip


def phase_b(args: argparse.Namespace) -> dict[str, Any]:
    from etl.parallel import Extractor

    digest = hashlib.sha256()
    n = size = mentions = events = 0
    seconds = 0.0
    with Extractor(args.processes) as ex:
        t0 = time.perf_counter()
        ex.warm_up()
        startup = time.perf_counter() - t0
        for batch in _batches(args.corpus, args.batch_size):
            t0 = time.perf_counter()
            out = ex.extract(batch)
            seconds += time.perf_counter() - t0
            n += len(batch)
            size += _text_bytes(batch)
            for e in out:
                mentions += len(e.facts.mentions)
                events += len(e.facts.events)
                digest.update(json.dumps(_plain(e.facts), sort_keys=True).encode())
    return {"articles": n, "bytes": size, "seconds": seconds, "processes": args.processes,
            "note": f"{mentions} mentions, {events} event reports; pool start {startup:.1f} s",
            "digest": digest.hexdigest()[:16]}  # fmt: skip


def _load_folder(folder: Path, published: Path, processes: int, batch_size: int) -> dict[str, Any]:
    """What `newsfacts run` does, in bounded batches: working copy, migrate, load, publish."""
    import duckdb

    from etl import warehouse
    from etl.batches import load_files
    from etl.parallel import Extractor

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    work = warehouse.prepare_working_copy(published)
    warehouse.migrate(work)
    timings["migrate"] = time.perf_counter() - t0
    files = list_article_files(folder)
    t1 = time.perf_counter()
    with Extractor(processes) as ex:
        con = duckdb.connect(str(work))
        try:
            summary = load_files(con, files, ex, batch_size)
        finally:
            con.close()
    timings["load"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    warehouse.publish(published)
    timings["publish"] = time.perf_counter() - t2
    timings["total"] = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in files)
    return {"files": len(files), "bytes": size, "timings": timings, "batches": summary.batches,
            "stats": summary.stats.as_dict(), "write": summary.write_seconds,
            "wait": summary.wait_seconds}  # fmt: skip


def phase_c(args: argparse.Namespace) -> dict[str, Any]:
    published = args.workdir / "warehouse.duckdb"
    for f in args.workdir.glob("*warehouse.duckdb*"):
        f.unlink()
    r = _load_folder(args.corpus, published, args.processes, args.batch_size)
    s = r["stats"]
    return {"articles": r["files"], "bytes": r["bytes"], "seconds": r["timings"]["total"],
            "processes": args.processes,
            "note": f"{r['batches']} batches of {args.batch_size}; load {r['timings']['load']:.1f}"
                    f" s, migrate {r['timings']['migrate']:.1f} s, publish "
                    f"{r['timings']['publish']:.1f} s; {s['articles_loaded']} articles, "
                    f"{s['events_new']} events (+{s['events_merged']} merged), "
                    f"{published.stat().st_size / 1e6:.0f} MB file; writer busy "
                    f"{sum(r['write']):.1f} s, idle waiting for extraction {r['wait']:.1f} s; "
                    f"writer s/batch: {_spread(r['write'])}"}  # fmt: skip


def _spread(values: Sequence[float]) -> str:
    """First, middle and last of a series: does the writer slow down as the warehouse grows?"""
    if not values:
        return "-"
    picks = [values[0], values[len(values) // 2], values[-1]]
    return " / ".join(f"{v:.1f}" for v in picks) + " (first / middle / last)"


def phase_d(args: argparse.Namespace) -> dict[str, Any]:
    published = args.workdir / "warehouse.duckdb"
    if not published.exists():
        raise SystemExit("phase d needs the warehouse of phase c (run with --phases c,d)")
    inbox = args.workdir / "incremental"
    shutil.rmtree(inbox, ignore_errors=True)
    write_corpus(inbox, 10, args.seed, start=args.n)  # articles N..N+9: new, same generator
    r = _load_folder(inbox, published, 1, args.batch_size)
    s, t = r["stats"], r["timings"]
    return {"articles": r["files"], "bytes": r["bytes"], "seconds": t["total"], "processes": 1,
            "note": f"load (plan+extract+dedup+insert) {t['load']:.2f} s; fixed: migrate check "
                    f"{t['migrate']:.2f} s, publish {t['publish']:.2f} s; "
                    f"{s['events_new']} new events, {s['events_merged']} merged into existing",
            "load_seconds": t["load"]}  # fmt: skip


def run_phase(args: argparse.Namespace) -> None:
    result = {"a": phase_a, "b": phase_b, "c": phase_c, "d": phase_d}[args.phase](args)
    result["rss"], result["rss_workers"] = peak_rss_mb()
    print("RESULT " + json.dumps(result))


# --- driver ------------------------------------------------------------------------------------


def _loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def ensure_corpus(folder: Path, n: int, seed: int) -> str:
    marker = folder / ".corpus.json"
    generator = (Path(__file__).parent / "corpus.py").read_bytes()
    from etl.knowledge_base import load_knowledge_base

    want = {"n": n, "seed": seed, "generator": hashlib.sha256(generator).hexdigest()[:12],
            "knowledge": load_knowledge_base().version}  # fmt: skip
    if marker.exists() and json.loads(marker.read_text()) == want:
        return "reused"
    shutil.rmtree(folder, ignore_errors=True)
    t0 = time.perf_counter()
    size = write_corpus(folder, n, seed)
    marker.write_text(json.dumps(want))
    return f"generated in {time.perf_counter() - t0:.0f} s, {size / 1e6:.1f} MB"


def child(args: argparse.Namespace, phase: str) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--phase", phase, "--n", str(args.n),
           "--seed", str(args.seed), "--processes", str(args.processes), "--batch-size",
           str(args.batch_size), "--baseline-limit", str(args.baseline_limit),
           "--workdir", str(args.workdir)]  # fmt: skip
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("RESULT "))
    return json.loads(line[len("RESULT ") :])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="newsfacts throughput benchmark")
    parser.add_argument("--n", type=int, default=10_000, help="articles in the corpus")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--processes", type=int, default=2, help="extraction processes")
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--phases", default="a,b,c,d", help="comma list of a,b,c,d")
    parser.add_argument("--baseline-limit", type=int, default=0,
                        help="time spaCy on the first K articles only (0: all); a rate, so the "
                             "ratio stays valid")  # fmt: skip
    parser.add_argument("--workdir", type=Path, help="keep corpus and warehouse here "
                        "(default: a temporary folder, removed afterwards)")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        args.corpus = args.workdir / "corpus"
        run_phase(args)
        return 0

    temp = None
    if args.workdir is None:
        temp = tempfile.mkdtemp(prefix="newsfacts-bench-")
        args.workdir = Path(temp)
    args.workdir = args.workdir.resolve()
    args.workdir.mkdir(parents=True, exist_ok=True)
    try:
        how = ensure_corpus(args.workdir / "corpus", args.n, args.seed)
        print(f"corpus: {args.n:,} articles, seed {args.seed}, {how} ({args.workdir / 'corpus'})")
        print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; "
              f"processes={args.processes}, batch size={args.batch_size}; "
              f"load average {_loadavg()}")  # fmt: skip
        results: dict[str, dict[str, Any]] = {}
        for phase in [p.strip() for p in args.phases.split(",") if p.strip()]:
            if phase not in PHASES:
                parser.error(f"unknown phase {phase!r}")
            results[phase] = r = child(args, phase)
            rate = r["articles"] / r["seconds"] if r["seconds"] else float("nan")
            print(f"  {TITLES[phase]}: {r['articles']:,} articles in {r['seconds']:.1f} s "
                  f"({rate:,.0f}/s)", flush=True)  # fmt: skip
        print_table(results)
        print(f"load average at the end: {_loadavg()} (other processes distort the figures)")
    finally:
        if temp:
            shutil.rmtree(temp, ignore_errors=True)
    return 0


def print_table(results: dict[str, dict[str, Any]]) -> None:
    base = results.get("a")
    base_rate = base["articles"] / base["seconds"] if base else None
    print()
    head = (f"{'phase':40s} {'proc':>4s} {'articles':>9s} {'seconds':>8s} {'articles/s':>10s} "
            f"{'MB/s':>6s} {'x spaCy':>7s} {'peak RSS MB':>11s} {'workers MB':>10s}")  # fmt: skip
    print(head)
    print("-" * len(head))
    for phase, r in results.items():
        rate = r["articles"] / r["seconds"]
        mbs = r["bytes"] / 1e6 / r["seconds"]
        ratio = f"{rate / base_rate:7.2f}" if base_rate and phase in "bc" else f"{'':7s}"
        workers = f"{r['rss_workers']:10.0f}" if r["processes"] > 1 else f"{'-':>10s}"
        print(f"{TITLES[phase]:40s} {r['processes']:4d} {r['articles']:9,d} {r['seconds']:8.1f} "
              f"{rate:10,.0f} {mbs:6.2f} {ratio} {r['rss']:11.0f} {workers}")  # fmt: skip
    print()
    for phase, r in results.items():
        print(f"{TITLES[phase]}: {r.get('note', '')}")
        if "digest" in r:
            print(f"    facts digest {r['digest']} (compare across --processes)")


if __name__ == "__main__":
    sys.exit(main())
