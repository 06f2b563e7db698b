"""Helpers shared by the scorers: reading gold files, distances, spans and ratios."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from warlog.resolve.geo import MAX_ERROR_KM, haversine_km  # noqa: F401 (haversine_km re-exported)

WORST_ERROR_KM = MAX_ERROR_KM  # half the Earth's circumference: the error of an unresolved toponym

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "`": "'"})

def read_gold(gold_path: str | Path) -> Iterator[tuple[dict[str, Any], str]]:
    """Yield (record, text) for each line of a JSON Lines gold file.

    The text is the record's "text", or the file named by "text_file" relative to the
    gold file's folder. Blank lines are skipped.
    """
    gold_path = Path(gold_path)
    with gold_path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if "text" in record and record["text"] is not None:
                text = record["text"]
            elif record.get("text_file"):
                text = (gold_path.parent / record["text_file"]).read_text(encoding="utf-8")
            else:
                raise ValueError(f"{gold_path}:{number}: record has neither 'text' nor 'text_file'")
            yield record, text

def parse_iso_date(value: Any) -> date | None:
    """An ISO date (or the date part of an ISO timestamp); None for null or empty."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])

def ratio(numerator: float, denominator: float) -> float | None:
    """numerator / denominator, or None when the denominator is 0 (nothing to measure)."""
    return numerator / denominator if denominator else None

def prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 from counts; each None when its denominator is 0.

    F1 is 2TP / (2TP + FP + FN), which equals the harmonic mean of P and R when both
    exist and is still defined (0) when nothing was predicted but something was missed.
    """
    return ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(2 * tp, 2 * tp + fp + fn)

class SpanTally:
    """Recognition counts of predicted vs gold spans: exact offsets, plus a relaxed (any overlap) figure."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.n_predicted = self.relaxed_found = self.relaxed_right = 0

    def add(self, gold: set[tuple[int, int]], predicted: set[tuple[int, int]]) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)
        self.n_predicted += len(predicted)
        self.relaxed_found += sum(any(spans_overlap(*g, *p) for p in predicted) for g in gold)
        self.relaxed_right += sum(any(spans_overlap(*p, *g) for g in gold) for p in predicted)

    def prf(self) -> tuple[float | None, float | None, float | None]:
        return prf(self.tp, self.fp, self.fn)

    def detail(self) -> dict:
        n_gold = self.tp + self.fn
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "relaxed_recall": self.relaxed_found / n_gold if n_gold else None,
                "relaxed_precision": self.relaxed_right / self.n_predicted if self.n_predicted else None}


def spans_overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when the half-open spans [a_start, a_end) and [b_start, b_end) share a character."""
    return max(a_start, b_start) < min(a_end, b_end)

def best_overlapping(start: int, end: int, spans: list[tuple[int, int, Any]]) -> Any | None:
    """The payload of the span at exactly (start, end), else of the span overlapping it most.

    `spans` are (start, end, payload); ties go to the earlier span in the list.
    """
    best, best_overlap = None, 0
    for s, e, payload in spans:
        if (s, e) == (start, end):
            return payload
        overlap = min(end, e) - max(start, s)
        if overlap > best_overlap:
            best, best_overlap = payload, overlap
    return best

def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """Lower-cased text with straight quotes and single spaces, plus each char's original offset."""
    out: list[str] = []
    offsets: list[int] = []
    for i, char in enumerate(text):
        if char.isspace():
            if out and out[-1] == " ":
                continue
            char = " "
        for folded in char.translate(_QUOTES).lower():
            out.append(folded)
            offsets.append(i)
    return "".join(out), offsets

def normalise_phrase(text: str) -> str:
    """The normalised form of a short phrase (same folding as normalise_with_offsets)."""
    return normalise_with_offsets(text.strip())[0]

def locate(needle: str, text: str) -> list[tuple[int, int]]:
    """Every (start, end) span of `text` where `needle` occurs, ignoring quote style,
    whitespace runs and case."""
    haystack, offsets = normalise_with_offsets(text)
    phrase = normalise_phrase(needle)
    if not phrase:
        return []
    found = []
    for match in re.finditer(re.escape(phrase), haystack):
        found.append((offsets[match.start()], offsets[match.end() - 1] + 1))
    return found

def fmt(value: Any) -> str:
    """A figure for a summary line: 3 decimals for floats, the integer as is, n/a for None."""
    if value is None:
        return "n/a"
    if isinstance(value, bool) or isinstance(value, int):
        return str(int(value))
    return f"{value:.3f}"
