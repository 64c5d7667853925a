"""Warehouse layer: schema (migrations), reference entities, and the published snapshot."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from dagster_project.defs.resources import WarehouseFiles, WarehouseLock, open_connection
from etl import warehouse
from etl.batches import sync_reference
from etl.knowledge_base import load_knowledge_base


@dg.asset(
    group_name="warehouse",
    kinds={"duckdb", "alembic"},
    description="The working warehouse file, restored from the last published snapshot if the "
    "previous run died, and migrated to the newest Alembic revision.",
)
def warehouse_schema(
    warehouse_files: WarehouseFiles,
    warehouse_lock: WarehouseLock,  # held for the run: no other run touches the working copy
) -> dg.MaterializeResult:
    work = warehouse.prepare_working_copy(warehouse_files.published_path)
    warehouse.migrate(work)
    with warehouse.connect(work, read_only=True) as con:
        revision = con.execute("select version_num from alembic_version").fetchone()
    return dg.MaterializeResult(
        metadata={
            "working_file": dg.MetadataValue.path(str(work)),
            "alembic_revision": revision[0] if revision else "",
        }
    )


@dg.asset(
    group_name="warehouse",
    kinds={"duckdb"},
    deps=[warehouse_schema],
    description="States, organizations, places and persons of the knowledge base as dimension "
    "tables; reloaded only when the knowledge version changes.",
)
def reference_entities(
    duckdb: DuckDBResource, warehouse_lock: WarehouseLock  # writes: under the lock
) -> dg.MaterializeResult:
    kb = load_knowledge_base()
    with open_connection(duckdb) as con:
        synced = sync_reference(con, kb)
        counts = {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]  # type: ignore[index]
            for t in ("state", "organization", "place", "person", "position")
        }
    return dg.MaterializeResult(
        metadata={"knowledge_version": kb.version, "synced": synced, **counts}
    )
