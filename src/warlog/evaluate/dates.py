"""Scoring time expressions against a TimeML dates gold file (README "Dates gold").

Values: each gold DATE expression takes the value of the prediction at the same offsets,
else of the prediction overlapping it most (none: wrong). `exact_acc` compares canonical
values (case, zero-padded weeks); `granularity_acc` compares at the gold value's own
granularity (see warlog.evaluate.timex_values).

Recognition (strict, exact offsets) of DATE spans. The predictions counted are every
predicted span except (a) one sitting exactly on a gold TIME/DURATION/SET span, which is
neither right nor wrong, and (b) one whose value is a duration, set or clock time
("P3D", "R1", "XXXX-WXX-1", "...T10:30") unless it sits exactly on a gold DATE span.
detail holds a relaxed figure where any overlap counts.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Callable, Optional

from warlog.evaluate.common import SpanTally, best_overlapping, parse_iso_date, read_gold
from warlog.evaluate.timex_values import canonical, same_at_gold_granularity

Timex = tuple[int, int, str]
TimexFn = Callable[[str, Optional[date]], list[Timex]]

_NOT_DATE_VALUE = re.compile(r"^(P[\dXT]|R\d|XXXX)|T\d\d:")


def looks_like_date(value: str | None) -> bool:
    """False for values of durations, sets and clock times; True otherwise."""
    return not _NOT_DATE_VALUE.search(canonical(value))


def date_candidates(predicted: list[Timex], gold_dates: set, gold_others: set) -> set[tuple[int, int]]:
    """The predicted spans that take part in DATE recognition (see module docstring)."""
    spans = set()
    for start, end, value in predicted:
        span = (start, end)
        if span in gold_others and span not in gold_dates:
            continue
        if span in gold_dates or looks_like_date(value):
            spans.add(span)
    return spans


def score_dates(gold_path: str | Path, timex_fn: TimexFn) -> dict:
    """Run `timex_fn(text, published)` on every gold text and score its DATE expressions.

    Returns the README's --json keys plus "detail" (counts, relaxed recognition, per-text
    wrong values, missed and spurious spans).
    """
    n_dates = exact = granular = 0
    tally = SpanTally()
    texts = []
    for record, text in read_gold(gold_path):
        predicted = [(int(s), int(e), str(v) if v is not None else None)
                     for s, e, v in timex_fn(text, parse_iso_date(record.get("published")))]
        timexes = record.get("timexes") or []
        gold_dates = [t for t in timexes if t.get("type") == "DATE"]
        wrong = []
        for gold in gold_dates:
            value = best_overlapping(gold["start"], gold["end"], [(s, e, v) for s, e, v in predicted])
            is_exact = value is not None and canonical(value) == canonical(gold["value"])
            is_granular = same_at_gold_granularity(gold["value"], value)
            n_dates += 1
            exact += is_exact
            granular += is_granular
            if not is_exact:
                wrong.append({"text": gold.get("text"), "gold": gold["value"], "predicted": value,
                              "granularity_right": is_granular})
        gold_spans = {(t["start"], t["end"]) for t in gold_dates}
        other_spans = {(t["start"], t["end"]) for t in timexes if t.get("type") != "DATE"}
        candidates = date_candidates(predicted, gold_spans, other_spans)
        tally.add(gold_spans, candidates)
        texts.append({"id": record.get("id"), "wrong_values": wrong,
                      "missed": sorted(gold_spans - candidates), "spurious": sorted(candidates - gold_spans)})

    precision, recall, f1 = tally.prf()
    return {
        "n_dates": n_dates,
        "exact_acc": exact / n_dates if n_dates else None,
        "granularity_acc": granular / n_dates if n_dates else None,
        "recognition_precision": precision, "recognition_recall": recall, "recognition_f1": f1,
        "detail": {
            **tally.detail(),
            "texts": texts,
        },
    }
