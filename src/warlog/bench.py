"""Throughput: warlog's whole extraction against bare spaCy on the same texts, in the same run.

The spaCy parse is the floor; what matters is how much warlog adds on top of it, so the
figure reported is a ratio (bare spaCy time / warlog time: 1.0 means extraction is free),
never a bare wall time.
"""
from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date

from warlog.model import Article


@dataclass
class BenchResult:
    n_articles: int
    n_chars: int
    spacy_seconds: float  # bare en_core_web_sm over the texts
    warlog_seconds: float  # warlog's pipeline (model + components + reconciliation)
    ratio: float  # spacy_seconds / warlog_seconds: share of bare-parse speed warlog keeps
    events_per_article: float

    def as_dict(self) -> dict:
        return asdict(self)


def benchmark(texts: Iterable[tuple[str, date | None]], batch_size: int = 32, repeat: int = 1) -> BenchResult:
    """Time bare spaCy and warlog over the same (text, published) pairs; best of `repeat` runs."""
    import spacy

    from warlog.nlp.pipeline import MODEL, get_nlp
    from warlog.pipeline import extract_many

    items = list(texts)
    bare = spacy.load(MODEL)
    get_nlp()  # load outside the timed runs: start-up is measured elsewhere
    list(bare.pipe([t for t, _ in items[:8]]))  # warm both
    list(extract_many([Article(text=t, published=p) for t, p in items[:8]]))
    spacy_best = warlog_best = float("inf")
    n_events = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _doc in bare.pipe((t for t, _ in items), batch_size=batch_size):
            pass
        spacy_best = min(spacy_best, time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_events = sum(len(x.events) for x in extract_many(
            (Article(text=t, published=p) for t, p in items), batch_size=batch_size))
        warlog_best = min(warlog_best, time.perf_counter() - t0)
    return BenchResult(n_articles=len(items), n_chars=sum(len(t) for t, _ in items),
                       spacy_seconds=round(spacy_best, 3), warlog_seconds=round(warlog_best, 3),
                       ratio=round(spacy_best / warlog_best, 3) if warlog_best else 0.0,
                       events_per_article=round(n_events / len(items), 3) if items else 0.0)
