"""The client side of a cluster batch: plan, read, decide, extract, then save in input order.

For each partition (in input order) a worker reads it and keeps the articles in its memory;
the client gets back only ids, origins and lengths, and decides what `warlog extract` would:
a text already seen (earlier in the run or in the store) is a duplicate, an over-long one is
skipped, the rest are extracted on the worker that holds them. The client then saves the
Extractions into the Store in input order (partition, then position), so Store.save's
cross-article reconciliation makes the same events as a single-process run. A bounded window
of partitions is in flight at once, so neither the client nor the workers hold the whole input.
"""
from __future__ import annotations

import logging
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import select

from warlog import export
from warlog.batch import Recorder, admit, save_safely
from warlog.cluster import outputs
from warlog.cluster.inputs import (
    SLICED,
    Partition,
    Slice,
    kind_of,
    list_files,
    partitions,
    plan_file,
)
from warlog.cluster.tasks import extract_partition, read_partition, summarize
from warlog.pipeline import warm_up
from warlog.ingest import parse_published
from warlog.ingest.sanitize import printable_name, short_reason
from warlog.model import Outcome
from warlog.parallel import TASK_ARTICLES
from warlog.store import Store, schema


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator:
    """A dask.distributed Client: of the cluster at `scheduler` (tcp://host:8786), or of a
    LocalCluster of `workers` processes (default: one per core) with one thread each."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def plan(client, paths: Iterable[str | Path], size: int) -> tuple[list[Partition], list[Outcome]]:
    """The partitions of the inputs (sliced files are scanned on workers), and a failed Outcome
    for each path that gives none."""
    entries: list = []
    problems: list[Outcome] = []
    for found in list_files(paths):
        if isinstance(found, Outcome):
            problems.append(found)
        elif kind_of(found) in SLICED:
            entries.append(client.submit(plan_file, str(found), kind_of(found), size, pure=False))
        else:
            entries.append(Slice(str(found), "file"))
    planned = iter(client.gather([e for e in entries if not isinstance(e, Slice)]))
    resolved: list = []
    for entry in entries:
        result = entry if isinstance(entry, Slice) else next(planned)
        (problems if isinstance(result, Outcome) else resolved).append(result)
    return partitions(resolved, size), problems


@dataclass
class _InFlight:
    """One partition between reading and saving: per position, a final Outcome, or the
    (origin, article id) of an article being extracted."""

    partition: Partition
    decisions: list[Outcome | tuple[str, str]] = field(default_factory=list)
    extracted: object = None  # the future of extract_partition (None when the partition was lost)


def _partition_failed(partition: Partition, stage: str, error: BaseException) -> list[Outcome]:
    reason = short_reason(f"{stage}: {type(error).__name__}: {error}")
    return [Outcome(f"{printable_name(s.path)}:{s.first}", "failed", reason) for s in partition.slices]


class _Run:
    """State of one run: the store, what was seen, the tally, and how outcomes are recorded."""

    def __init__(self, client, store: Store, out: str | None, on_outcome, batch_size: int) -> None:
        self.client, self.store, self.out, self.on_outcome = client, store, out, on_outcome
        self.batch_size = batch_size
        self.seen: set[str] = set()
        self.record = Recorder(store, on_outcome)
        self.tally = self.record.tally

    def decide(self, partition: Partition, read, summary) -> _InFlight:
        """What `warlog extract` would do with each item; submits the extraction of the rest."""
        flight = _InFlight(partition)
        try:
            summaries = summary.result()
        except Exception as error:  # noqa: BLE001 - a lost partition is recorded, the run goes on
            flight.decisions = _partition_failed(partition, "partition could not be read", error)
            return flight
        keep = []
        for position, item in enumerate(summaries):
            if isinstance(item, Outcome):
                flight.decisions.append(item)
                continue
            article_id, origin, length = item
            outcome = admit(article_id, origin, length, self.seen, self.store)
            if outcome is not None:
                flight.decisions.append(outcome)
            else:
                flight.decisions.append((origin, article_id))
                keep.append(position)
        # submitted even when nothing is to be extracted: every partition writes its (maybe empty) parts
        flight.extracted = self.client.submit(extract_partition, read, keep, self.out, partition.index,
                                              self.batch_size, pure=False)
        return flight

    def save(self, flight: _InFlight) -> None:
        """Save the partition's extractions in order and record every position's outcome."""
        results: dict = {}
        lost = ""
        if flight.extracted is not None:
            try:
                results = flight.extracted.result()
            except Exception as error:  # noqa: BLE001 - e.g. a worker that died on it twice
                lost = f"partition could not be extracted: {type(error).__name__}: {error}"
        final = []
        for position, decided in enumerate(flight.decisions):
            if isinstance(decided, Outcome):
                outcome = decided
            elif lost:
                outcome = Outcome(decided[0], "failed", lost, decided[1])
            else:
                result = results[position]
                outcome = result if isinstance(result, Outcome) else save_safely(self.store, result.article, result)
            final.append(self.record(outcome))
        if self.out is not None:
            outputs.write_outcomes(self.out, outputs.part_name(flight.partition.index), final)


def run_cluster_batch(paths: Iterable[str | Path], store: Store, client, out: str | Path | None = None,
                      partition_size: int = 64, published: date | str | None = None,
                      on_outcome: Callable[[Outcome], None] | None = None, window: int | None = None,
                      batch_size: int = TASK_ARTICLES) -> Counter:
    """Ingest, extract and store on a Dask cluster; returns the count of outcomes by status
    (and 'events', 'partitions'). Parquet parts go to `out` (see warlog.cluster.outputs)."""
    anchor = parse_published(published)
    out = None if out is None else str(out)
    run = _Run(client, store, out, on_outcome, batch_size)
    if out is not None:
        outputs.clear_parts(out)
    client.run(warm_up)  # every worker loads the pipeline before the first partition
    parts, problems = plan(client, paths, max(1, partition_size))
    for problem in problems:
        run.record(problem)
    if out is not None:
        outputs.write_outcomes(out, "plan.parquet", problems)
    window = window or 3 * max(1, sum(client.nthreads().values())) + 1
    _pump(run, iter(parts), anchor, window)
    run.tally["partitions"] = len(parts)
    if out is not None:
        write_reconciled(store, out)
    return run.tally


def _pump(run: _Run, upcoming: Iterator[Partition], anchor: date | None, window: int) -> None:
    """Keep at most `window` partitions read ahead and `window` extracting; decide each partition
    as soon as its summary is in (reads run before extractions: they have priority), and save
    partitions strictly in input order."""
    from distributed import wait

    reading: deque = deque()
    flying: deque[_InFlight] = deque()
    while True:
        while len(reading) < window and (partition := next(upcoming, None)) is not None:
            read = run.client.submit(read_partition, partition, anchor, pure=False, priority=1)
            reading.append((partition, read, run.client.submit(summarize, read, pure=False, priority=1)))
        while reading and len(flying) < window and reading[0][2].done():
            flying.append(run.decide(*reading.popleft()))
        if flying and (flying[0].extracted is None or flying[0].extracted.done()):
            run.save(flying.popleft())
            continue
        awaited = [flying[0].extracted] if flying else []
        if reading and len(flying) < window:
            awaited.append(reading[0][2])
        if not awaited:
            return
        wait(awaited, return_when="FIRST_COMPLETED")


def write_reconciled(store: Store, out: str | Path) -> dict[str, int]:
    """The store's events after reconciliation (ACLED columns) and its event reports, as Parquet."""
    events = store.events(historical=None)
    sources = {i: SimpleNamespace(source=source) for i, (source, _day) in store.article_meta().items()}
    with store.engine.connect() as conn:
        reports = [dict(r) for r in conn.execute(select(schema.event_reports)).mappings()]
    written = export.write(events, "parquet", Path(out) / "events_reconciled.parquet", articles=sources)
    outputs.write_table(Path(out) / "event_reports.parquet", reports, outputs.arrow_schema(schema.event_reports))
    return {"events": int(written), "event_reports": len(reports)}
