"""JSON Lines (and JSON) article records: validated one at a time, bad ones reported."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from warlog.ingest.sanitize import clean_string
from warlog.model import Outcome

FIELDS = ("text", "html", "url", "title", "published", "source")  # all optional strings; others ignored


def check_record(record: Any, origin: str) -> dict[str, str] | Outcome:
    """The article fields of one decoded record, or an Outcome saying what is wrong."""
    if not isinstance(record, dict):
        return Outcome(origin=origin, status="failed", reason=f"record is a JSON {type(record).__name__}, not an object")
    fields: dict[str, str] = {}
    for name in FIELDS:
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            return Outcome(origin=origin, status="failed",
                           reason=f"field {name!r} must be a string, not {type(value).__name__}")
        fields[name] = clean_string(value)
    if not fields.get("text", "").strip() and not fields.get("html", "").strip():
        return Outcome(origin=origin, status="skipped", reason="no 'text' or 'html' field with content")
    return fields


def jsonl_records(text: str, origin: str, first_line: int = 1) -> Iterator[tuple[str, dict[str, str]] | Outcome]:
    """(origin "file:LINE", fields) per non-blank line, or an Outcome for a bad line;
    `first_line` numbers the text's first line (for a file read a line at a time)."""
    # Lines end at "\n" only: str.splitlines() would also split at U+2028, U+0085 and other
    # characters that JSON strings may hold as they are.
    for number, line in enumerate(text.split("\n"), start=first_line):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except ValueError as error:
            yield Outcome(origin=where, status="failed", reason=f"invalid JSON: {error}")
            continue
        except RecursionError:
            yield Outcome(origin=where, status="failed", reason="invalid JSON: nested too deeply")
            continue
        checked = check_record(record, where)
        yield checked if isinstance(checked, Outcome) else (where, checked)


def json_records(text: str, origin: str) -> Iterator[tuple[str, dict[str, str]] | Outcome]:
    """Records of a JSON document (one object or a list of them); falls back to JSON Lines."""
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        yield from jsonl_records(text, origin)
        return
    items = document if isinstance(document, list) else [document]
    for number, record in enumerate(items, start=1):
        where = f"{origin}:{number}" if isinstance(document, list) else origin
        checked = check_record(record, where)
        yield checked if isinstance(checked, Outcome) else (where, checked)
