"""Cluster batch: `warlog batch` on dask.distributed, a local cluster or a real one.

Workers read their own partitions of the inputs (JSON Lines, Parquet, WARC, text, HTML),
extract them with the warlog pipeline and write Parquet parts; the client saves the
extractions into the Store in input order, so events are reconciled across partitions
exactly as `warlog extract` reconciles them. See run.py for the flow, outputs.py for the files.
"""
from __future__ import annotations

__all__ = ["dask_client", "run_cluster_batch", "write_reconciled"]


def __getattr__(name: str):
    """The public functions of run.py, imported on first use (the CLI mounts this package
    without loading the store or the pipeline)."""
    if name in __all__:
        from warlog.cluster import run

        return getattr(run, name)
    raise AttributeError(f"module 'warlog.cluster' has no attribute {name!r}")
