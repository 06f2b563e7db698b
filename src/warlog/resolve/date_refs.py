"""Expressions that are not a calendar period of their own: references to the present, past or
future ("now", "recently", "in the future"), durations ("two years"), sets ("daily",
"every Friday"), holidays ("Christmas", "Thanksgiving", "Easter") and centuries.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter

from warlog.resolve.date_words import (
    DAY,
    MONTH,
    UNIT,
    UNIT_SIZE,
    UNITS,
    WD,
    WEEKDAYS,
    When,
    day_when,
    span_when,
    week_when,
)
from warlog.resolve.relative_dates import NUMWORD, QUAL, count, unit_name

REFS = {"PRESENT_REF": r"(?:right |just )?now|currently|current|at present|presently|present|the present|"
                       r"nowadays|these days|at the moment|at this time|so far|to date|as yet|yet|"
                       r"this (?:crucial |critical |historic )?(?:moment|time|point)",
        "PAST_REF": r"recently|recent|more recently|lately|(?:in )?the past|previously|formerly|once|earlier|"
                    r"(?:in )?(?:recent|past) (?:days|weeks|months|years|times)|"
                    r"(?:in )?the (?:past|last) (?:few|several) (?:days|weeks|months|years)",
        "FUTURE_REF": r"(?:in )?the (?:near |distant |foreseeable )?future|future|soon|shortly|later|eventually|"
                      r"one day|some day|someday|(?:in )?the days ahead|(?:the )?(?:near|short) term|(?:at )?a later date|"
                      r"(?:in )?(?:the )?coming (?:days|weeks|months|quarters|years)"}
SETS = {"daily": "P1D", "every day": "P1D", "each day": "P1D", "nightly": "P1D", "weekly": "P1W",
        "every week": "P1W", "each week": "P1W", "monthly": "P1M", "every month": "P1M",
        "annually": "P1Y", "yearly": "P1Y", "every year": "P1Y", "each year": "P1Y"}
FIXED_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
                  "new year's day": (1, 1), "new year": (1, 1), "new year's": (1, 1),
                  "new year's eve": (12, 31), "independence day": (7, 4), "halloween": (10, 31),
                  "valentine's day": (2, 14), "may day": (5, 1), "bastille day": (7, 14)}


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


# holidays that move: the year -> their day (US federal holidays and Easter)
MOVABLE_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 6, 0, 1) - timedelta(days=7),
    "easter": easter, "easter sunday": easter, "easter day": easter,
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "easter monday": lambda y: easter(y) + timedelta(days=1),
}


def holiday(s: str, anchor: date | None, tense: str | None) -> When | None:
    """The holiday nearest the anchor: the last one unless the clause looks ahead."""
    m = re.fullmatch(r"(?:(last|this|next|this year's|last year's|next year's) )?(.+?)( week)?", s)
    if m is None or (m[2] not in FIXED_HOLIDAYS and m[2] not in MOVABLE_HOLIDAYS):
        return None
    def on(y: int) -> date:
        if m[2] in FIXED_HOLIDAYS:
            return date(y, *FIXED_HOLIDAYS[m[2]])
        return MOVABLE_HOLIDAYS[m[2]](y)
    if anchor is None:
        return When(None, None, None, DAY, "XXXX-XX-XX", "date", True, "no anchor date")
    which = (m[1] or "").removesuffix("'s").removesuffix(" year")
    if which in ("last", "next"):
        d = on(anchor.year + (1 if which == "next" else -1)) if m[1].endswith("'s") else None
        if d is None:
            d = max(on(y) for y in (anchor.year - 1, anchor.year) if on(y) < anchor) if which == "last" \
                else min(on(y) for y in (anchor.year, anchor.year + 1) if on(y) > anchor)
    elif which == "this":
        d = on(anchor.year)
    else:
        this, before = on(anchor.year), on(anchor.year - 1)
        if this <= anchor or tense == "past":
            d = this if this <= anchor else before
        else:
            d = this if (this - anchor) < (anchor - before) else before
    if m[3]:      # "Easter week": the holiday's week, this year's while it lasts
        if d < anchor - timedelta(days=6) and on(anchor.year) - timedelta(days=6) <= anchor:
            d = on(anchor.year)
        return week_when(d, True)
    return day_when(d, True)


def other(t: str, anchor: date | None, tense: str | None) -> When | None:
    """Refs (now, recently), durations (two years), sets (daily), holidays, centuries."""
    s = re.sub(r"^(?:the|for|over|within|during|in|after|about|almost|nearly|some|more than) ", "", t)
    for code, pattern in REFS.items():
        if re.fullmatch(pattern, t) or re.fullmatch(pattern, s):
            if code == "PRESENT_REF":
                return When(anchor, anchor, anchor, DAY, code, "ref", True)
            if code == "PAST_REF":
                return When(None, None, anchor, MONTH, code, "ref", True)
            return When(None, anchor, None, MONTH, code, "ref", True)
    if t in SETS or s in SETS:
        return When(None, None, None, DAY, SETS.get(t) or SETS[s], "set")
    if m := re.fullmatch(r"(?:every|each) " + WD + r"|" + WD + r"s", t):
        return When(None, None, None, DAY, f"XXXX-WXX-{WEEKDAYS[m[1] or m[2]] + 1}", "set")
    if found := holiday(re.sub(r"^(?:on|at|by|since|until|for|over) ", "", t), anchor, tense):
        return found
    if m := re.fullmatch(r"(?:the )?(\d{2})(?:st|nd|rd|th) century", t):
        c = int(m[1]) - 1
        return span_when(date(max(c * 100, 1), 1, 1), date(c * 100 + 99, 12, 31), f"{c:02d}")
    if m := re.fullmatch(r"(?:(?:the )?(?:past|last|next|coming|first|final|previous|preceding|following|"
                         r"other) )?" + QUAL + r"(?:" + NUMWORD + r"[- ])?" + UNIT + r"(?: long| old| or so)?", s):
        return _duration(m, s)
    return None


def _duration(m: re.Match, s: str) -> When | None:
    n, unit = m[1], unit_name(m[2])
    if m[1] and count(n) is None and n not in ("few", "a few", "several", "some", "many"):
        return None
    k = count(n) if n else None
    leading = re.match(r"(?:the )?(past|last|next|coming|first|final|previous)", s)
    if k is None and not n and not leading and not m[2].endswith("s"):
        return None
    if k is None and not n and leading and not m[2].endswith("s"):
        k = 1
    k = None if k is None else k * UNIT_SIZE.get(unit, 1)
    code = UNITS[unit]
    amount = "X" if k is None else str(k)
    timex = f"PT{amount}{code[0]}" if code in ("H", "MIN") else f"P{amount}{code}"
    return When(None, None, None, MONTH, timex, "duration")
