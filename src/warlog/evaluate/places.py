"""Scoring toponym recognition and resolution against a places gold file (README "Places gold").

Resolution: each gold toponym takes the point the system gives the same span (exact
offsets), else the predicted span overlapping it most; no such span, or no point, is the
worst error (20,039 km). Errors are capped at that figure. Recognition compares predicted
and gold spans on exact offsets (a relaxed overlap figure is in detail).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable, Optional

import numpy as np

from warlog.evaluate.common import (
    WORST_ERROR_KM, SpanTally, best_overlapping, haversine_km, parse_iso_date, read_gold,
)

ACCURACY_KM = 161.0
Toponym = tuple[int, int, Optional[float], Optional[float]]
GeoparseFn = Callable[[str, Optional[date]], list[Toponym]]


def error_auc(errors_km: list[float]) -> float | None:
    """Area under the log error curve (Gritta et al. 2018), 0 best, 1 worst.

    Errors are sorted, scaled as log(1 + km) / log(20039) and integrated with the
    trapezoidal rule over unit steps, divided by the n - 1 steps of the x axis. A single
    toponym's AUC is its scaled error.
    """
    if not errors_km:
        return None
    scaled = np.log1p(np.sort(np.asarray(errors_km, dtype=float))) / np.log(WORST_ERROR_KM)
    if len(scaled) == 1:
        return float(scaled[0])
    return float(np.trapezoid(scaled) / (len(scaled) - 1))


def resolution_error(gold: dict, predicted: list[Toponym]) -> float:
    """Error in km of the point given to the gold span (worst error when none)."""
    point = best_overlapping(gold["start"], gold["end"], [(s, e, (lat, lon)) for s, e, lat, lon in predicted])
    if point is None or point[0] is None or point[1] is None:
        return WORST_ERROR_KM
    return min(WORST_ERROR_KM, haversine_km(float(gold["lat"]), float(gold["lon"]), point[0], point[1]))


def score_places(gold_path: str | Path, geoparse_fn: GeoparseFn) -> dict:
    """Run `geoparse_fn(text, published)` on every gold text and score its toponyms.

    Gold toponyms without coordinates are left out of resolution but kept for recognition.
    Returns the README's --json keys plus "detail" (counts, relaxed recognition, per-text
    errors and spans missed or spurious).
    """
    errors: list[float] = []
    tally = SpanTally()
    texts = []
    for record, text in read_gold(gold_path):
        predicted = [tuple(p) for p in geoparse_fn(text, parse_iso_date(record.get("published")))]
        golds = record.get("toponyms") or []
        gold_spans = {(g["start"], g["end"]) for g in golds}
        pred_spans = {(p[0], p[1]) for p in predicted}
        tally.add(gold_spans, pred_spans)
        text_errors = []
        for gold in golds:
            if gold.get("lat") is None or gold.get("lon") is None:
                continue
            km = resolution_error(gold, predicted)
            errors.append(km)
            text_errors.append({"start": gold["start"], "end": gold["end"],
                                "name": gold.get("name"), "error_km": round(km, 1)})
        texts.append({"id": record.get("id"), "errors": text_errors,
                      "missed": sorted(gold_spans - pred_spans), "spurious": sorted(pred_spans - gold_spans)})

    precision, recall, f1 = tally.prf()
    return {
        "n_toponyms": len(errors),
        "acc_161km": sum(e <= ACCURACY_KM for e in errors) / len(errors) if errors else None,
        "median_km": float(np.median(errors)) if errors else None,
        "mean_km": float(np.mean(errors)) if errors else None,
        "auc": error_auc(errors),
        "recognition_precision": precision, "recognition_recall": recall, "recognition_f1": f1,
        "detail": {
            **tally.detail(),
            "unresolved": sum(e >= WORST_ERROR_KM for e in errors),
            "texts": texts,
        },
    }
