"""Asset checks on the loaded warehouse: integrity that analysts rely on, failing visibly."""


import dagster as dg
import duckdb
import duckdb as ddb  # the check functions take a resource parameter named ``duckdb``
from dagster_duckdb import DuckDBResource

from dagster_project.defs.assets.loading import warehouse_facts
from dagster_project.defs.resources import open_connection
from etl import quality
from migrations.views import SQL_DIR


def _result(con: duckdb.DuckDBPyConnection, check: quality.Check) -> dg.AssetCheckResult:
    count, sample = quality.run_check(con, check)
    return dg.AssetCheckResult(
        passed=count == 0,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"violations": count, "sample": dg.MetadataValue.json(sample)},
        description=check.description,
    )


def _make(check: quality.Check) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=warehouse_facts, name=check.name, description=check.description, blocking=True
    )
    def _check(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with open_connection(duckdb) as con:
            return _result(con, check)

    return _check


def _view_names() -> list[str]:
    return sorted(path.stem for path in SQL_DIR.glob("*.sql"))


@dg.asset_check(
    asset=warehouse_facts,
    name="reporting_views_answer",
    description="Every reporting view in sql/ is installed and answers a query. DuckDB binds a "
    "view only when it is queried, so a renamed column would otherwise break an analyst's "
    "dashboard only after publishing.",
    blocking=True,
)
def reporting_views_answer(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    broken: dict[str, str] = {}
    rows: dict[str, int] = {}
    with open_connection(duckdb) as con:
        for view in _view_names():
            try:
                rows[view] = con.execute(f"select count(*) from {view}").fetchone()[0]  # type: ignore[index]
            except ddb.Error as exc:
                broken[view] = str(exc).splitlines()[0]
    table = "\n".join(f"| `{v}` | {n:,} |" for v, n in rows.items())
    return dg.AssetCheckResult(
        passed=not broken,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={
            "views": len(rows) + len(broken),
            "broken": dg.MetadataValue.json(broken),
            "rows": dg.MetadataValue.md("| view | rows |\n|---|---|\n" + table),
        },
        description="All views answer." if not broken else f"Broken: {', '.join(broken)}",
    )


warehouse_checks = [_make(check) for check in quality.CHECKS] + [reporting_views_answer]
