"""Parquet outputs of a cluster batch, one part per partition, written with pyarrow.

Per-article tables, written by the worker that extracted the partition (the store's own
columns, so a part loads straight into a database):
  articles/part-NNNNN.parquet   one row per article extracted (no text duplicates: those are
                                 left out before extraction, as `warlog extract` does)
  events/part-NNNNN.parquet     each article's own events, before cross-article reconciliation
  evidence/part-NNNNN.parquet   their evidence spans (event_id, or claim_index for a claim's)
  claims/part-NNNNN.parquet     claims, value as JSON text
Written by the client after reconciliation:
  outcomes/part-NNNNN.parquet   what happened to every input (the store's ingest log), and
                                 outcomes/plan.parquet for paths that gave no partition
  events_reconciled.parquet     the store's events after the run, ACLED columns (warlog export)
  event_reports.parquet         which articles report which reconciled event, with their tolls
All parts of one table share one schema, so `pyarrow.dataset` or `dask.dataframe.read_parquet`
reads a folder as one table.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Boolean, Date, DateTime, Float, Integer, Table

from warlog.model import Extraction, Outcome
from warlog.store import rows, schema

TABLES = ("articles", "events", "evidence", "claims", "outcomes")


def _arrow_type(sql_type) -> pa.DataType:
    for kind, arrow in ((Boolean, pa.bool_()), (Integer, pa.int64()), (Float, pa.float64()),
                        (DateTime, pa.timestamp("us", tz="UTC")), (Date, pa.date32())):
        if isinstance(sql_type, kind):
            return arrow
    return pa.string()


def arrow_schema(table: Table, drop: tuple[str, ...] = (),
                 extra: tuple[tuple[str, pa.DataType], ...] = ()) -> pa.Schema:
    """The Arrow schema of a store table, less `drop`, plus `extra` columns."""
    fields = [(c.name, _arrow_type(c.type)) for c in table.columns if c.name not in drop]
    return pa.schema(fields + list(extra))


SCHEMAS: dict[str, pa.Schema] = {
    "articles": arrow_schema(schema.articles, drop=("ingested_at",)),
    "events": arrow_schema(schema.events),
    "evidence": arrow_schema(schema.evidence, drop=("id", "claim_id"), extra=(("claim_index", pa.int64()),)),
    "claims": arrow_schema(schema.claims, drop=("id",), extra=(("claim_index", pa.int64()),)),
    "outcomes": arrow_schema(schema.ingest_log, drop=("id", "at")),
}


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def write_table(path: Path, records: list[dict], table_schema: pa.Schema) -> None:
    """Write rows as one Parquet file: a temporary file in the same folder, then a rename,
    so a part is there whole or not at all (a re-run task overwrites its own part)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        pq.write_table(pa.Table.from_pylist(records, schema=table_schema), temp)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _article_rows(extraction: Extraction) -> dict[str, list[dict]]:
    """The rows of one article in each per-article table; TypeError or ValueError when the
    store would refuse it too (a claim value that is not JSON)."""
    article = extraction.article
    ids = [event.id for event in extraction.events]
    if len(set(ids)) < len(ids):
        raise ValueError(f"events of article {article.id} share an id")
    out: dict[str, list[dict]] = {"articles": [], "events": [], "evidence": [], "claims": []}
    out["articles"].append({k: v for k, v in rows.article_row(article, None).items() if k != "ingested_at"})
    for position, event in enumerate(extraction.events):
        out["events"].append(rows.event_row(event, position))
        out["evidence"] += [rows.evidence_row(ev, event_id=event.id) | {"claim_index": None} for ev in event.evidence]
    for index, claim in enumerate(extraction.claims):
        out["claims"].append(rows.claim_row(claim, article.id) | {"claim_index": index})
        if claim.evidence is not None:
            out["evidence"].append(rows.evidence_row(claim.evidence) | {"claim_index": index})
    return out


def write_partition(out: str | Path, index: int, extractions: Iterable[Extraction]) -> dict[str, int]:
    """Write the per-article tables of one partition; returns the rows written per table."""
    tables: dict[str, list[dict]] = {"articles": [], "events": [], "evidence": [], "claims": []}
    for extraction in extractions:
        try:
            found = _article_rows(extraction)
        except (TypeError, ValueError):
            continue  # the store refuses this article as well: its outcome says why
        for name, found_rows in found.items():
            tables[name] += found_rows
    for name, found_rows in tables.items():
        columns = SCHEMAS[name].names
        write_table(Path(out) / name / part_name(index), [{c: r.get(c) for c in columns} for r in found_rows],
                    SCHEMAS[name])
    return {name: len(found_rows) for name, found_rows in tables.items()}


def write_outcomes(out: str | Path, name: str, outcomes: list[Outcome]) -> None:
    records = [{"origin": o.origin, "article_id": o.article_id, "status": o.status, "reason": o.reason,
                "n_events": o.n_events} for o in outcomes]
    write_table(Path(out) / "outcomes" / name, records, SCHEMAS["outcomes"])


def clear_parts(out: str | Path) -> None:
    """Remove the parts an earlier run left in `out`, so the folders hold this run's alone."""
    for name in TABLES:
        for part in (Path(out) / name).glob("*.parquet"):
            part.unlink()
