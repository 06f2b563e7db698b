"""Combining the casualty counts told about one event into its low / best / high figures.

Counts of different victims add up ("5 soldiers and 3 civilians were killed" = 8); the same
count told twice is counted once. The best figure of each count is the
conservative one that the number parser gives (the low end of "ranging from 18 to 32", 12 for
"dozens"), which is what ACLED's `fatalities` column holds.
"""
from __future__ import annotations

Range = tuple[int | None, int | None, int | None]  # low, best (conservative), high


def _add(ranges: list[Range]) -> Range | None:
    if not ranges:
        return None
    low = sum(r[0] if r[0] is not None else (r[1] or 0) for r in ranges)
    best = sum(r[1] if r[1] is not None else (r[0] or 0) for r in ranges)
    high = sum(r[2] if r[2] is not None else max(r[1] or 0, r[0] or 0) for r in ranges)
    return low, best, max(high, best)


def _subset(span) -> bool:
    """A count inside another: "four civilians including two children", "among them 3 women"."""
    tok = span.root
    for _ in range(3):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.lower_ in ("including", "among") or tok.lower_ == "them" and tok.head.lower_ == "among":
            return True
    return False


def combine_tolls(spans) -> tuple[Range | None, Range | None, str | None]:
    """(killed, injured, victims side) from the toll spans of one event (span._.toll)."""
    by_kind: dict[str, list[Range]] = {"killed": [], "injured": []}
    seen: set[tuple] = set()
    sides: list[str] = []
    for span in spans:
        toll = span._.toll
        if toll.kind not in by_kind or _subset(span):
            continue
        q = toll.quantity
        key = (toll.kind, q.low, q.best, q.high, toll.side)
        if key in seen:
            continue
        seen.add(key)
        by_kind[toll.kind].append((q.low, q.best, q.high))
        if toll.kind == "killed" or not sides:
            sides.append(toll.side)
    side = "civilians" if "civilians" in sides else (sides[0] if sides else None)
    return _add(by_kind["killed"]), _add(by_kind["injured"]), side
