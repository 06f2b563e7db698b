"""Reading one Slice (on a worker) into Articles and Outcomes, through warlog's own ingest.

Each record goes through `warlog.ingest.read_bytes` as `warlog extract` reads it: a JSON
Lines line or a Parquet row as a JSON record, a WARC response body as an HTML page, any
other file through `read_paths`. Origins read "file:NUMBER" (line, row or response number).
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date, datetime
from urllib.parse import urlsplit

from warlog.cluster.inputs import Slice
from warlog.ingest import DEFAULT_MAX_BYTES, read_bytes, read_paths
from warlog.ingest.jsonl import FIELDS
from warlog.ingest.sanitize import printable_name, short_reason
from warlog.model import Article, Outcome

Item = Article | Outcome


def _outcome(origin: str, status: str, reason: str) -> Outcome:
    return Outcome(origin=origin, status=status, reason=short_reason(reason))


def _numbered(items: Iterator[Item], origin: str) -> Iterator[Item]:
    """Items of one record read alone, named by the record's place in its file."""
    for item in items:
        item.origin = origin
        yield item


def _slice_bytes(piece: Slice) -> bytes:
    with open(piece.path, "rb") as handle:
        handle.seek(piece.start)
        return handle.read() if piece.stop < 0 else handle.read(piece.stop - piece.start)


def _jsonl(piece: Slice, published: date | None) -> Iterator[Item]:
    name = printable_name(piece.path)
    for number, line in enumerate(_slice_bytes(piece).split(b"\n"), start=piece.first):
        if line.strip():
            yield from _numbered(read_bytes(line, piece.path, "jsonl", published), f"{name}:{number}")


def _as_field(value: object) -> object:
    """A Parquet cell as a JSON record field: dates as ISO text, the rest as they are (a
    value of the wrong type fails its record, as it would in JSON Lines)."""
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _parquet_rows(piece: Slice, columns: list[str], handle) -> Iterator[dict]:
    """Rows [start, stop) of the file, reading only the row groups that hold them."""
    offset = 0
    for group in range(handle.num_row_groups):
        size = handle.metadata.row_group(group).num_rows
        if offset < piece.stop and offset + size > piece.start:
            table = handle.read_row_group(group, columns=columns)
            first = max(piece.start - offset, 0)
            yield from table.slice(first, min(piece.stop, offset + size) - offset - first).to_pylist()
        offset += size


def _parquet(piece: Slice, published: date | None) -> Iterator[Item]:
    import pyarrow.parquet as pq

    name = printable_name(piece.path)
    handle = pq.ParquetFile(piece.path)
    columns = [c for c in FIELDS if c in handle.schema_arrow.names]
    if "text" not in columns and "html" not in columns:
        yield _outcome(f"{name}:{piece.first}-{piece.stop}", "failed", "no 'text' or 'html' column")
        return
    for number, row in enumerate(_parquet_rows(piece, columns, handle), start=piece.first):
        origin = f"{name}:{number}"
        try:
            record = json.dumps({k: _as_field(v) for k, v in row.items() if v is not None}).encode("utf-8")
        except (TypeError, ValueError) as error:
            yield _outcome(origin, "failed", f"row cannot be read as an article record: {error}")
            continue
        yield from _numbered(read_bytes(record, piece.path, "jsonl", published), origin)


def _response(record, origin: str, published: date | None) -> Iterator[Item]:
    """The article of one WARC response: an HTML page with a 2xx status."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    http = record.http_headers
    status = http.get_statuscode() if http is not None else None
    content_type = (http.get_header("Content-Type") or "") if http is not None else ""
    if status and not status.startswith("2"):
        yield _outcome(origin, "skipped", f"HTTP status {status} ({url})")
        return
    if content_type and "html" not in content_type.lower():
        yield _outcome(origin, "skipped", f"not an HTML page ({content_type.split(';')[0]}: {url})")
        return
    body = record.content_stream().read(DEFAULT_MAX_BYTES + 1)
    for item in read_bytes(body, origin, "html", published):
        if isinstance(item, Article) and url:
            item.url = item.url or url
            item.source = item.source or urlsplit(url).hostname
        yield item


def _warc(piece: Slice, published: date | None) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    name = printable_name(piece.path)
    number = piece.first - 1
    for record in ArchiveIterator(io.BytesIO(_slice_bytes(piece))):
        if record.rec_type == "response":
            number += 1
            yield from _response(record, f"{name}:{number}", published)
    if number < piece.first:
        yield _outcome(name, "skipped", "no response record in this WARC file")


def _whole(piece: Slice, published: date | None) -> Iterator[Item]:
    yield from read_paths([piece.path], published)


_READERS = {"jsonl": _jsonl, "parquet": _parquet, "warc": _warc, "file": _whole}


def read_slice(piece: Slice, published: date | None = None) -> Iterator[Item]:
    """Articles of one slice, and an Outcome for each record that gives none; an error that
    stops the slice becomes a failed Outcome for the rest of it."""
    try:
        yield from _READERS[piece.kind](piece, published)
    except Exception as error:  # noqa: BLE001 - one broken file must not stop the batch
        where = f"{printable_name(piece.path)}" + (f" (from record {piece.first})" if piece.first > 1 else "")
        yield _outcome(where, "failed", f"cannot read {piece.kind}: {type(error).__name__}: {error}")
