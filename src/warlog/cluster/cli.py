"""`warlog batch`: the command, mounted on the main app by warlog.cli."""
from __future__ import annotations

from typing import Annotated

import typer


def batch(
    paths: Annotated[list[str], typer.Argument(
        help="Files, folders or globs: JSON Lines, Parquet (a text column), WARC (.warc, .warc.gz), text, HTML.")],
    scheduler: Annotated[str | None, typer.Option(
        help="Address of a running Dask scheduler, e.g. tcp://host:8786 (default: a local cluster).")] = None,
    workers: Annotated[int | None, typer.Option(
        min=1, help="Worker processes of the local cluster, one thread each (default: one per core).")] = None,
    out: Annotated[str, typer.Option(help="Folder for the Parquet outputs.")] = "warlog-parquet",
    db: Annotated[str, typer.Option("--db", help="SQLite file or database URL.")] = "warlog.db",
    partition_size: Annotated[int, typer.Option(
        min=1, help="Records per partition: JSON Lines lines, Parquet rows, WARC responses or whole files.")] = 64,
    published: Annotated[str | None, typer.Option(help="Publication date anchoring relative dates.")] = None,
    strict: Annotated[bool, typer.Option(help="Exit non-zero when any input was skipped or failed.")] = False,
) -> None:
    """Extract a large batch on a Dask cluster, reconciling events across partitions.

    Workers read their own partitions, extract them and write Parquet parts:
    OUT/articles, OUT/events, OUT/evidence, OUT/claims (one per partition).
    The client saves every article into --db in input order, so reports of
    one event in different partitions become one event, as in `warlog extract`;
    then it writes OUT/outcomes, OUT/events_reconciled.parquet and
    OUT/event_reports.parquet.

    On a real cluster: warlog installed on every machine, inputs and OUT on a
    filesystem they all share, a scheduler and workers of one thread each:

      dask scheduler --port 8786
      dask worker tcp://SCHEDULER:8786 --nworkers 4 --nthreads 1
      warlog batch /shared/news --scheduler tcp://SCHEDULER:8786 --out /shared/out
    """
    from warlog.cluster.run import dask_client, run_cluster_batch
    from warlog.ingest import parse_published
    from warlog.progress import outcome_progress, print_problems
    from warlog.store import Store
    from warlog.store.engine import shown_url

    try:
        anchor = parse_published(published)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--published") from None
    with Store(db) as store, dask_client(scheduler, workers) as client, \
            outcome_progress("batch") as (seen, problems):
        tally = run_cluster_batch(paths, store, client, out=out, partition_size=partition_size,
                                  published=anchor, on_outcome=seen)
        counts = store.counts()
    print_problems(problems)
    summary = ", ".join(f"{tally[k]} {k}" for k in ("stored", "duplicate", "skipped", "failed"))
    typer.echo(f"{summary}; {tally['events']} events extracted in {tally['partitions']} partitions. "
               f"Store {shown_url(db)}: {counts['articles']} articles, {counts['events']} events. Parquet: {out}/")
    if strict and problems:
        raise typer.Exit(1)
