"""Throughput: warlog's whole extraction against bare spaCy on the same texts, in the same run.

The spaCy parse is the floor; what matters is how much warlog adds on top of it, so the
figure reported is a ratio (bare spaCy time / warlog time: 1.0 means extraction is free),
never a bare wall time. `benchmark_workers` times warlog end to end (ingest, worker
processes, store) with 1 and N workers: ratio per core and speed-up.
"""
from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date

from warlog.model import Article
from warlog.parallel import TASK_ARTICLES


@dataclass
class ScaleResult:
    """warlog end to end (ingest, workers, store) with 1 and N workers against bare spaCy.

    Times are steady-state seconds per article (worker start-up, reported apart, left out).
    ratio_per_core: bare spaCy in one process / warlog with one worker (1.0: extraction and
    storing cost nothing beyond the parse); speedup: warlog with one worker / with N.
    """

    n_articles: int
    n_chars: int
    spacy_ms_per_article: float
    warlog_ms_per_article: dict[int, float]  # workers -> steady-state ms per article
    startup_seconds: dict[int, float]  # workers -> seconds until the first article was stored
    ratio_per_core: float
    speedup: dict[int, float]  # workers -> ms(1 worker) / ms(N workers)
    peak_rss_mb_per_worker: dict[int, float]  # workers -> the largest worker's peak RSS
    main_rss_mb: float
    events: dict[int, int]

    def as_dict(self) -> dict:
        return asdict(self)


def _timed_batch(paths: list[str], workers: int, batch_size: int) -> tuple[float, float, int, int, float]:
    """(startup s, steady s per article, articles, events, largest worker peak RSS MB) of one run
    into a throw-away store."""
    import tempfile
    from pathlib import Path

    from warlog.batch import run_batch
    from warlog.parallel import WorkerStats
    from warlog.store import Store

    stats, stamps = WorkerStats(), []
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.db") as store:
        t0 = time.perf_counter()
        tally = run_batch(paths, store, workers=workers, batch_size=batch_size, stats=stats,
                          on_outcome=lambda o: stamps.append(time.perf_counter()))
    stored = tally["stored"]
    if len(stamps) < 2 or not stored:
        raise ValueError("the bench needs at least two articles that can be stored")
    # the first tasks in flight finish together (their outcomes arrive in one burst): start-up
    ramp = min(workers * batch_size, len(stamps) - 1) - 1
    steady = (stamps[-1] - stamps[ramp]) / (len(stamps) - 1 - ramp) if ramp > 0 else \
        (stamps[-1] - stamps[0]) / (len(stamps) - 1)
    peak = max(stats.peak_rss.values(), default=0) / 1e6
    return stamps[0] - t0, steady, stored, tally["events"], peak


def benchmark_workers(paths: list[str], workers: Iterable[int] = (1, 2), batch_size: int = TASK_ARTICLES) -> ScaleResult:
    """Bare spaCy (one process) and warlog end to end with each number of workers, same texts, same run;
    spaCy parses batches of `batch_size` in both."""
    import psutil
    import spacy

    from warlog.ingest import read_paths
    from warlog.nlp.pipeline import MODEL

    texts = [a.text for a in read_paths(paths) if isinstance(a, Article)]
    if len(texts) < 2:
        raise ValueError("the bench needs at least two readable articles")
    bare = spacy.load(MODEL)
    list(bare.pipe(texts[:8]))
    t0 = time.perf_counter()
    for _doc in bare.pipe(texts, batch_size=batch_size):
        pass
    spacy_ms = (time.perf_counter() - t0) / len(texts) * 1000
    del bare
    warlog_ms, startup, rss, events = {}, {}, {}, {}
    for n in sorted(set(workers) | {1}):
        start, steady, _stored, n_events, peak = _timed_batch(paths, n, batch_size)
        warlog_ms[n], startup[n], rss[n], events[n] = round(steady * 1000, 2), round(start, 2), round(peak, 1), n_events
    return ScaleResult(
        n_articles=len(texts), n_chars=sum(map(len, texts)), spacy_ms_per_article=round(spacy_ms, 2),
        warlog_ms_per_article=warlog_ms, startup_seconds=startup,
        ratio_per_core=round(spacy_ms / warlog_ms[1], 3),
        speedup={n: round(warlog_ms[1] / ms, 3) for n, ms in warlog_ms.items()},
        peak_rss_mb_per_worker=rss, main_rss_mb=round(psutil.Process().memory_info().rss / 1e6, 1), events=events)


def component_costs(texts: list[tuple[str, date | None]]) -> dict[str, float]:
    """CPU seconds each pipeline component spends on `texts`, one document at a time, with
    "parse" for the model's own components together: where warlog's cost beyond the parse is.
    (CPU time, so other processes on the machine do not inflate it.)"""
    from warlog.nlp.pipeline import get_nlp
    from warlog.pipeline import warm_up

    nlp = get_nlp()
    warm_up()  # loading the gazetteer and tables is start-up, measured elsewhere
    costs = {"parse": 0.0, **{name: 0.0 for name, _ in nlp.pipeline if name.startswith("warlog_")}}
    for text, published in texts:
        doc = nlp.make_doc(text)
        doc._.published = published
        for name, component in nlp.pipeline:
            t0 = time.process_time()
            doc = component(doc)
            costs[name if name in costs else "parse"] += time.process_time() - t0
    return {name: round(seconds, 3) for name, seconds in costs.items()}
