"""The `warlog` command line: extract, events, export, serve, report, eval."""
from __future__ import annotations

import json
import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from warlog.parallel import TASK_ARTICLES

app = typer.Typer(help="warlog: conflict news in, ACLED-style event data out.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_show_locals=False)
eval_app = typer.Typer(help="Score warlog against gold files (see shared/eval/README.md).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def _mount_gazetteer() -> None:
    from warlog.gazetteer_cli import app as gazetteer_app

    app.add_typer(gazetteer_app, name="gazetteer", help="Load a full GeoNames dump into the local gazetteer.")


_mount_gazetteer()


def _mount_control() -> None:
    from warlog.control.cli import control

    app.command("control")(control)


_mount_control()


def console() -> Console:
    """Made per call, so the width follows the terminal (and COLUMNS) of each run; piped
    output is not cut to 80 columns."""
    piped = not sys.stdout.isatty() and "COLUMNS" not in os.environ
    return Console(width=160 if piped else None)


def err() -> Console:
    return Console(stderr=True)

DbOption = Annotated[str, typer.Option("--db", help="SQLite file or database URL.")]


class Format(str, Enum):
    csv = "csv"
    json = "json"
    geojson = "geojson"
    parquet = "parquet"


def _date(value: Optional[str], flag: str) -> Optional[date]:
    from warlog.ingest import parse_published

    try:
        return parse_published(value)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint=flag) from None


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for standard input.")],
    db: DbOption = "warlog.db",
    published: Annotated[Optional[str], typer.Option(help="Publication date anchoring relative dates.")] = None,
    strict: Annotated[bool, typer.Option(help="Exit non-zero when any input was skipped or failed.")] = False,
    workers: Annotated[Optional[int], typer.Option(
        min=0, help="Extraction processes (default: one per core; 0: in this process).")] = None,
    resume: Annotated[bool, typer.Option(
        help="Continue an interrupted run on the same inputs: articles already stored and inputs "
             "already logged as skipped are passed over without a new log line (counted as resumed). "
             "Without it they are read again and each stored one is logged as a duplicate.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per task sent to a worker.")] = TASK_ARTICLES,
) -> None:
    """Ingest articles, extract their events and claims, and store them.

    Inputs are streamed and parsed in worker processes; results are stored in input order,
    each article in its own transaction, so a killed run leaves whole articles only and the
    same inputs give the same store whatever the number of workers.
    """
    from warlog.batch import run_batch
    from warlog.progress import outcome_progress, print_problems
    from warlog.store import Store
    from warlog.store.engine import shown_url

    anchor = _date(published, "--published")
    n_workers = (os.cpu_count() or 1) if workers is None else workers
    with Store(db) as store, outcome_progress("extract") as (seen, problems):
        tally = run_batch(paths, store, anchor, on_outcome=seen, batch_size=batch_size,
                          workers=n_workers, resume=resume)
        counts = store.counts()
    print_problems(problems)
    statuses = ("stored", "duplicate", "skipped", "failed") + (("resumed",) if resume else ())
    summary = ", ".join(f"{tally[k]} {k}" for k in statuses)
    console().print(f"{summary}; {tally['events']} events extracted. Store {shown_url(db)}: "
                  f"{counts['articles']} articles, {counts['events']} events, {counts['claims']} claims.")
    if strict and problems:
        raise typer.Exit(1)


def _filters(country, event_type, actor, date_from, date_to, historical):
    return dict(country=country, event_type=event_type, actor=actor, date_from=_date(date_from, "--from"),
                date_to=_date(date_to, "--to"), historical=None if historical else False)


CountryOpt = Annotated[Optional[str], typer.Option(help="Country name or ISO alpha-2 code.")]
TypeOpt = Annotated[Optional[str], typer.Option("--type", help="ACLED event type.")]
ActorOpt = Annotated[Optional[str], typer.Option(help="Actor name (substring).")]
FromOpt = Annotated[Optional[str], typer.Option("--from", help="Earliest event date.")]
ToOpt = Annotated[Optional[str], typer.Option("--to", help="Latest event date.")]
HistOpt = Annotated[bool, typer.Option("--historical", help="Include historical events.")]


@app.command()
def events(db: DbOption = "warlog.db", country: CountryOpt = None, event_type: TypeOpt = None,
           actor: ActorOpt = None, date_from: FromOpt = None, date_to: ToOpt = None,
           historical: HistOpt = False,
           limit: Annotated[Optional[int], typer.Option(help="Show at most this many.")] = None) -> None:
    """Show the stored events as a table."""
    from warlog.store import Store

    with Store(db) as store:
        rows = store.events(**_filters(country, event_type, actor, date_from, date_to, historical), limit=limit)
    table = Table(title=f"{len(rows)} events", show_lines=False)
    for col in ("date", "type", "sub-type", "actor 1", "actor 2", "location", "country", "killed", "hist"):
        table.add_column(col, overflow="fold")
    for e in rows:
        killed = "" if e.fatalities_low is None else (
            str(e.fatalities) if e.fatalities_low == e.fatalities_high else f"{e.fatalities_low}-{e.fatalities_high}")
        table.add_row(str(e.event_date or ""), e.event_type, e.sub_event_type, e.actor1 or "", e.actor2 or "",
                      e.location or "", e.country or "", killed, "yes" if e.is_historical else "")
    console().print(table)


@app.command()
def export(
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.csv,
    output: Annotated[Optional[str], typer.Option(help="Output file (default: standard output).")] = None,
    db: DbOption = "warlog.db", country: CountryOpt = None, event_type: TypeOpt = None, actor: ActorOpt = None,
    date_from: FromOpt = None, date_to: ToOpt = None, historical: HistOpt = False,
) -> None:
    """Export events: CSV with ACLED's columns, JSON, GeoJSON or Parquet."""
    from warlog import export as exporter
    from warlog.store import Store

    if fmt is Format.parquet and output is None:
        raise typer.BadParameter("Parquet needs --output FILE", param_hint="--output")
    with Store(db) as store:
        rows = store.events(**_filters(country, event_type, actor, date_from, date_to, historical))
        ids = sorted({e.article_id for e in rows} | {ev.article_id for e in rows for ev in e.evidence})
        articles = store.articles(ids)
    written = exporter.write(rows, fmt.value, output if output else sys.stdout, articles=articles)
    if output:
        err().print(f"wrote {int(written)} events to {output}" + (f" ({written.summary})" if written.summary else ""))


@app.command()
def bench(
    paths: Annotated[list[str], typer.Argument(help="Articles to time: files, folders, JSON Lines.")],
    workers: Annotated[str, typer.Option(help="Worker counts to time, comma-separated (1 is always timed).")] = "",
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per task sent to a worker.")] = TASK_ARTICLES,
    components: Annotated[int, typer.Option(
        min=0, help="Also profile the first N articles component by component (CPU time).")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Throughput as ratios: warlog end to end (ingest, workers, store) with 1 and N workers
    against bare spaCy in one process on the same texts, in the same run."""
    from itertools import islice

    from warlog.bench import benchmark_workers, component_costs
    from warlog.ingest import read_paths
    from warlog.model import Article

    try:
        counts = [int(n) for n in (workers or f"1,{os.cpu_count() or 1}").split(",") if n.strip()]
    except ValueError:
        raise typer.BadParameter("a comma-separated list of numbers, e.g. 1,2", param_hint="--workers") from None
    if not counts or min(counts) < 1:
        raise typer.BadParameter("worker counts are 1 or more", param_hint="--workers")
    try:
        result = benchmark_workers(paths, counts, batch_size=batch_size).as_dict()
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="PATHS") from None
    if components:
        articles = (a for a in read_paths(paths) if isinstance(a, Article))
        sample = [(a.text, a.published) for a in islice(articles, components)]
        result["components_cpu_seconds"] = costs = component_costs(sample)
    if as_json:
        console().print_json(json.dumps(result))
        return
    if components:
        parse = costs["parse"] or 1.0
        typer.echo(f"components over {len(sample)} articles, CPU seconds (share of the parse): "
                   + " ".join(f"{name}={sec} ({sec / parse:.1%})" for name, sec in costs.items()))
    most = max(result["speedup"])
    typer.echo(f"bench articles={result['n_articles']} ratio_per_core={result['ratio_per_core']} "
               f"speedup_{most}_workers={result['speedup'][most]} "
               f"peak_rss_mb_per_worker={result['peak_rss_mb_per_worker'][most]} "
               f"(ms/article: spacy={result['spacy_ms_per_article']} "
               + " ".join(f"warlog_{n}w={ms}" for n, ms in result["warlog_ms_per_article"].items()) + ")")


@app.command()
def serve(
    db: DbOption = "warlog.db",
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.", min=1, max=65535)] = 8000,
    allow_ingest: Annotated[bool, typer.Option("--allow-ingest", help="Accept POST /api/articles.")] = False,
) -> None:
    """Serve the map, timeline and evidence page and the JSON API (docs at /docs) on 127.0.0.1."""
    import uvicorn

    from warlog.api import create_app

    err().print(f"warlog on http://127.0.0.1:{port}/  (API docs: /docs; "
                f"{'ingest open' if allow_ingest else 'read-only'})")
    uvicorn.run(create_app(db, allow_ingest=allow_ingest), host="127.0.0.1", port=port, log_level="warning")


@app.command()
def report(
    out: Annotated[str, typer.Option("--out", help="HTML file to write.")] = "report.html",
    db: DbOption = "warlog.db", country: CountryOpt = None, event_type: TypeOpt = None, actor: ActorOpt = None,
    date_from: FromOpt = None, date_to: ToOpt = None,
    title: Annotated[str, typer.Option(help="Title of the report.")] = "warlog report",
) -> None:
    """Write the map, timeline, table and evidence view as one self-contained HTML file."""
    from warlog.report import write_report

    filters = _filters(country, event_type, actor, date_from, date_to, True)
    n_events = write_report(db, out, title=title, **filters)
    err().print(f"wrote {n_events} events to {out}")


def _score(kind: str, gold: str, as_json: bool) -> None:
    from warlog import evaluate
    from warlog.evaluate import systems

    if not Path(gold).is_file():
        raise typer.BadParameter(f"no such gold file: {gold}", param_hint="GOLD")
    scorer = {"events": evaluate.score_events, "places": evaluate.score_places, "dates": evaluate.score_dates}[kind]
    system = {"events": systems.extract_fn, "places": systems.geoparse_fn, "dates": systems.timex_fn}[kind]
    result = scorer(gold, system)
    if as_json:
        console().print_json(json.dumps({k: v for k, v in result.items() if k != "detail"}, default=str))
        return
    console().print(evaluate.format_table(result, kind, title=Path(gold).name))
    typer.echo(evaluate.summary_line(result, kind))  # one line, never wrapped: tools read it


GoldArg = Annotated[str, typer.Argument(help="Gold JSON Lines file.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")]


@eval_app.command("events")
def eval_events(gold: GoldArg, as_json: JsonOpt = False) -> None:
    """Event detection, typing, dates, places, actors, tolls and claims."""
    _score("events", gold, as_json)


@eval_app.command("places")
def eval_places(gold: GoldArg, as_json: JsonOpt = False) -> None:
    """Toponym recognition and resolution."""
    _score("places", gold, as_json)


@eval_app.command("dates")
def eval_dates(gold: GoldArg, as_json: JsonOpt = False) -> None:
    """Time expression recognition and normalisation."""
    _score("dates", gold, as_json)


def _mount_batch() -> None:
    from warlog.cluster.cli import batch

    app.command("batch")(batch)


_mount_batch()


if __name__ == "__main__":
    app()
