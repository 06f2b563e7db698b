"""Snippet-level labels (README §5): accuracy, macro-F1 and weighted F1 over the gold labels."""
from __future__ import annotations

from collections import Counter

from warlog.evaluate.event_match import norm_label
from warlog.model import Event

NO_EVENT = "none"


def snippet_label(current_events: list[Event]) -> str:
    """The sub_event_type of the most confident current event (first one on ties), or "none".

    Labels are case-folded; a predicted event without a sub_event_type is labelled "?".
    """
    if not current_events:
        return NO_EVENT
    best = max(current_events, key=lambda event: event.confidence)
    return norm_label(best.sub_event_type) or "?"


def label_scores(gold: list[str], predicted: list[str]) -> dict:
    """Accuracy, macro-F1 and support-weighted F1 over the labels that occur in the gold.

    A class's F1 is 2TP / (2TP + FP + FN) (0 when it is never predicted nor right); labels
    predicted but absent from the gold are not classes of their own, their predictions
    only cost recall on the true class.
    """
    n = len(gold)
    if n == 0:
        return {"accuracy": None, "macro_f1": None, "weighted_f1": None, "per_label": {}}
    support = Counter(gold)
    per_label = {}
    for label in sorted(support):
        tp = sum(g == label and p == label for g, p in zip(gold, predicted))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted))
        fn = support[label] - tp
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
        per_label[label] = {"f1": f1, "support": support[label], "tp": tp, "fp": fp, "fn": fn}
    return {
        "accuracy": sum(g == p for g, p in zip(gold, predicted)) / n,
        "macro_f1": sum(v["f1"] for v in per_label.values()) / len(per_label),
        "weighted_f1": sum(v["f1"] * v["support"] for v in per_label.values()) / n,
        "per_label": per_label,
    }
