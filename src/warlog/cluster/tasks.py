"""What runs on the workers: planning, reading and extracting one partition.

The spaCy pipeline is loaded once per worker process (`warlog.nlp.pipeline.get_nlp` is
cached per process) by `warlog.pipeline.warm_up`, which the client runs on every worker
before the first partition; a worker that joins later loads it on its first partition.
"""
from __future__ import annotations

from datetime import date

from warlog.cluster.inputs import Partition
from warlog.cluster.outputs import write_partition
from warlog.cluster.readers import Item, read_slice
from warlog.model import Article, Extraction, Outcome
from warlog.parallel import TASK_ARTICLES, failure_reason

Summary = Outcome | tuple[str, str, int]  # a read outcome, or (article id, origin, length of its text)


def read_partition(partition: Partition, published: date | None) -> list[Item]:
    """The partition's Articles and Outcomes, in input order (kept in the worker's memory)."""
    return [item for piece in partition.slices for item in read_slice(piece, published)]


def summarize(items: list[Item]) -> list[Summary]:
    """What the client needs to decide what to extract: ids and lengths, never the texts."""
    return [item if isinstance(item, Outcome) else (item.id, item.origin or item.id, len(item.text))
            for item in items]


def extract_partition(items: list[Item], keep: list[int], out: str | None, index: int,
                      batch_size: int = TASK_ARTICLES) -> dict[int, Extraction | Outcome]:
    """Extract the articles at positions `keep`, write the partition's Parquet parts to `out`,
    and return each position's Extraction, or a failed Outcome when the pipeline broke on it."""
    from warlog.pipeline import extract_safely

    chosen: list[Article] = [items[position] for position in keep]
    results: dict[int, Extraction | Outcome] = {}
    for position, article, result in zip(keep, chosen, extract_safely(chosen, batch_size)):
        if isinstance(result, Exception):  # sent back as an Outcome: any exception pickles as text
            result = Outcome(article.origin or article.id, "failed", failure_reason(result), article.id)
        results[position] = result
    if out is not None:
        write_partition(out, index, [r for r in results.values() if isinstance(r, Extraction)])
    return results
