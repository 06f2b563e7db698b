"""Matching gold claims with predicted Claims (README §4, `claims_found`)."""
from __future__ import annotations

from typing import Any

from warlog.model import Claim

SHARE_TOLERANCE = 0.05


def _number(value: Any) -> float | None:
    """A number from an int, float or numeric string ("33%" reads as 0.33)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().replace(",", "")
    try:
        return float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        return None


def _range(value: Any) -> tuple[float, float] | None:
    """A [low, high] pair as numbers, or None when the value is not a pair of numbers."""
    if isinstance(value, (list, tuple)) and len(value) == 2:
        low, high = _number(value[0]), _number(value[1])
        if low is not None and high is not None:
            return low, high
    return None


def _scalar_or_range(value: Any) -> float | tuple[float, float] | None:
    pair = _range(value)
    if pair is not None:
        return pair[0] if pair[0] == pair[1] else pair  # [36, 36] is the figure 36
    return _number(value)


def is_share(gold: dict[str, Any]) -> bool:
    """A share: the attribute says so, or the value is a fraction strictly inside (0, 1)."""
    value = gold.get("value")
    fraction = isinstance(value, float) and 0 < value < 1
    return "share" in str(gold.get("attribute", "")).lower() or fraction


def values_equal(gold: dict[str, Any], predicted: Any) -> bool:
    """Gold and predicted values agree: within 0.05 for shares (a predicted figure in
    (1, 100] then reads as a percentage), exactly otherwise; ranges compare as pairs."""
    expected, got = _scalar_or_range(gold.get("value")), _scalar_or_range(predicted)
    if expected is None or got is None:
        return str(gold.get("value")).strip().lower() == str(predicted).strip().lower()
    if isinstance(expected, tuple) != isinstance(got, tuple):
        return False
    share = is_share(gold)
    tolerance = SHARE_TOLERANCE if share else 0.0
    if share and not isinstance(got, tuple) and 1 < got <= 100:
        got = got / 100
    pairs = zip(expected, got) if isinstance(expected, tuple) else [(expected, got)]
    return all(abs(e - g) <= tolerance + 1e-9 for e, g in pairs)


def source_matches(source_any: list[str] | None, source: str | None) -> bool:
    """Same substring rule as actors; no source_any in the gold means any source will do."""
    aliases = [a.strip().lower() for a in source_any or [] if a and a.strip()]
    if not aliases:
        return True
    name = (source or "").strip().lower()
    return bool(name) and any(a in name or name in a for a in aliases)


def claim_found(gold: dict[str, Any], predicted: list[Claim]) -> bool:
    """True when one predicted claim has the same subject, an equal value and a matching source."""
    subject = str(gold.get("subject", "")).strip().casefold()
    return any(
        str(claim.subject or "").strip().casefold() == subject
        and values_equal(gold, claim.value)
        and source_matches(gold.get("source_any"), claim.source)
        for claim in predicted
    )
