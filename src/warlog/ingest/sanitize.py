"""Strings safe to store: no lone surrogates, no control characters, bounded length.

Text comes from many places that can hold what no database or page should: JSON escapes
("\\ud800", "\\u0000"), file names that are not UTF-8, exception messages of any size.
"""
from __future__ import annotations

import re

# C0 and C1 controls other than tab, newline and carriage return.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def clean_string(value: str) -> str:
    """`value` with lone surrogates as U+FFFD and control characters as spaces."""
    if value.isascii() and value.isprintable():
        return value
    return _CONTROLS.sub(" ", _SURROGATES.sub("\ufffd", value))


def printable_name(value: str) -> str:
    """A file name or origin as storable text: bytes that were not UTF-8 become U+FFFD."""
    if _SURROGATES.search(value) is None:
        return _CONTROLS.sub("?", value)
    raw = value.encode("utf-8", "surrogatepass")
    return _CONTROLS.sub("?", raw.decode("utf-8", "replace").replace("\ufffd\ufffd\ufffd", "\ufffd"))


def short_reason(reason: str, limit: int = 500) -> str:
    """A one-line, storable reason of at most `limit` characters."""
    line = " ".join(clean_string(reason).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
