"""Extraction in worker processes, results handed back in input order.

`extract_ordered` takes a stream of (payload, article-or-None) pairs and yields
(payload, result) in the same order: an Article is extracted (by a pool of worker
processes, each loading the pipeline once), anything else passes through with result
None. Articles travel to the workers in chunks, and at most `window` chunks are in flight,
so an input of any length runs in bounded memory. Workers send back Extraction objects
(plain dataclasses, picklable), never spaCy Docs.

A worker that dies (segfault, out of memory, os._exit) breaks the pool: the pool is
restarted and the articles that were in flight are re-run one at a time, so the article
that kills a worker is recorded as a Failure and the others are kept.
"""
from __future__ import annotations

import multiprocessing
import resource
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from warlog.model import Article, Extraction

# Articles per task: spaCy parses a task's articles as one batch, and batches of 32 (the bare
# run the bench compares with) parse about a fifth faster per article than batches of 8.
TASK_ARTICLES = 32

T = TypeVar("T")
ExtractFn = Callable[[Iterable[Article], int], Iterable[Extraction | Exception]]
MAX_PASSING = 1000  # items waiting behind a half-built chunk before it is sent anyway


@dataclass(slots=True)
class Failure:
    """An article the pipeline could not extract, and why."""

    reason: str


@dataclass(slots=True)
class Skipped:
    """An article the screen turned away before extraction (e.g. not English), and why."""

    reason: str


Result = Extraction | Failure | Skipped
Screen = Callable[[str], "str | None"]  # an article's text -> why to skip it, or None


@dataclass
class WorkerStats:
    """Per worker process: articles extracted and peak resident memory (bytes)."""

    articles: dict[int, int] = field(default_factory=dict)
    peak_rss: dict[int, int] = field(default_factory=dict)
    restarts: int = 0

    def add(self, pid: int, n_articles: int, peak_rss: int) -> None:
        self.articles[pid] = self.articles.get(pid, 0) + n_articles
        self.peak_rss[pid] = max(self.peak_rss.get(pid, 0), peak_rss)


_extract: ExtractFn | None = None


def default_extract(articles: Iterable[Article], batch_size: int) -> Iterable[Extraction | Exception]:
    """The pipeline's own safe extraction (an article that raises yields its exception)."""
    from warlog.pipeline import extract_safely

    return extract_safely(articles, batch_size)


def _start_worker(extract: ExtractFn) -> None:
    """Pool initializer: remember the extraction function; load the pipeline and its lazy
    resources (gazetteer, tables) once, by extracting a sentence of our own."""
    global _extract
    _extract = extract
    from warlog.pipeline import warm_up

    warm_up()


def failure_reason(error: Exception) -> str:
    """How an article the pipeline broke on is reported, wherever it was extracted."""
    return f"extraction error: {type(error).__name__}: {error}"


def _as_result(item: Extraction | Exception) -> Result:
    return Failure(failure_reason(item)) if isinstance(item, Exception) else item


def _run_chunk(articles: list[Article], screen: Screen | None) -> tuple[list[Result], int, int]:
    """In a worker: the chunk's results, the worker's pid and its peak RSS in bytes."""
    import os

    results: list[Result | None] = [None] * len(articles)
    if screen is not None:
        for position, article in enumerate(articles):
            reason = screen(article.text)
            results[position] = Skipped(reason) if reason is not None else None
    kept = [position for position, result in enumerate(results) if result is None]
    extract = _extract or default_extract
    extracted = [_as_result(item) for item in extract([articles[p] for p in kept], len(kept))] if kept else []
    if len(extracted) != len(kept):
        raise RuntimeError(f"extraction gave {len(extracted)} results for {len(kept)} articles")
    for position, result in zip(kept, extracted):
        results[position] = result
    return results, os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class _Inline(Executor):
    """workers=0: extraction in this process, through the same ordered machinery."""

    def __init__(self, extract: ExtractFn) -> None:
        self.extract = extract

    def submit(self, fn, /, *args, **kwargs) -> Future:
        global _extract
        future: Future = Future()
        _extract = self.extract
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as error:  # noqa: BLE001 - reported through the future, as a pool would
            future.set_exception(error)
        return future


class _Chunk:
    __slots__ = ("articles", "future", "results")

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.future: Future | None = None
        self.results: list[Result] | None = None


class _Pool:
    """The worker pool, its chunks in flight, and recovery when a worker dies."""

    def __init__(self, workers: int, extract: ExtractFn, screen: Screen | None, stats: WorkerStats) -> None:
        self.workers, self.extract, self.screen, self.stats = workers, extract, screen, stats
        self.in_flight: deque[_Chunk] = deque()
        self.executor = self._new_executor()

    def _new_executor(self) -> Executor:
        if self.workers <= 0:
            return _Inline(self.extract)
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=(self.extract,))

    def _restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.stats.restarts += 1
        self.executor = self._new_executor()

    def submit(self, chunk: _Chunk) -> None:
        chunk.future = self.executor.submit(_run_chunk, chunk.articles, self.screen)
        self.in_flight.append(chunk)

    def resolve(self, chunk: _Chunk) -> None:
        """Wait for the oldest chunk in flight (`chunk`) and set its results."""
        try:
            results, pid, rss = chunk.future.result()
            self.stats.add(pid, len(results), rss)
            chunk.results = results
        except BrokenProcessPool:
            self._restart()
            for broken in self.in_flight:  # every chunk in flight died with the pool
                if broken.results is None:
                    broken.results = [self._alone(a) for a in broken.articles]
        except Exception as error:  # noqa: BLE001 - e.g. a result that cannot be pickled
            chunk.results = [self._alone(a) for a in chunk.articles] if len(chunk.articles) > 1 else [
                Failure(f"worker error: {type(error).__name__}: {error}")]
        while self.in_flight and self.in_flight[0].results is not None:
            self.in_flight.popleft()

    def _alone(self, article: Article) -> Result:
        """One article in a pool of its own: a worker that dies on it fails only this article."""
        try:
            results, pid, rss = self.executor.submit(_run_chunk, [article], self.screen).result()
            self.stats.add(pid, 1, rss)
            return results[0]
        except BrokenProcessPool:
            self._restart()
            return Failure("worker process died while extracting this article")
        except Exception as error:  # noqa: BLE001
            return Failure(f"worker error: {type(error).__name__}: {error}")

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


class Ordered(Generic[T]):
    """Results in input order over a bounded window of chunks in flight."""

    def __init__(self, pool: _Pool, chunk_size: int, window: int) -> None:
        self.pool, self.chunk_size, self.window = pool, chunk_size, window
        self.waiting: deque[tuple[T, _Chunk | None, int]] = deque()
        self.building: _Chunk | None = None

    def add(self, payload: T, article: Article | None) -> None:
        if article is None:
            self.waiting.append((payload, None, 0))
            if self.building is not None and len(self.waiting) > MAX_PASSING:
                self.send()
            return
        if self.building is None:
            self.building = _Chunk()
        self.waiting.append((payload, self.building, len(self.building.articles)))
        self.building.articles.append(article)
        if len(self.building.articles) >= self.chunk_size:
            self.send()

    def send(self) -> None:
        if self.building is not None:
            self.pool.submit(self.building)
            self.building = None

    def ready(self, final: bool = False) -> Iterator[tuple[T, Result | None]]:
        """Yield what is done at the head; wait while the window is full (or at the end)."""
        while self.waiting:
            payload, chunk, index = self.waiting[0]
            if chunk is not None and chunk.results is None:
                if chunk.future is None:
                    return  # still being filled
                must_wait = final or len(self.pool.in_flight) >= self.window
                if not (must_wait or chunk.future.done()):
                    return
                self.pool.resolve(chunk)
            self.waiting.popleft()
            yield payload, (chunk.results[index] if chunk is not None else None)


def extract_ordered(items: Iterable[tuple[T, Article | None]], workers: int = 0, chunk_size: int = TASK_ARTICLES,
                    window: int | None = None, extract: ExtractFn | None = None, screen: Screen | None = None,
                    stats: WorkerStats | None = None) -> Iterator[tuple[T, Result | None]]:
    """(payload, result) for each (payload, article) in input order.

    workers: processes to extract in (0: in this process); chunk_size: articles per task;
    window: chunks in flight at most (default 2 per worker); extract: a picklable,
    module-level function like `default_extract` (for tests); screen: a picklable test run
    in the workers before extraction (an article it gives a reason for is Skipped);
    stats: filled as it runs.
    """
    pool = _Pool(workers, extract or default_extract, screen, stats if stats is not None else WorkerStats())
    ordered: Ordered[T] = Ordered(pool, max(1, chunk_size), window or 2 * max(1, workers))
    try:
        for payload, article in items:
            ordered.add(payload, article)
            yield from ordered.ready()
        ordered.send()
        yield from ordered.ready(final=True)
    finally:
        pool.close()
