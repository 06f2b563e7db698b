"""Field checks on a paired (gold, predicted) event (README §3).

Each check returns True (right), False (wrong) or None (the gold leaves the field out,
or gives null where no answer can be judged: the field is not scored).
"""
from __future__ import annotations

from typing import Any, Callable

from warlog.evaluate.event_match import (
    date_error_days, date_tolerance, distance_km, gold_point, km_tolerance, norm_label,
)
from warlog.evaluate.common import parse_iso_date
from warlog.model import Event


def check_sub_type(gold: dict[str, Any], pred: Event) -> bool | None:
    if not gold.get("sub_event_type"):
        return None
    return norm_label(gold["sub_event_type"]) == norm_label(pred.sub_event_type)


def check_date(gold: dict[str, Any], pred: Event) -> bool | None:
    """Right when the predicted date is within date_tolerance_days of the gold date."""
    if parse_iso_date(gold.get("date")) is None:
        return None
    days = date_error_days(gold, pred)
    return days is not None and days <= date_tolerance(gold)


def check_location(gold: dict[str, Any], pred: Event) -> bool | None:
    """Right when the predicted point is within km_tolerance of the gold point."""
    if gold_point(gold) is None:
        return None
    km = distance_km(gold, pred)
    return km is not None and km <= km_tolerance(gold)


def actor_names(*fields: str | None) -> list[str]:
    """Lower-cased actor names of one side; assoc fields may list several, split on ';'.
    Runs of whitespace (a no-break space too) read as one space, in names as in gold aliases."""
    names = []
    for value in fields:
        for part in (value or "").split(";"):
            if part.strip():
                names.append(" ".join(part.lower().split()))
    return names


def aliases_match(aliases: list[str], names: list[str]) -> bool:
    """A gold alias (lower-cased) is a substring of a predicted name, or the name of the alias."""
    return any(a in n or n in a for a in aliases for n in names)


def check_actors(gold: dict[str, Any], pred: Event) -> bool | None:
    """The actor pair, order not scored.

    One side of the prediction is actor1 with assoc_actor_1, the other actor2 with
    assoc_actor_2. Right when actor1_any matches one side and actor2_any the other.
    An empty actor2_any scores actor1_any alone (matching either side), and vice versa.
    """
    first = [" ".join(a.lower().split()) for a in gold.get("actor1_any") or [] if a and a.strip()]
    second = [" ".join(a.lower().split()) for a in gold.get("actor2_any") or [] if a and a.strip()]
    if not first and not second:
        return None
    side_a = actor_names(pred.actor1, pred.assoc_actor_1)
    side_b = actor_names(pred.actor2, pred.assoc_actor_2)
    if not second or not first:
        return aliases_match(first or second, side_a + side_b)
    return (aliases_match(first, side_a) and aliases_match(second, side_b)) or (
        aliases_match(first, side_b) and aliases_match(second, side_a)
    )


def best_fatality_estimate(pred: Event) -> int:
    """The prediction's best fatality figure.

    Event.fatalities (ACLED's conservative figure) when non-zero; when it is 0 but the
    prediction gives a range, the low end (else the high end) of that range; else 0.
    """
    if pred.fatalities:
        return int(pred.fatalities)
    for value in (pred.fatalities_low, pred.fatalities_high):
        if value:
            return int(value)
    return 0


def check_fatalities(gold: dict[str, Any], pred: Event) -> bool | None:
    """Right when the best estimate lies in [low, high] (null and 0 both mean none reported).

    A range with one null end is read as the single figure of the other end.
    """
    if "fatalities_low" not in gold and "fatalities_high" not in gold:
        return None
    low, high = gold.get("fatalities_low"), gold.get("fatalities_high")
    low = high if low is None else low
    high = low if high is None else high
    best = best_fatality_estimate(pred)
    if low is None:  # both null: right when the prediction reports none
        return best == 0
    low, high = sorted((low, high))
    return low <= best <= high


def check_civilian_targeting(gold: dict[str, Any], pred: Event) -> bool | None:
    if gold.get("civilian_targeting") is None:
        return None
    return bool(pred.civilian_targeting) == bool(gold["civilian_targeting"])


# result key -> check, in the README's order
FIELD_CHECKS: dict[str, Callable[[dict[str, Any], Event], bool | None]] = {
    "sub_type_acc": check_sub_type,
    "date_acc": check_date,
    "location_acc": check_location,
    "actors_acc": check_actors,
    "fatalities_acc": check_fatalities,
    "civilian_targeting_acc": check_civilian_targeting,
}
