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
        elif (outcome := admit(item.id, item.origin or item.id, len(item.text), seen, store, resume)) is not None:
            yield outcome, None
        else:
            yield item, item


def admit(article_id: str, origin: str, length: int, seen: set[str], store: Store,
          resume: bool = False) -> Outcome | None:
    """Why an article needs no extraction (seen in this run or stored before: a duplicate, or
    'resumed'; too long: skipped), or None when it is to be extracted (it is then noted in `seen`)."""
    if article_id in seen:
        return Outcome(origin, "duplicate", "already stored", article_id)
    if store.has_article(article_id):
        return _resumed(origin, article_id) if resume else Outcome(origin, "duplicate", "already stored", article_id)
    if length > MAX_CHARS:
        return Outcome(origin, "skipped", f"text over {MAX_CHARS} characters", article_id)
    seen.add(article_id)
    return None


class Recorder:
    """Records each outcome of a run: logged to the store (origin and reason made printable;
    'resumed' ones were logged by the run they come from), counted in `tally` by status (and
    'events'), and passed to `on_outcome`."""

    def __init__(self, store: Store, on_outcome: Callable[[Outcome], None] | None = None) -> None:
        self.store, self.on_outcome, self.tally = store, on_outcome, Counter()

    def __call__(self, outcome: Outcome) -> Outcome:
        outcome.origin, outcome.reason = printable_name(outcome.origin), short_reason(outcome.reason)
        if outcome.status != "resumed":
            self.store.log_outcome(outcome)
        self.tally[outcome.status] += 1
        self.tally["events"] += outcome.n_events
        if self.on_outcome:
            self.on_outcome(outcome)
        return outcome


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
    record = Recorder(store, on_outcome)
    triaged = _triage(read_paths(paths, published, check_language=False), store, resume)
    for item, result in extract_ordered(triaged, workers=workers, chunk_size=batch_size,
                                        extract=extract, screen=language_reason, stats=stats):
        record(item if result is None else save_safely(store, item, result))
    return record.tally
