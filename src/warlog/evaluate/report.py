"""Printing scorer results: one rich table per set and one summary line (README §6)."""
from __future__ import annotations

from rich.table import Table

from warlog.evaluate.common import fmt

# kind -> [(label in the summary line, result key)]
SUMMARY_FIELDS: dict[str, list[tuple[str, str]]] = {
    "events": [("F1", "f1"), ("P", "precision"), ("R", "recall"), ("dup", "duplicates"),
               ("sub_type", "sub_type_acc"), ("date", "date_acc"), ("loc", "location_acc"),
               ("actors", "actors_acc"), ("fatalities", "fatalities_acc")],
    "places": [("acc@161km", "acc_161km"), ("median_km", "median_km"), ("mean_km", "mean_km"),
               ("auc", "auc"), ("recognition F1", "recognition_f1"), ("P", "recognition_precision"),
               ("R", "recognition_recall")],
    "dates": [("exact", "exact_acc"), ("granularity", "granularity_acc"), ("recognition F1", "recognition_f1"),
              ("P", "recognition_precision"), ("R", "recognition_recall")],
}

_COUNTS = ("tp", "fp", "fn", "optional_matched", "unresolved")


def _check_kind(kind: str) -> None:
    if kind not in SUMMARY_FIELDS:
        raise ValueError(f"unknown result kind {kind!r}; expected one of {sorted(SUMMARY_FIELDS)}")


def summary_line(result: dict, kind: str) -> str:
    """e.g. 'events F1=0.667 P=0.750 R=0.600 dup=1 sub_type=0.500 ...' (n/a for null)."""
    _check_kind(kind)
    return " ".join([kind] + [f"{label}={fmt(result.get(key))}" for label, key in SUMMARY_FIELDS[kind]])


def format_table(result: dict, kind: str, title: str | None = None) -> Table:
    """A two-column table of every figure of a result (the --json keys), then its raw counts."""
    _check_kind(kind)
    table = Table(title=title or f"{kind} evaluation")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in result.items():
        if key != "detail":
            table.add_row(key, fmt(value))
    detail = result.get("detail") or {}
    for key in _COUNTS:
        if key in detail:
            table.add_row(key, fmt(detail[key]))
    return table
