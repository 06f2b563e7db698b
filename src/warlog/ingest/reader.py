"""Read a batch of inputs (files, folders, stdin) into Articles, or Outcomes saying why not.

Nothing here raises for a bad input: each one becomes an Outcome and the batch goes on.
Publication date precedence: explicit argument ("cli") > JSONL field ("jsonl") >
page metadata or dateline ("metadata") > none.
"""
from __future__ import annotations

import codecs
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from warlog.ingest.dates import parse_published
from warlog.ingest.decode import Unreadable, decode_bytes, sniff_kind
from warlog.ingest.html import extract_html
from warlog.ingest.jsonl import json_records, jsonl_records
from warlog.ingest.language import foreign_language
from warlog.ingest.sanitize import clean_string, printable_name, short_reason
from warlog.ingest.text import clean_page_text, split_paragraphs
from warlog.model import Article, Outcome

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
STREAM_FROM_BYTES = 1024 * 1024  # a JSON Lines file larger than this is read a line at a time
STDIN = "-"
_KINDS = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text", ".text": "text",
          ".md": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}

Item = Article | Outcome


def _skip(origin: str, reason: str, status: str = "skipped") -> Outcome:
    return Outcome(origin=origin, status=status, reason=reason)


def _dated(anchor: date | None, own: date | None, own_from: str) -> tuple[date | None, str | None]:
    if anchor is not None:
        return anchor, "cli"
    return (own, own_from) if own is not None else (None, None)


def _from_html(html: str, origin: str, anchor: date | None, url: str | None = None) -> Item:
    found = extract_html(html, url=url)
    if found is None:
        return _skip(origin, "no main text (HTML page without article text)")
    published, source = _dated(anchor, found.published, "metadata")
    return Article(text=found.page.text, url=found.url, source=found.source, title=found.page.title,
                   published=published, published_from=source, origin=origin)


def _from_text(text: str, origin: str, anchor: date | None) -> Item:
    page = clean_page_text(text)
    body = page.text or page.title  # a one-line headline is its own text
    if not body:
        return _skip(origin, "no main text (only page furniture)")
    published, source = _dated(anchor, page.published, "metadata")
    return Article(text=body, title=page.title, published=published, published_from=source, origin=origin)


def _from_record(fields: dict[str, str], origin: str, anchor: date | None) -> Item:
    own: date | None = None
    if anchor is None and fields.get("published", "").strip():
        try:
            own = parse_published(fields["published"])
        except ValueError as error:
            return _skip(origin, f"field 'published': {error}", "failed")
    if fields.get("text", "").strip():
        page = clean_page_text(fields["text"], title=fields.get("title"))
        text = page.text or "\n\n".join(split_paragraphs(fields["text"]))
        article = Article(text=text, url=fields.get("url"), source=fields.get("source"),
                          title=page.title, origin=origin)
        meta_date = page.published
    else:
        item = _from_html(fields["html"], origin, None, url=fields.get("url"))
        if isinstance(item, Outcome):
            return item
        article, meta_date = item, item.published
        article.url = fields.get("url") or article.url
        article.source = fields.get("source") or article.source
        article.title = fields.get("title") or article.title
    if anchor is not None:
        article.published, article.published_from = anchor, "cli"
    elif own is not None:
        article.published, article.published_from = own, "jsonl"
    else:
        article.published, article.published_from = _dated(None, meta_date, "metadata")
    return article


def _has_words(text: str) -> bool:
    return any(char.isalnum() for char in text)


def language_reason(text: str) -> str | None:
    """Why an article is skipped for its language ("not English (fr)"), or None to keep it."""
    language = foreign_language(text)
    return None if language is None else f"not English ({language})"


def _admissible(item: Item, check_language: bool = True) -> Item:
    """An article without words, or in another language, becomes a skipped Outcome saying so."""
    if isinstance(item, Article):
        if not _has_words(item.text):
            return _skip(item.origin or item.id, "no text (no letters or digits)")
        reason = language_reason(item.text) if check_language else None
        if reason is not None:
            return _skip(item.origin or item.id, reason)
    return item


def _items(data: bytes, origin: str, kind: str | None, published: date | None) -> Iterator[Item]:
    if not data.strip():
        yield _skip(origin, "empty")
        return
    try:
        text = decode_bytes(data)
    except Unreadable as error:
        yield _skip(origin, str(error))
        return
    if not _has_words(text):
        yield _skip(origin, "empty (no letters or digits)")
        return
    kind = kind or sniff_kind(text)
    if kind == "html" and "<" not in text:
        kind = "text"  # named .html, but plain text
    if kind == "html":
        yield _from_html(clean_string(text), origin, published)
    elif kind == "text":
        yield _from_text(clean_string(text), origin, published)
    else:
        records = jsonl_records(text, origin) if kind == "jsonl" else json_records(text, origin)
        for record in records:
            yield record if isinstance(record, Outcome) else _record_item(record[1], record[0], published)


def _record_item(fields: dict[str, str], origin: str, anchor: date | None) -> Item:
    """One JSON record's article; an error in it fails that record, not the rest of the file."""
    try:
        return _from_record(fields, origin, anchor)
    except Exception as error:  # noqa: BLE001 - one bad record must not lose the others
        return _skip(origin, short_reason(f"{type(error).__name__}: {error}"), "failed")


def read_bytes(data: bytes, origin: str, kind: str | None = None, published: date | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES, check_language: bool = True) -> Iterator[Item]:
    """Articles of one input's bytes; `kind` (html, text, jsonl, json) is sniffed when None.

    Yields an Outcome (skipped or failed, with the reason) for each part that gives no
    article: too large, empty, binary, undecodable, no main text, not English, bad record.
    """
    origin = printable_name(origin)
    if len(data) > max_bytes:
        yield _skip(origin, f"input too large ({len(data) / 1e6:.1f} MB; limit {max_bytes / 1e6:.1f} MB)")
        return
    for item in _items(data, origin, kind, published):
        yield _admissible(item, check_language)


def input_files(path: Path) -> Iterator[Path | Outcome]:
    """Files of one path: a folder recursed in sorted order, hidden files and folders skipped."""
    try:
        if not path.is_dir():
            yield path if path.is_file() else _skip(printable_name(str(path)), "no such file or folder", "failed")
            return
        children = sorted(path.rglob("*"))
    except OSError as error:
        yield _skip(printable_name(str(path)), f"cannot list: {error.strerror or error}", "failed")
        return
    for child in children:
        hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
        if hidden:
            continue
        try:
            if child.is_file():
                yield child
            elif child.is_symlink() and not child.exists():
                yield _skip(printable_name(str(child)), "broken symbolic link", "failed")
        except OSError as error:
            yield _skip(printable_name(str(child)), f"cannot read: {error.strerror or error}", "failed")


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | str | Outcome]:
    """Files to read, in order, and a failed Outcome for each path that cannot be read."""
    for raw in paths:
        if str(raw) == STDIN:
            yield STDIN
        else:
            yield from input_files(Path(raw))


def _streamable(path: Path) -> bool:
    """A large UTF-8 JSON Lines file: read a line at a time rather than whole (other
    encodings, and small files, take the whole-file path with its encoding checks)."""
    if path.stat().st_size <= STREAM_FROM_BYTES:
        return False
    with path.open("rb") as handle:
        head = handle.read(65536)
    head = head.removeprefix(codecs.BOM_UTF8)
    if b"\x00" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _lines(path: Path, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, bytes) per line of a file, None for a line over max_bytes (never held whole)."""
    with path.open("rb") as handle:
        number = 0
        while True:
            line = handle.readline(max_bytes + 1)
            if not line:
                return
            number += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):
                    line = handle.readline(1024 * 1024)
                yield number, None
                continue
            yield number, (line[len(codecs.BOM_UTF8):] if number == 1 and line.startswith(codecs.BOM_UTF8)
                           else line)


def _stream_jsonl(path: Path, origin: str, published: date | None, max_bytes: int,
                  check_language: bool) -> Iterator[Item]:
    """The articles of a large JSON Lines file, one line in memory at a time."""
    for number, line in _lines(path, max_bytes):
        where = f"{origin}:{number}"
        if line is None:
            yield _skip(where, f"line too large (limit {max_bytes / 1e6:.1f} MB)")
            continue
        if not line.strip():
            continue
        try:
            text = decode_bytes(line)
        except Unreadable as error:
            yield _skip(where, str(error), "failed")
            continue
        for record in jsonl_records(text.rstrip("\r\n"), origin, first_line=number):
            yield _admissible(record if isinstance(record, Outcome) else
                              _record_item(record[1], record[0], published), check_language)


def _read_one(source: Path | str, published: date | None, max_bytes: int, check_language: bool) -> Iterator[Item]:
    if source != STDIN and _KINDS.get(source.suffix.lower()) == "jsonl" and _streamable(source):
        yield from _stream_jsonl(source, printable_name(str(source)), published, max_bytes, check_language)
        return
    if source == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        origin, kind = "<stdin>", None
    else:
        origin, kind = printable_name(str(source)), _KINDS.get(source.suffix.lower())
        size = source.stat().st_size
        if size > max_bytes:
            yield _skip(origin, f"file too large ({size / 1e6:.1f} MB; limit {max_bytes / 1e6:.1f} MB)")
            return
        data = source.read_bytes()
    if len(data) > max_bytes:
        yield _skip(origin, f"input too large (over the {max_bytes / 1e6:.1f} MB limit)")
        return
    yield from read_bytes(data, origin, kind, published, max_bytes, check_language)


def _generate(paths: Iterable[str | Path], published: date | None, max_bytes: int,
              check_language: bool) -> Iterator[Item]:
    for source in _expand(paths):
        if isinstance(source, Outcome):
            yield source
            continue
        try:
            yield from _read_one(source, published, max_bytes, check_language)
        except Exception as error:  # noqa: BLE001 - one bad input must not stop the batch
            where = "<stdin>" if source == STDIN else printable_name(str(source))
            yield _skip(where, short_reason(f"{type(error).__name__}: {error}"), "failed")


def read_paths(paths: Iterable[str | Path] | str | Path, published: object = None,
               max_bytes: int = DEFAULT_MAX_BYTES, check_language: bool = True) -> Iterator[Item]:
    """Articles (and Outcomes for inputs that give none) from files, folders or "-" (stdin).

    `published` (a date or a date string, e.g. the CLI's --published) overrides every
    date found in the inputs; an unreadable value raises ValueError here, before reading.
    check_language=False leaves the language test (the costliest step of reading) to the
    caller: a batch runs it in its worker processes with `language_reason`.
    """
    anchor = parse_published(published)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    return _generate(list(paths), anchor, max_bytes, check_language)
