"""The main job: the whole asset graph, from article files to the published warehouse."""

from __future__ import annotations

import dagster as dg

newsfacts_job = dg.define_asset_job(
    "newsfacts_job",
    selection=dg.AssetSelection.all(),
    description="Read articles, extract and resolve facts, load and publish the warehouse.",
)
