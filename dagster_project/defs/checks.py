"""Asset checks on the loaded warehouse: integrity that analysts rely on, failing visibly."""


import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource

from dagster_project.defs.assets.loading import warehouse_facts
from dagster_project.defs.resources import open_connection
from etl import quality


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


warehouse_checks = [_make(check) for check in quality.CHECKS]
