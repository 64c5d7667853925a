"""The `newsfacts` command: run the pipeline, migrate, export, evaluate.

`run` executes the same Dagster asset graph the UI runs, in-process, so the CLI and the UI
cannot drift apart. Errors are one clear line and a non-zero exit, not a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from etl.config import articles_path, warehouse_path

SUMMARY_TABLES = (
    "article", "rejected_article", "sentence", "mention", "person", "membership", "event",
    "participation", "event_evidence",
)


class CliError(Exception):
    """A problem the user can fix; shown as one line."""


@contextmanager
def _writer_lock(published: Path, wait: float) -> Iterator[None]:
    """The warehouse's writer lock for a command that writes it; busy is a CliError."""
    from etl import warehouse as wh

    held = ExitStack()
    try:
        held.enter_context(wh.writer_lock(published, wait))
    except wh.WarehouseBusy as exc:
        raise CliError(str(exc)) from None
    with held:
        yield


def _run(args: argparse.Namespace) -> int:
    import dagster as dg

    from dagster_project.definitions import ASSETS
    from dagster_project.defs.checks import warehouse_checks
    from dagster_project.defs.resources import build_resources
    from etl import warehouse as wh

    folder = articles_path(args.articles).resolve()
    published = warehouse_path(args.warehouse).resolve()
    if not folder.is_dir():
        raise CliError(f"article folder not found: {folder}")
    os.environ["NEWSFACTS_WAREHOUSE"] = str(published)
    # Taken here, before Dagster starts, so that a busy warehouse is one clear line; the run's
    # WarehouseLock resource then re-enters it (same process and thread).
    with _writer_lock(published, args.wait), tempfile.TemporaryDirectory(
        prefix="newsfacts-dagster-"
    ) as home:
        instance = dg.DagsterInstance.ephemeral(tempdir=home)
        result = dg.materialize(
            ASSETS + warehouse_checks,
            resources=build_resources(published),
            instance=instance,
            run_config={
                "ops": {
                    "parsed_articles": {"config": {"folder": str(folder), "progress": True}},
                    "article_facts": {"config": {"progress": True}},
                },
                "loggers": {"console": {"config": {"log_level": "ERROR"}}},
            },
            raise_on_error=False,
        )
        failed_checks = [
            ev.check_name for ev in result.get_asset_check_evaluations() if not ev.passed
        ]
        if failed_checks:
            raise CliError(
                "asset checks failed, warehouse not published: " + ", ".join(failed_checks)
            )
        if not result.success:
            failure = next(
                (e for e in result.all_events if e.event_type_value == "STEP_FAILURE"), None
            )
            message = "run failed"
            if failure is not None and failure.step_failure_data.error is not None:
                err = failure.step_failure_data.error
                cause = err.cause or err
                message = f"step {failure.step_key} failed: {cause.message.strip()}"
            raise CliError(message)
    with wh.connect(published, read_only=True) as con:
        run = con.execute(
            "select articles_seen, articles_loaded, articles_skipped, articles_rejected"
            " from extraction_run order by id desc limit 1"
        ).fetchone()
        counts = {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]  # type: ignore[index]
            for t in SUMMARY_TABLES
        }
        rejected = con.execute(
            "select file_name, reason, detail from rejected_article order by id"
        ).fetchall()
    assert run is not None
    print(f"warehouse: {published}")
    print(
        f"articles: {run[0]} files seen, {run[1]} loaded, {run[2]} unchanged, "
        f"{run[3]} newly rejected"
    )
    for name, reason, detail in rejected:
        print(f"  rejected {name}: {reason} ({detail})")
    print("rows: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
    return 0


def _migrate(args: argparse.Namespace) -> int:
    from etl import warehouse as wh

    published = warehouse_path(args.warehouse).resolve()
    with _writer_lock(published, args.wait):
        work = wh.prepare_working_copy(published)
        wh.migrate(work)
        wh.publish(published)
    print(f"migrated {published} to head")
    return 0


def _export(args: argparse.Namespace) -> int:
    from etl import warehouse as wh
    from etl.export import write_export

    published = warehouse_path(args.warehouse).resolve()
    if not published.exists():
        raise CliError(f"warehouse not found: {published} (run `newsfacts run` first)")
    with wh.connect(published, read_only=True) as con:
        doc = write_export(con, Path(args.out))
    print(
        f"wrote {args.out}: {len(doc['articles'])} articles, {len(doc['events'])} events, "
        f"{len(doc['memberships'])} memberships, {len(doc['persons'])} persons"
    )
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from etl import warehouse as wh
    from etl.evaluation import format_report, load_gold, score
    from etl.export import facts_document

    published = warehouse_path(args.warehouse).resolve()
    if not published.exists():
        raise CliError(f"warehouse not found: {published} (run `newsfacts run` first)")
    gold_file = Path(args.gold)
    if not gold_file.exists():
        raise CliError(f"gold file not found: {gold_file}")
    with wh.connect(published, read_only=True) as con:
        doc = facts_document(con)
    report = score(doc, load_gold(gold_file))
    if args.json:
        print(json.dumps(report.figures(), indent=1))
    else:
        print(format_report(report, details=args.details))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfacts", description="Political facts from German news, in a DuckDB warehouse."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    wh_help = "warehouse file users read (default: $NEWSFACTS_WAREHOUSE or data/warehouse.duckdb)"
    wait_help = ("when another run is writing the warehouse, wait up to SECONDS for it to "
                 "finish (default 0: fail at once)")

    run = sub.add_parser("run", help="migrate, then run the asset graph on a folder of articles")
    run.add_argument("--articles", help="article folder (default: $NEWSFACTS_ARTICLES or the "
                     "bundled samples in data/articles)")
    run.add_argument("--warehouse", help=wh_help)
    run.add_argument("--wait", type=float, default=0.0, metavar="SECONDS", help=wait_help)
    run.set_defaults(func=_run)

    mig = sub.add_parser("migrate", help="upgrade the warehouse schema to the newest revision")
    mig.add_argument("--warehouse", help=wh_help)
    mig.add_argument("--wait", type=float, default=0.0, metavar="SECONDS", help=wait_help)
    mig.set_defaults(func=_migrate)

    exp = sub.add_parser("export", help="write the facts JSON (../shared/gold/FORMAT.md)")
    exp.add_argument("--warehouse", help=wh_help)
    exp.add_argument("--out", required=True, help="JSON file to write")
    exp.set_defaults(func=_export)

    ev = sub.add_parser("evaluate", help="score the warehouse's facts against a gold file")
    ev.add_argument("--warehouse", help=wh_help)
    ev.add_argument("--gold", required=True, help="gold YAML (e.g. ../shared/gold/seeds.yaml)")
    ev.add_argument("--details", action="store_true", help="list misses and extras")
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.set_defaults(func=_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except CliError as exc:
        print(f"newsfacts: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsfacts: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the CLI's promise: one line, not a traceback
        print(f"newsfacts: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        if os.environ.get("NEWSFACTS_DEBUG"):
            raise
        return 1


if __name__ == "__main__":
    sys.exit(main())
