"""Pairing predicted events with gold events (README §1-2, §4: pairs, duplicates, not_events).

Gold events are the dicts of a gold line; predictions are warlog.model.Event. A gold
field that is left out (key absent) is never used. A gold field present but null, or a
prediction lacking the field, is a "missing side" and adds 1 to the pairing cost.
"""
from __future__ import annotations

from typing import Any

from warlog.evaluate.common import haversine_km, locate, normalise_phrase, parse_iso_date, spans_overlap
from warlog.model import Event, Evidence

PAIR_WINDOW_DAYS = 30
DEFAULT_KM_TOLERANCE = 50.0  # used only when a gold event gives a point but no km_tolerance


def norm_label(value: str | None) -> str:
    """Case- and whitespace-folded label, for comparing type names."""
    return " ".join((value or "").split()).casefold()


def gold_point(gold: dict[str, Any]) -> tuple[float, float] | None:
    """The gold (lat, lon), or None when left out or null."""
    if gold.get("lat") is None or gold.get("lon") is None:
        return None
    return float(gold["lat"]), float(gold["lon"])


def km_tolerance(gold: dict[str, Any]) -> float:
    value = gold.get("km_tolerance")
    return DEFAULT_KM_TOLERANCE if value is None else float(value)


def date_tolerance(gold: dict[str, Any]) -> int:
    return int(gold.get("date_tolerance_days") or 0)


def distance_km(gold: dict[str, Any], pred: Event) -> float | None:
    """Distance between the gold point and the predicted point; None when either is missing."""
    point = gold_point(gold)
    if point is None or pred.latitude is None or pred.longitude is None:
        return None
    return haversine_km(point[0], point[1], pred.latitude, pred.longitude)


def date_error_days(gold: dict[str, Any], pred: Event) -> int | None:
    """|predicted date - gold date| in days; None when either is missing."""
    gold_date = parse_iso_date(gold.get("date"))
    if gold_date is None or pred.event_date is None:
        return None
    return abs((pred.event_date - gold_date).days)


def can_pair(gold: dict[str, Any], pred: Event) -> bool:
    """Same event_type, countries agree when both known, dates within 30 days when both known."""
    if "event_type" in gold and norm_label(gold["event_type"]) != norm_label(pred.event_type):
        return False
    gold_country, pred_country = gold.get("country"), pred.country_code
    if gold_country and pred_country and gold_country.strip().upper() != pred_country.strip().upper():
        return False
    days = date_error_days(gold, pred)
    return days is None or days <= PAIR_WINDOW_DAYS


def pair_cost(gold: dict[str, Any], pred: Event) -> float:
    """km / km_tolerance + date error days / max(1, date_tolerance_days); a missing side adds 1."""
    cost = 0.0
    if "lat" in gold or "lon" in gold:
        km = distance_km(gold, pred)
        cost += 1.0 if km is None else km / max(1.0, km_tolerance(gold))
    if "date" in gold:
        days = date_error_days(gold, pred)
        cost += 1.0 if days is None else days / max(1, date_tolerance(gold))
    return cost


def pair_events(golds: list[dict[str, Any]], preds: list[Event]) -> list[tuple[int, int, float]]:
    """Greedy cheapest-first pairing: (gold index, pred index, cost), each index used once.

    Ties in cost go to the earlier gold event, then to the earlier prediction.
    """
    candidates = sorted(
        (pair_cost(gold, pred), gi, pi)
        for gi, gold in enumerate(golds)
        for pi, pred in enumerate(preds)
        if can_pair(gold, pred)
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for cost, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi, cost))
    return pairs


def duplicates_gold(gold: dict[str, Any], pred: Event) -> bool:
    """True when `pred` would have paired with `gold` and lies within its km tolerance.

    When the gold event gives no point the location condition is dropped; when it gives
    one but the prediction has none, the prediction is not counted as a duplicate.
    """
    if not can_pair(gold, pred):
        return False
    if gold_point(gold) is None:
        return True
    km = distance_km(gold, pred)
    return km is not None and km <= km_tolerance(gold)


def event_evidence(pred: Event) -> list[Evidence]:
    """The spans an event rests on: its field="event" evidence, else all its evidence."""
    main = [ev for ev in pred.evidence if ev.field == "event"]
    return main or list(pred.evidence)


def not_event_spans(not_events: list[dict[str, Any]], text: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """Each not_event's evidence string with the spans where it occurs in the text (may be none)."""
    return [(item.get("evidence") or "", locate(item.get("evidence") or "", text)) for item in not_events]


def hits_not_event(pred: Event, located: list[tuple[str, list[tuple[int, int]]]]) -> bool:
    """True when the event's evidence overlaps one of the not_events.

    Overlap is on character spans when the not_event string was found in the text (quotes,
    whitespace and case normalised) and the evidence has a usable span; otherwise one
    normalised text containing the other counts as overlap.
    """
    for ev in event_evidence(pred):
        ev_text = normalise_phrase(ev.text or "")
        for phrase, spans in located:
            if not phrase.strip():
                continue
            if spans and ev.end > ev.start:
                if any(spans_overlap(ev.start, ev.end, s, e) for s, e in spans):
                    return True
                continue
            not_text = normalise_phrase(phrase)
            if ev_text and (ev_text in not_text or not_text in ev_text):
                return True
    return False
