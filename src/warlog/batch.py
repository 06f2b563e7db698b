"""A batch run: inputs → articles → extractions → store, with an outcome for every input.

Used by `warlog extract` (and later the API): whatever goes wrong with one input is recorded
as its outcome (skipped or failed, with the reason) and the batch goes on; an article is
written whole or not at all.

Inputs are streamed: the language test and extraction run in worker processes (see
warlog.parallel) over a bounded window, and this process alone writes to the store, in input order, so a run with
one worker and a run with many give the same store. Each article is its own transaction,
so a run that is killed leaves whole articles only; `resume=True` passes over what an
earlier run already did (see run_batch).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from sqlalchemy import select

from warlog.ingest import read_paths
from warlog.ingest.reader import language_reason
from warlog.ingest.sanitize import printable_name, short_reason
from warlog.model import Article, Extraction, Outcome
from warlog.parallel import TASK_ARTICLES, ExtractFn, Failure, Skipped, WorkerStats, extract_ordered, failure_reason
from warlog.pipeline import MAX_CHARS
from warlog.store import Store, schema


def save_safely(store: Store, article: Article, result: Extraction | Exception | Failure | Skipped) -> Outcome:
    """The outcome of one article: its extraction stored (in one transaction: whole or not at
    all), a duplicate, skipped (e.g. not English) or failed with the reason (the extraction's
    error, or the store's)."""
    origin = article.origin or article.id
    if isinstance(result, Skipped):
        return Outcome(origin, "skipped", result.reason, article.id)
    if isinstance(result, Failure):
        return Outcome(origin, "failed", result.reason, article.id)
    if isinstance(result, Exception):
        return Outcome(origin, "failed", failure_reason(result), article.id)
    try:
        outcome = store.save(result)
    except Exception as error:  # noqa: BLE001 - the store rolled back; the batch goes on
        return Outcome(origin, "failed", f"store error: {type(error).__name__}: {error}", article.id)
    outcome.origin = origin
    outcome.n_events = len(result.events) if outcome.status == "stored" else 0
    return outcome


def skipped_before(store: Store) -> set[str]:
    """Origins an earlier run logged as skipped (not English, empty, no text...)."""
    log_table = schema.ingest_log
    with store.engine.connect() as conn:
        return set(conn.execute(select(log_table.c.origin).where(log_table.c.status == "skipped")).scalars())


def _resumed(origin: str, article_id: str | None = None) -> Outcome:
    """An input an earlier run already dealt with: counted, passed on, never logged again."""
    return Outcome(origin, "resumed", "done by an earlier run", article_id)


def _triage(items: Iterable[Article | Outcome], store: Store, resume: bool) -> Iterator[
        tuple[Article | Outcome, Article | None]]:
    """(input, article to extract or None): what needs no extraction is decided here, cheaply."""
    seen: set[str] = set()
    done_before = skipped_before(store) if resume else set()
    for item in items:
        if isinstance(item, Outcome):
            skipped_earlier = item.status == "skipped" and printable_name(item.origin) in done_before
            yield (_resumed(item.origin) if skipped_earlier else item), None
        elif resume and printable_name(item.origin or item.id) in done_before:
            yield _resumed(item.origin or item.id, item.id), None  # skipped for its language
        elif item.id in seen:
            yield Outcome(item.origin or item.id, "duplicate", "already stored", item.id), None
        elif store.has_article(item.id):
            yield (_resumed(item.origin or item.id, item.id) if resume else
                   Outcome(item.origin or item.id, "duplicate", "already stored", item.id)), None
        elif len(item.text) > MAX_CHARS:
            yield Outcome(item.origin or item.id, "skipped", f"text over {MAX_CHARS} characters", item.id), None
        else:
            seen.add(item.id)
            yield item, item


def run_batch(paths: Iterable[str], store: Store, published: date | None = None,
              on_outcome: Callable[[Outcome], None] | None = None, batch_size: int = TASK_ARTICLES,
              workers: int = 0, resume: bool = False, extract: ExtractFn | None = None,
              stats: WorkerStats | None = None) -> Counter:
    """Ingest, extract and store; returns the count of outcomes by status (and 'events').

    workers: extraction processes (0: in this process); batch_size: articles per task.
    resume: an article already in the store, or an input an earlier run logged as skipped,
    is passed over without a new log line and counted as 'resumed' (without it, a stored
    article is logged as a duplicate, 'already stored'). extract, stats: see extract_ordered.
    """
    tally: Counter = Counter()

    def record(outcome: Outcome) -> None:
        outcome.origin, outcome.reason = printable_name(outcome.origin), short_reason(outcome.reason)
        if outcome.status != "resumed":
            store.log_outcome(outcome)
        tally[outcome.status] += 1
        tally["events"] += outcome.n_events
        if on_outcome:
            on_outcome(outcome)

    triaged = _triage(read_paths(paths, published, check_language=False), store, resume)
    for item, result in extract_ordered(triaged, workers=workers, chunk_size=batch_size,
                                        extract=extract, screen=language_reason, stats=stats):
        record(item if result is None else save_safely(store, item, result))
    return tally
