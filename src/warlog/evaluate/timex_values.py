"""TIMEX3 date values: canonical form, granularity, and comparison at a granularity.

Granularities, finest first: day, week, month, season, quarter, half, year, decade,
century. A value's granularity is what it pins down: "2016-06-21" (a trailing time such
as "T09:00" or "TEV" is ignored) is a day, "2016-W24" and "2016-W24-WE" a week, "2016-06"
and "2016-06-XX" a month, "2016-SU" a season, "2016-Q2" a quarter, "2016-H1" a half,
"2016", "2016-XX", "2016-WXX" or "2016-QX" a year, "201"/"201X" a decade, "20"/"20XX" a
century. Anything else (PRESENT_REF, P1W, ...) has no granularity and compares as a string.
"""
from __future__ import annotations

import re
from datetime import date

SEASON_MONTHS = {"SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "WI": (12, 1, 2)}

_PATTERNS = [
    ("day", re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T.*)?$")),
    ("week", re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")),
    ("month", re.compile(r"^(\d{4})-(\d{2})(-XX)?$")),
    ("season", re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")),
    ("quarter", re.compile(r"^(\d{4})-Q([1-4])$")),
    ("half", re.compile(r"^(\d{4})-H([12])$")),
    ("year", re.compile(r"^(\d{4})(-XX|-XX-XX|-WXX|-QX|-HX)?$")),
    ("decade", re.compile(r"^(\d{3})X?(-XX)*$")),
    ("century", re.compile(r"^(\d{2})(XX)?(-XX)*$")),
]


def canonical(value: str | None) -> str:
    """Upper-cased, stripped, week numbers zero-padded ("2000-W6" -> "2000-W06"), and a
    decade or century written either way TimeML annotators write it ("199X" and "199" for
    the 1990s, "19XX" and "19" for the twentieth century: both notations occur in the
    TimeBank and AQUAINT gold) written the short way."""
    text = (value or "").strip().upper()
    text = re.sub(r"^(\d{3})X$|^(\d{2})XX$", lambda m: m[1] or m[2], text)
    return re.sub(r"-W(\d)(?=$|-)", r"-W0\1", text)


def parse_value(value: str | None) -> tuple[str, tuple] | None:
    """(granularity, fields) of a TIMEX3 date value, or None when it has no calendar granularity."""
    text = canonical(value)
    for level, pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groups()
        if level == "day":
            try:
                return level, (date(int(groups[0]), int(groups[1]), int(groups[2])),)
            except ValueError:
                return None
        if level in ("week", "quarter", "half", "month"):
            return level, (int(groups[0]), int(groups[1]))
        if level == "season":
            return level, (int(groups[0]), groups[1])
        return level, (int(groups[0]),)
    return None


def _calendar_keys(year: int, month: int) -> dict[str, tuple]:
    """Keys of the month a value falls in, and of everything coarser."""
    season = next(name for name, months in SEASON_MONTHS.items() if month in months)
    return {"month": (year, month), "season": (year, season), "quarter": (year, (month - 1) // 3 + 1),
            "half": (year, 1 if month <= 6 else 2), **_year_keys(year)}


def _year_keys(year: int) -> dict[str, tuple]:
    return {"year": (year,), "decade": (year // 10,), "century": (year // 100,)}


def granularity_keys(parsed: tuple[str, tuple]) -> dict[str, tuple]:
    """The value's key at its own granularity and at every coarser one it determines.

    A week's month, season, quarter and half are those of its Thursday (the ISO rule that
    also fixes its year).
    """
    kind, fields = parsed
    if kind == "day":
        day = fields[0]
        iso = day.isocalendar()
        return {"day": fields, "week": (iso[0], iso[1]), **_calendar_keys(day.year, day.month)}
    if kind == "week":
        try:
            thursday = date.fromisocalendar(fields[0], fields[1], 4)
        except ValueError:
            return {"week": fields}
        return {"week": fields, **_calendar_keys(thursday.year, thursday.month)}
    if kind == "month":
        return _calendar_keys(*fields)
    if kind in ("season", "quarter", "half"):
        keys = {kind: fields, **_year_keys(fields[0])}
        if kind == "quarter":
            keys["half"] = (fields[0], 1 if fields[1] <= 2 else 2)
        return keys
    if kind == "year":
        return _year_keys(fields[0])
    if kind == "decade":
        return {"decade": fields, "century": (fields[0] // 10,)}
    return {"century": fields}


def same_at_gold_granularity(gold: str, predicted: str | None) -> bool:
    """True when the prediction names the same day/week/month/... as the gold, at the gold's
    own granularity ("2016-06-21" is right for gold "2016-06"; "2016-06" is wrong for
    "2016-06-21"). Values without a granularity must match exactly (canonical form).

    A season's winter is read as the months 12, 1, 2 of the year written.
    """
    if predicted is None:
        return False
    gold_parsed, pred_parsed = parse_value(gold), parse_value(predicted)
    if gold_parsed is None or pred_parsed is None:
        return canonical(gold) == canonical(predicted)
    level = gold_parsed[0]
    return granularity_keys(pred_parsed).get(level) == granularity_keys(gold_parsed)[level]
