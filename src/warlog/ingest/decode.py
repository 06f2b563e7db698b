"""Bytes to text: binary detection, UTF-8 or a confident legacy decoding, and sniffing.

A file that cannot be read as text raises Unreadable with a reason fit for an Outcome.
"""
from __future__ import annotations

import codecs
import json
import re
import unicodedata

from charset_normalizer import from_bytes

_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "zip archive",
    b"\x1f\x8b": "gzip archive",
}
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<meta|<title|<article|<div|<p[\s>])", re.I)
_HTML_TAGS = re.compile(r"</(p|div|body|html|article|span|a|h[1-6])>", re.I)
_MAX_CHAOS = 0.1
MAX_CONTROL_SHARE = 0.1  # control characters in text (binary data has far more)
MAX_REPLACED_SHARE = 0.01  # stray bytes in a UTF-8 text that is repaired rather than refused
_MIN_COHERENCE = 0.1
_PREFERRED = {"cp1252"}  # the web's usual legacy encoding (WHATWG reads latin-1 as cp1252)


class Unreadable(Exception):
    """The input is not text warlog can read; str(error) is the reason."""


def _plausible(text: str) -> bool:
    """Whether a legacy decoding reads as words rather than stray symbols.

    Each non-ASCII character must be punctuation, a space, a currency sign or a letter;
    a non-ASCII Latin letter must share its word with an ASCII letter (Café, élite) or
    stand alone (à), as accented letters do in real Latin-script text.
    """
    for token in text.split():
        if token.isascii():
            continue
        for char in token:
            if char.isascii():
                continue
            kind = unicodedata.category(char)
            if kind[0] in "PZ" or kind == "Sc":
                continue
            if kind[0] != "L":
                return False
        core = "".join(c for c in token if c.isalpha())
        latin = all("LATIN" in unicodedata.name(c, "") for c in core)
        if latin and len(core) > 1 and not any(c.isascii() for c in core):
            return False
    return True


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 with no byte-order mark, told by the zero byte of each ASCII letter."""
    sample = data[:8192]
    if len(data) % 2 or len(sample) < 8:
        return None
    even, odd, half = sample[0::2].count(0), sample[1::2].count(0), len(sample) // 2
    if odd >= 0.3 * half and even == 0:
        encoding = "utf-16-le"
    elif even >= 0.3 * half and odd == 0:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    controls = sum(unicodedata.category(c) == "Cc" and c not in "\t\n\r" for c in text[:4096])
    return text if controls == 0 else None


def _text_with_stray_controls(data: bytes) -> str | None:
    """UTF-8 text that holds a few NUL or other control bytes (binary files hold many)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    sample = text[:8192]
    controls = sum(unicodedata.category(c) == "Cc" and c not in "\t\n\r" for c in sample)
    return text if controls <= MAX_CONTROL_SHARE * len(sample) else None


def decode_bytes(data: bytes) -> str:
    """Text of a file's bytes; raises Unreadable (binary, empty, undecodable)."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise Unreadable(f"binary file ({kind})")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise Unreadable(f"invalid {encoding} text after a byte-order mark: {error.reason}") from None
    if b"\x00" in data[:8192]:
        text = _utf16_without_bom(data) or _text_with_stray_controls(data)
        if text is not None:
            return text
        raise Unreadable("binary file (NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = f"invalid UTF-8 at byte {error.start}"
    repaired, bad, good = _utf8_repaired(data)
    few_bad = bad <= MAX_REPLACED_SHARE * len(repaired)
    if few_bad and good >= bad:
        return repaired  # UTF-8 (it has valid multi-byte letters) with a few stray bytes
    matches = list(from_bytes(data))
    confident = [
        str(m) for m in sorted(matches, key=lambda m: m.encoding not in _PREFERRED)
        if m.chaos <= _MAX_CHAOS and m.coherence >= _MIN_COHERENCE and _plausible(str(m))
    ]
    if confident:
        return confident[0]
    if few_bad:
        return repaired  # ASCII text with a few stray bytes no legacy encoding explains
    guess = f"best guess {matches[0].encoding}" if matches else "no other encoding fits"
    raise Unreadable(f"undecodable text: {utf8_error} and no confident decoding ({guess})")


def _utf8_repaired(data: bytes) -> tuple[str, int, int]:
    """UTF-8 decoding with bad bytes as U+FFFD; the count of those and of valid non-ASCII characters."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    return text, bad, sum(not c.isascii() for c in text) - bad


def sniff_kind(text: str) -> str:
    """'html', 'jsonl', 'json' or 'text', from what the content looks like."""
    head = text.lstrip()[:4096]
    if head.startswith("{"):
        first_line = head.split("\n")[0]
        try:
            json.loads(first_line)
            return "jsonl"
        except (ValueError, RecursionError):
            return "json"
    if head.startswith("["):
        return "json"
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 2:
        return "html"
    return "text"
