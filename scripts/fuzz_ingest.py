"""Fuzz warlog's ingest with atheris: any bytes, any kind, must give Articles or Outcomes, never raise.

    python scripts/fuzz_ingest.py [CORPUS_DIR ...] -max_total_time=180 [-max_len=8192]

Each input is split by atheris's FuzzedDataProvider into a kind (None = sniffed, html, text,
jsonl, json) and the bytes of one input. Beyond "never raises", every result is checked:
an Outcome is skipped or failed with a reason; an Article has words, no control characters
or lone surrogates, and a publication date in 1900-2100 or none. Seed CORPUS_DIR with files
from scripts/hostile_corpus.py (small ones) to start from realistic shapes.
"""
from __future__ import annotations

import re
import sys

import atheris

with atheris.instrument_imports(include=["warlog.ingest", "warlog.model"]):
    from warlog.ingest import read_bytes
    from warlog.ingest.dates import MAX_YEAR, MIN_YEAR
    from warlog.model import Article, Outcome

KINDS = [None, "html", "text", "jsonl", "json"]
MAX_BYTES = 64 * 1024
_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def check(item: object) -> None:
    """Raise AssertionError when an ingest result breaks its contract."""
    if isinstance(item, Outcome):
        assert item.status in ("skipped", "failed") and item.reason, item
        return
    assert isinstance(item, Article), item
    assert any(c.isalnum() for c in item.text), item
    for name in ("text", "title", "url", "source", "origin"):
        value = getattr(item, name)
        assert value is None or not _UNSTORABLE.search(value), (name, value)
    assert item.published is None or MIN_YEAR <= item.published.year <= MAX_YEAR, item.published


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    kind = provider.PickValueInList(KINDS)
    body = provider.ConsumeBytes(provider.remaining_bytes())
    for item in read_bytes(body, "fuzz", kind=kind, max_bytes=MAX_BYTES):
        check(item)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
