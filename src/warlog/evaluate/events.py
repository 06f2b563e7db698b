"""Scoring extracted events and claims against an events gold file (README "Scoring").

Choices the README leaves open, made here:
- predictions flagged `is_historical` are left out before anything else;
- a current prediction whose evidence overlaps a `not_events` entry is a false positive
  (counted in `not_events`) and takes no part in pairing;
- pairs with an optional gold event count neither in P/R nor in the field accuracies;
- a further prediction that duplicates an already-paired gold event (optional or not) is
  a false positive and counted in `duplicates`;
- P, R, F1 are null when their denominator is 0; accuracies are null when no pair scored
  that field; `claims_found` is null when the gold has no claims;
- an exception raised by `extract_fn` is recorded in detail["errors"] and the article
  scored as if nothing was extracted.
"""
from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any, Callable

from warlog.evaluate.claims import claim_found
from warlog.evaluate.common import parse_iso_date, prf, ratio, read_gold
from warlog.evaluate.event_fields import FIELD_CHECKS
from warlog.evaluate.event_match import (
    duplicates_gold, event_evidence, hits_not_event, norm_label, not_event_spans, pair_events,
)
from warlog.evaluate.labels import NO_EVENT, label_scores, snippet_label
from warlog.model import Event, Extraction

ExtractFn = Callable[[str, date | None], Extraction]
Progress = Callable[[int, int], None]


def describe(event: Event) -> dict[str, Any]:
    """A short, JSON-ready view of a predicted event for the detail report."""
    evidence = event_evidence(event)
    return {
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "date": event.event_date.isoformat() if event.event_date else None,
        "country_code": event.country_code, "location": event.location,
        "lat": event.latitude, "lon": event.longitude,
        "actor1": event.actor1, "actor2": event.actor2, "fatalities": event.fatalities,
        "confidence": event.confidence, "evidence": evidence[0].text[:200] if evidence else None,
    }


def describe_gold(gold: dict[str, Any], index: int) -> dict[str, Any]:
    keys = ("event_type", "sub_event_type", "date", "location", "country", "optional")
    return {"index": index, **{k: gold[k] for k in keys if k in gold}}


def score_article(record: dict[str, Any], text: str, extraction: Extraction | None) -> dict[str, Any]:
    """Counts and detail for one gold line; `extraction` None means nothing was extracted."""
    golds = record.get("events") or []
    events = extraction.events if extraction else []
    current = [e for e in events if not e.is_historical]
    located = not_event_spans(record.get("not_events") or [], text)
    rejected = [e for e in current if located and hits_not_event(e, located)]
    candidates = [e for e in current if not any(e is r for r in rejected)]
    pairs = pair_events(golds, candidates)

    counts: Counter[str] = Counter()
    fields: dict[str, list[int]] = {name: [0, 0] for name in FIELD_CHECKS}  # right, scored
    paired_detail = []
    for gi, pi, cost in pairs:
        gold, pred = golds[gi], candidates[pi]
        optional = bool(gold.get("optional"))
        counts["optional_matched" if optional else "tp"] += 1
        verdicts = {name: check(gold, pred) for name, check in FIELD_CHECKS.items()}
        if not optional:
            for name, verdict in verdicts.items():
                if verdict is not None:
                    fields[name][0] += int(verdict)
                    fields[name][1] += 1
        paired_detail.append({"gold": describe_gold(gold, gi), "pred": describe(pred),
                              "cost": round(cost, 4), "fields": verdicts})

    paired_gold = {gi for gi, _, _ in pairs}
    paired_pred = {pi for _, pi, _ in pairs}
    false_positives = [{"reason": "not_event", **describe(e)} for e in rejected]
    for pi, pred in enumerate(candidates):
        if pi in paired_pred:
            continue
        duplicate = any(duplicates_gold(golds[gi], pred) for gi in paired_gold)
        counts["duplicates"] += duplicate
        false_positives.append({"reason": "duplicate" if duplicate else "unpaired", **describe(pred)})
    counts["not_events"] = len(rejected)
    counts["fp"] = len(false_positives)
    misses = [describe_gold(g, gi) for gi, g in enumerate(golds)
              if gi not in paired_gold and not g.get("optional")]
    counts["fn"] = len(misses)

    gold_claims = record.get("claims") or []
    claims = extraction.claims if extraction else []
    found = [claim_found(gc, claims) for gc in gold_claims]
    counts["claims"], counts["claims_found"] = len(gold_claims), sum(found)
    return {
        "counts": counts, "fields": fields, "current": current,
        "detail": {
            "id": record.get("id"), "n_gold": len(golds), "n_predicted": len(events),
            "n_historical": len(events) - len(current), "pairs": paired_detail,
            "false_positives": false_positives, "misses": misses,
            "claims": [{"claim": gc, "found": f} for gc, f in zip(gold_claims, found)],
        },
    }


def gold_label(record: dict[str, Any]) -> str | None:
    """The snippet's gold label; None when it cannot be scored (no sub-type, or optional)."""
    golds = record.get("events") or []
    if not golds:
        return NO_EVENT
    if golds[0].get("optional") or not golds[0].get("sub_event_type"):
        return None
    return norm_label(golds[0]["sub_event_type"])


def score_events(gold_path: str | Path, extract_fn: ExtractFn, progress: Progress | None = None) -> dict:
    """Run `extract_fn(text, published)` on every gold article and score what it returns.

    `progress(done, total)` is called after each article when given. Returns the README's
    --json keys, plus "detail" (counts, per-field right/scored, per-article pairs, false
    positives with their reason, misses, claims, labels, errors).
    """
    records = list(read_gold(gold_path))
    snippets = all(len(r.get("events") or []) <= 1 for r, _ in records)
    totals: Counter[str] = Counter()
    fields: dict[str, list[int]] = {name: [0, 0] for name in FIELD_CHECKS}
    articles, errors, gold_labels, pred_labels = [], [], [], []
    for done, (record, text) in enumerate(records, 1):
        extraction = None
        try:
            extraction = extract_fn(text, parse_iso_date(record.get("published")))
        except Exception as exc:  # one bad article must not stop a whole evaluation
            errors.append({"id": record.get("id"), "error": f"{type(exc).__name__}: {exc}"})
        scored = score_article(record, text, extraction)
        totals.update(scored["counts"])
        for name, (right, count) in scored["fields"].items():
            fields[name][0] += right
            fields[name][1] += count
        label = gold_label(record) if snippets else None
        if label is not None:
            gold_labels.append(label)
            pred_labels.append(snippet_label(scored["current"]))
            scored["detail"]["label"] = {"gold": label, "predicted": pred_labels[-1]}
        articles.append(scored["detail"])
        if progress:
            progress(done, len(records))

    precision, recall, f1 = prf(totals["tp"], totals["fp"], totals["fn"])
    result: dict[str, Any] = {
        "n_articles": len(records), "f1": f1, "precision": precision, "recall": recall,
        "duplicates": totals["duplicates"], "not_events": totals["not_events"],
        **{name: ratio(right, count) for name, (right, count) in fields.items()},
        "claims_found": ratio(totals["claims_found"], totals["claims"]),
    }
    detail: dict[str, Any] = {
        "tp": totals["tp"], "fp": totals["fp"], "fn": totals["fn"],
        "optional_matched": totals["optional_matched"], "n_claims": totals["claims"],
        "fields": {name: {"right": r, "scored": c} for name, (r, c) in fields.items()},
        "errors": errors, "articles": articles,
    }
    if snippets:
        labels = label_scores(gold_labels, pred_labels)
        result.update(label_accuracy=labels["accuracy"], label_macro_f1=labels["macro_f1"],
                      label_weighted_f1=labels["weighted_f1"])
        detail["labels"] = {"n_scored": len(gold_labels), "n_unscored": len(records) - len(gold_labels),
                            "per_label": labels["per_label"]}
    result["detail"] = detail
    return result
