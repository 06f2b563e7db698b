"""Ingest: files, folders, stdin and JSON Lines into Articles whose text later offsets refer to.

`read_paths` yields an Article per readable story and an Outcome (skipped or failed, with
a reason) per input that gives none; `parse_published` reads a publication date.
"""
from __future__ import annotations

from warlog.ingest.dates import parse_published
from warlog.ingest.reader import DEFAULT_MAX_BYTES, read_bytes, read_paths
from warlog.ingest.text import clean_page_text

__all__ = ["DEFAULT_MAX_BYTES", "clean_page_text", "parse_published", "read_bytes", "read_paths"]
