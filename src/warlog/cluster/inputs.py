"""Inputs of a cluster batch: which files, cut into partitions of about K records each.

The client only lists files (folders and globs, in the order `warlog extract` reads them);
the byte offsets or row numbers where partitions start are found by `plan_file`, which runs
on a worker, so no input passes through the client. A partition is a list of Slices: a run
of lines of a JSON Lines file, of rows of a Parquet file, of response records of a WARC
file, or whole files of any other kind (text, HTML, JSON), K of them at a time.
"""
from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from warlog.ingest.reader import input_files
from warlog.ingest.sanitize import printable_name, short_reason
from warlog.model import Outcome

_SUFFIX_KINDS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".parq": "parquet",
                 ".warc": "warc", ".arc": "warc"}
SLICED = ("jsonl", "parquet", "warc")  # kinds cut into slices; every other file is read whole


@dataclass(frozen=True, slots=True)
class Slice:
    """Part of one input file: bytes [start, stop) (jsonl, warc) or rows [start, stop) (parquet).

    stop -1 means to the end; `first` is the 1-based number, within its file, of the slice's
    first record (line, row or response), so origins read "file:NUMBER" as `warlog extract` writes them.
    """

    path: str
    kind: str  # jsonl | parquet | warc | file
    start: int = 0
    stop: int = -1
    first: int = 1


@dataclass(frozen=True, slots=True)
class Partition:
    """One task's input: slices read in order on one worker."""

    index: int
    slices: tuple[Slice, ...]


def kind_of(path: str | Path) -> str:
    """jsonl, parquet, warc (also .warc.gz) or file, by the name's ending."""
    name = str(path).lower()
    for suffix in (".gz", ".bz2"):
        if name.endswith(suffix) and Path(name[: -len(suffix)]).suffix in (".warc", ".arc"):
            return "warc"
    return _SUFFIX_KINDS.get(Path(name).suffix, "file")


def _failed(origin: str, reason: str) -> Outcome:
    return Outcome(origin=printable_name(origin), status="failed", reason=short_reason(reason))


def list_files(paths: Iterable[str | Path]) -> Iterator[Path | Outcome]:
    """Input files in order (folders recursed, globs expanded), and a failed Outcome per path
    that names no readable file."""
    for raw in paths:
        text = str(raw)
        path = Path(text)
        if text == "-":
            yield _failed("<stdin>", "standard input cannot be partitioned: use `warlog extract -`")
        elif path.is_dir():
            yield from input_files(path)  # as `warlog extract` reads a folder
        elif path.is_file():
            yield path
        elif glob.has_magic(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield _failed(text, "no file matches this pattern")
            for match in matches:
                yield from list_files([match]) if Path(match).is_dir() else [Path(match)]
        else:
            yield _failed(text, "no such file or folder")


def _jsonl_slices(path: str, size: int) -> Iterator[Slice]:
    """Slices of `size` non-blank lines; a line is never split."""
    offset, start, first, records = 0, 0, 1, 0
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            if records == size and line.strip():
                yield Slice(path, "jsonl", start, offset, first)
                start, first, records = offset, number, 0
            records += bool(line.strip())
            offset += len(line)
    if records:
        yield Slice(path, "jsonl", start, -1, first)


def _parquet_slices(path: str, size: int) -> Iterator[Slice]:
    import pyarrow.parquet as pq

    rows = pq.ParquetFile(path).metadata.num_rows  # the footer only: no row is read
    for start in range(0, rows, size):
        yield Slice(path, "parquet", start, min(start + size, rows), start + 1)


def _warc_slices(path: str, size: int) -> Iterator[Slice]:
    """Slices of `size` response records, cut at record boundaries (each record of a .warc.gz
    is its own gzip member, so a slice can be read from its offset)."""
    from warcio.archiveiterator import ArchiveIterator

    starts: list[tuple[int, int]] = []  # (offset, number) of every size-th response
    with open(path, "rb") as handle:
        records = ArchiveIterator(handle)
        responses = 0
        for record in records:
            if record.rec_type == "response":
                if responses % size == 0:
                    starts.append((records.get_record_offset(), responses + 1))
                responses += 1
    if not starts:
        yield Slice(path, "warc", 0, -1, 1)  # no response at all: the reader says so
        return
    starts[0] = (0, 1)  # the first slice also holds the warcinfo record before it
    offsets = [offset for offset, _ in starts]
    if offsets != sorted(set(offsets)):  # one gzip stream for the whole file: no record can be sought
        yield Slice(path, "warc", 0, -1, 1)
        return
    for (start, first), (stop, _) in zip(starts, starts[1:] + [(-1, 0)]):
        yield Slice(path, "warc", start, stop, first)


def plan_file(path: str, kind: str, size: int) -> list[Slice] | Outcome:
    """The slices of one jsonl, parquet or warc file (runs on a worker: it reads the file once,
    keeping only offsets), or a failed Outcome when the file cannot be read."""
    planners = {"jsonl": _jsonl_slices, "parquet": _parquet_slices, "warc": _warc_slices}
    try:
        return list(planners[kind](path, size))
    except Exception as error:  # noqa: BLE001 - one unreadable file must not stop the batch
        return _failed(path, f"cannot read as {kind}: {type(error).__name__}: {error}")


def partitions(entries: Iterable[Slice | list[Slice]], size: int) -> list[Partition]:
    """Partitions in input order: each slice of a sliced file alone, consecutive whole files
    `size` at a time."""
    groups: list[list[Slice]] = []
    whole: list[Slice] = []
    for entry in entries:
        if isinstance(entry, Slice):
            whole.append(entry)
            if len(whole) == size:
                groups.append(whole)
                whole = []
            continue
        if whole:
            groups.append(whole)
            whole = []
        groups.extend([s] for s in entry)
    if whole:
        groups.append(whole)
    return [Partition(index, tuple(group)) for index, group in enumerate(groups)]
