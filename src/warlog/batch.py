"""A batch run: inputs → articles → extractions → store, with an outcome for every input.

Used by `warlog extract` (and later the API): whatever goes wrong with one input is recorded
as its outcome (skipped or failed, with the reason) and the batch goes on; an article is
written whole or not at all.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date

from warlog.ingest import read_paths
from warlog.ingest.sanitize import printable_name, short_reason
from warlog.model import Article, Extraction, Outcome
from warlog.pipeline import MAX_CHARS, extract_safely
from warlog.store import Store


def save_safely(store: Store, article: Article, result: Extraction | Exception) -> Outcome:
    """The outcome of one article: its extraction stored (in one transaction: whole or not at
    all), a duplicate, or failed with the reason (the extraction's error, or the store's)."""
    origin = article.origin or article.id
    if isinstance(result, Exception):
        return Outcome(origin, "failed", f"extraction error: {type(result).__name__}: {result}", article.id)
    try:
        outcome = store.save(result)
    except Exception as error:  # noqa: BLE001 - the store rolled back; the batch goes on
        return Outcome(origin, "failed", f"store error: {type(error).__name__}: {error}", article.id)
    outcome.origin = origin
    outcome.n_events = len(result.events) if outcome.status == "stored" else 0
    return outcome


def run_batch(paths: Iterable[str], store: Store, published: date | None = None,
              on_outcome: Callable[[Outcome], None] | None = None, batch_size: int = 16) -> Counter:
    """Ingest, extract and store; returns the count of outcomes by status (and 'events')."""
    tally: Counter = Counter()
    queued: list[Article] = []

    def record(outcome: Outcome) -> None:
        outcome.origin, outcome.reason = printable_name(outcome.origin), short_reason(outcome.reason)
        store.log_outcome(outcome)
        tally[outcome.status] += 1
        tally["events"] += outcome.n_events
        if on_outcome:
            on_outcome(outcome)

    def articles():
        seen: set[str] = set()
        for item in read_paths(paths, published):
            if isinstance(item, Outcome):
                record(item)
            elif item.id in seen or store.has_article(item.id):
                record(Outcome(item.origin or item.id, "duplicate", "already stored", item.id))
            elif len(item.text) > MAX_CHARS:
                record(Outcome(item.origin or item.id, "skipped", f"text over {MAX_CHARS} characters", item.id))
            else:
                seen.add(item.id)
                queued.append(item)
                yield item

    for result in extract_safely(articles(), batch_size):
        record(save_safely(store, queued.pop(0), result))
    return tally
