"""The real Dagster webserver on a loopback port: its GraphQL API shows the asset graph the way
the UI draws it (groups, descriptions, kinds, checks, sensor, schedule), launches
`newsfacts_job` on a folder given as run configuration, and the run publishes the warehouse
with its metadata. The server is always stopped, with bounded waits."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

PROJECT = Path(__file__).resolve().parents[2]
WEBSERVER = Path(sys.executable).with_name("dagster-webserver")
START_TIMEOUT = 90.0
RUN_TIMEOUT = 180.0

ASSET_QUERY = """
{
  assetNodes {
    assetKey { path }
    groupName
    description
    kinds
    jobNames
    dependencyKeys { path }
    assetChecksOrError { ... on AssetChecks { checks { name blocking } } }
  }
  repositoriesOrError {
    ... on RepositoryConnection {
      nodes {
        name
        location { name }
        jobs { name }
        sensors { name }
        schedules { name cronSchedule }
      }
    }
  }
}
"""

LAUNCH = """
mutation Launch($params: ExecutionParams!) {
  launchRun(executionParams: $params) {
    __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on PythonError { message }
    ... on RunConfigValidationInvalid { errors { message } }
    ... on InvalidSubsetError { message }
  }
}
"""

RUN_STATUS = """
query Run($runId: ID!) {
  runOrError(runId: $runId) { ... on Run { status } }
}
"""

MATERIALIZATION = """
query Latest($key: AssetKeyInput!) {
  assetOrError(assetKey: $key) {
    ... on Asset {
      assetMaterializations(limit: 1) {
        runId
        metadataEntries { label __typename }
      }
    }
  }
}
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Webserver:
    def __init__(self, port: int) -> None:
        self.url = f"http://127.0.0.1:{port}"

    def graphql(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(
            f"{self.url}/graphql", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            doc = json.loads(response.read())
        assert "errors" not in doc, doc["errors"]
        return doc["data"]


def stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the server's own process group (it and the run processes it started), then
    SIGKILL if it does not exit in time."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except (subprocess.TimeoutExpired, ProcessLookupError):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)


@pytest.fixture
def webserver(tmp_path: Path, samples: Path) -> Iterator[tuple[Webserver, Path, Path]]:
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text(
        "run_coordinator:\n"
        "  module: dagster._core.run_coordinator\n"
        "  class: DefaultRunCoordinator\n"
        "telemetry:\n"
        "  enabled: false\n",
        encoding="utf-8",
    )
    articles = tmp_path / "articles"
    shutil.copytree(samples, articles)
    warehouse = tmp_path / "warehouse.duckdb"
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "NEWSFACTS_WAREHOUSE": str(warehouse),
        "NEWSFACTS_ARTICLES": str(tmp_path / "elsewhere"),  # run config must win
        "NEWSFACTS_INBOX": str(tmp_path / "inbox"),
    }
    port = free_port()
    log = (tmp_path / "webserver.log").open("wb")
    proc = subprocess.Popen(
        [str(WEBSERVER), "-m", "dagster_project.definitions", "-h", "127.0.0.1", "-p", str(port)],
        cwd=PROJECT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, so stop() reaches its children
    )
    server = Webserver(port)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(
                    "webserver exited:\n" + (tmp_path / "webserver.log").read_text()[-3000:]
                )
            try:
                with urllib.request.urlopen(f"{server.url}/server_info", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    pytest.fail("webserver did not answer within the start timeout")
                time.sleep(0.5)
        yield server, articles, warehouse
    finally:
        stop(proc)
        log.close()


@pytest.mark.timeout(400)
def test_webserver_shows_the_graph_and_runs_the_job(webserver) -> None:
    server, articles, warehouse = webserver

    data = server.graphql(ASSET_QUERY)
    nodes = {"/".join(n["assetKey"]["path"]): n for n in data["assetNodes"]}
    assert {
        "warehouse_schema": "warehouse",
        "reference_entities": "warehouse",
        "parsed_articles": "ingest",
        "article_facts": "extract",
        "event_groups": "resolve",
        "warehouse_facts": "load",
        "published_warehouse": "publish",
    }.items() <= {key: n["groupName"] for key, n in nodes.items()}.items()
    for key, node in nodes.items():
        assert node["description"] and len(node["description"]) > 40, key
        assert node["kinds"], key
        # the partitioned ingest-batch path (group "batches") has its own job
        job = "ingest_batch_job" if node["groupName"] == "batches" else "newsfacts_job"
        assert job in node["jobNames"], key
    assert ["warehouse_facts"] == [
        "/".join(d["path"]) for d in nodes["published_warehouse"]["dependencyKeys"]
    ]
    checks = {
        c["name"]: c["blocking"] for c in nodes["warehouse_facts"]["assetChecksOrError"]["checks"]
    }
    assert {
        "no_orphan_rows",
        "events_have_participants",
        "facts_have_evidence",
        "event_dates_plausible",
        "reporting_views_answer",
    } <= set(checks)
    assert all(checks.values())

    [repo] = data["repositoriesOrError"]["nodes"]
    assert "newsfacts_job" in {j["name"] for j in repo["jobs"]}
    assert {s["name"] for s in repo["sensors"]} == {"inbox_sensor", "ingest_batch_sensor"}
    assert [(s["name"], s["cronSchedule"]) for s in repo["schedules"]] == [
        ("nightly_schedule", "0 3 * * *")
    ]

    launched = server.graphql(
        LAUNCH,
        {
            "params": {
                "selector": {
                    "repositoryLocationName": repo["location"]["name"],
                    "repositoryName": repo["name"],
                    "jobName": "newsfacts_job",
                },
                "runConfigData": {
                    "ops": {"parsed_articles": {"config": {"folder": str(articles)}}}
                },
            }
        },
    )["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    run_id = launched["run"]["runId"]

    deadline = time.monotonic() + RUN_TIMEOUT
    status = None
    while time.monotonic() < deadline:
        status = server.graphql(RUN_STATUS, {"runId": run_id})["runOrError"]["status"]
        if status in ("SUCCESS", "FAILURE", "CANCELED"):
            break
        time.sleep(1)
    assert status == "SUCCESS"

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("select count(*) from article").fetchone() == (5,)
    finally:
        con.close()

    latest = server.graphql(MATERIALIZATION, {"key": {"path": ["published_warehouse"]}})
    [mat] = latest["assetOrError"]["assetMaterializations"]
    assert mat["runId"] == run_id
    labels = {e["label"] for e in mat["metadataEntries"]}
    assert {
        "path",
        "storage_version",
        "readable_by_duckdb_1x",
        "rows",
        "dagster/row_count",
    } <= labels
    loaded = server.graphql(MATERIALIZATION, {"key": {"path": ["warehouse_facts"]}})
    labels = {
        e["label"] for e in loaded["assetOrError"]["assetMaterializations"][0]["metadataEntries"]
    }
    assert {"new_events", "dagster/row_count", "rows_event"} <= labels
