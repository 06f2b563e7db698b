"""Vocabulary and building blocks for resolving time expressions.

`When` is the resolved form of one expression; the builders make the When of a day, week,
month, quarter, half, season or year, with its window (earliest, latest) and ACLED precision
(1 day, 2 week or a few days, 3 month or vaguer). `normalise` rewrites an expression into the
lower-cased, digit-year form the resolvers' patterns expect ("Nineteen Ninety-Six" -> "1996").
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

DAY, WEEK, MONTH = 1, 2, 3

MONTHS = {n.lower(): i for i, n in enumerate(calendar.month_name) if n}
MONTHS.update({n.lower(): i for i, n in enumerate(calendar.month_abbr) if n})
MONTHS["sept"] = 9
WEEKDAYS = {n.lower(): i for i, n in enumerate(calendar.day_name)}
SEASONS = {"spring": ("SP", (3, 5)), "summer": ("SU", (6, 8)), "fall": ("FA", (9, 11)),
           "autumn": ("FA", (9, 11)), "winter": ("WI", (12, 2))}
UNITS = {"day": "D", "week": "W", "fortnight": "W", "month": "M", "year": "Y", "decade": "Y",
         "century": "Y", "hour": "H", "minute": "MIN"}
UNIT_SIZE = {"fortnight": 2, "decade": 10, "century": 100}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_NUMS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90, "hundred": 100}

# regular-expression pieces shared by the resolvers
M = r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b"
WD = r"(" + "|".join(WEEKDAYS) + r")"
UNIT = r"(days?|weeks?|months?|years?|decades?|centur(?:y|ies)|hours?|minutes?|fortnights?)"
Y = r"((?:1[0-9]|20)\d\d)"
ORD = r"(\d{1,2})(?:st|nd|rd|th)?"
PART = r"(?:(early|mid|late|end of|the end of|beginning of|the beginning of|the middle of)[- ](?:of )?)"


def number(word: str) -> int | None:
    """'two' -> 2, 'twenty-four' -> 24, '36' -> 36, 'a' -> 1; None for 'several', 'few'."""
    w = word.strip().replace("-", " ")
    if w.isdigit():
        return int(w)
    if w in ("a", "an", "one", "a single"):
        return 1
    if w in ("a couple of", "couple of", "a couple"):
        return 2
    total = 0
    for part in w.split():
        if part in _NUMS:
            total += _NUMS.index(part)
        elif part in _TENS:
            total += _TENS[part]
        else:
            return None
    return total or None


_TWO = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|" \
       r"seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_SPELLED_YEAR = re.compile(r"\b(nineteen|eighteen|twenty) (" + _TWO + r"|hundred)\b|\btwo thousand(?: and)?"
                           r"(?: (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" + _TWO + r"))?\b")


def _spelled_year(m: re.Match) -> str:
    if m[1]:
        century = number(m[1])
        return str(century * 100 + (0 if m[2] == "hundred" else number(m[2])))
    return str(2000 + (number(m[3]) if m[3] else 0))


def normalise(text: str) -> str:
    """Lower case, plain quotes and dashes, no abbreviation dots, spelled-out years as digits."""
    t = text.lower().replace("’", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.", r"\1", t)
    t = re.sub(r"[\s\u00a0]+", " ", t).strip(" .,;:!?\"'")
    t = _SPELLED_YEAR.sub(_spelled_year, t)
    t = re.sub(r"^(?:the )?year (\d{4})$", r"\1", t)
    t = re.sub(r"(?<!\w)'([0-9]0)s\b", lambda m: ("19" if m[1] != "00" else "20") + m[1] + "s", t)
    t = re.sub(r"^(?:the )?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)$",
               lambda m: f"19{_TENS[m[1][:-3] + 'y']}s", t)
    return t


@dataclass(frozen=True)
class When:
    """A resolved time expression: best estimate, window, ACLED precision and TIMEX3 value."""
    value: date | None
    earliest: date | None
    latest: date | None
    precision: int
    timex: str
    kind: str = "date"          # "date" | "duration" | "set" | "ref"
    relative: bool = False      # computed from the anchor or the narrative
    note: str = ""


def mid(a: date, b: date) -> date:
    return a + (b - a) // 2


def day_when(d: date, relative: bool = False) -> When:
    return When(d, d, d, DAY, d.isoformat(), "date", relative)


def week_when(d: date, relative: bool = False, value: date | None = None) -> When:
    mon = d - timedelta(days=d.weekday())
    y, w, _ = mon.isocalendar()
    return When(value or mon + timedelta(days=3), mon, mon + timedelta(days=6), WEEK,
                f"{y}-W{w:02d}", "date", relative)


def month_when(y: int, m: int, relative: bool = False, part: str = "") -> When:
    last = calendar.monthrange(y, m)[1]
    lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}.get(part, (1, last))
    a, b = date(y, m, lo), date(y, m, hi)
    return When(mid(a, b), a, b, MONTH, f"{y:04d}-{m:02d}", "date", relative)


def year_when(y: int, relative: bool = False, part: str = "") -> When:
    lo, hi = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}.get(part, (1, 12))
    a, b = date(y, lo, 1), date(y, hi, calendar.monthrange(y, hi)[1])
    return When(mid(a, b), a, b, MONTH, f"{y:04d}", "date", relative)


def span_when(a: date, b: date, timex: str, relative: bool = False) -> When:
    """A period of a month or more given by its first and last day."""
    return When(mid(a, b), a, b, MONTH, timex, "date", relative)


def quarter_when(y: int, q: int, relative: bool = False) -> When:
    a = date(y, 3 * q - 2, 1)
    return span_when(a, shift(a, 3, "M") - timedelta(days=1), f"{y}-Q{q}", relative)


def half_when(y: int, h: int, relative: bool = False) -> When:
    a = date(y, 1 if h == 1 else 7, 1)
    return span_when(a, shift(a, 6, "M") - timedelta(days=1), f"{y}-H{h}", relative)


def season_when(name: str, year: int, relative: bool = False) -> When:
    code, (m1, m2) = SEASONS[name]
    a = date(year, m1, 1)
    y2 = year + 1 if m2 < m1 else year
    return span_when(a, date(y2, m2, calendar.monthrange(y2, m2)[1]), f"{year}-{code}", relative)


def decade_when(first_year: int) -> When:
    return span_when(date(first_year, 1, 1), date(first_year + 9, 12, 31), str(first_year)[:3])


def clip(w: When, latest: date | None) -> When:
    """Cut a window that runs past `latest` (e.g. "earlier this month" ends the day before)."""
    if latest is None or w.latest is None or w.latest <= latest or w.earliest > latest:
        return w
    return replace(w, latest=latest, value=mid(w.earliest, latest))


def unresolved(granularity: int, kind: str = "date", note: str = "no anchor date") -> When:
    timex = {DAY: "XXXX-XX-XX", WEEK: "XXXX-WXX", MONTH: "XXXX-XX"}[granularity]
    return When(None, None, None, granularity, timex, kind, True, note)


def shift(d: date, n: int, unit: str) -> date:
    """`d` moved by n units (D, W, M, Y), clamping the day of month."""
    if unit == "D":
        return d + timedelta(days=n)
    if unit == "W":
        return d + timedelta(weeks=n)
    months = n * (12 if unit == "Y" else 1)
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def at_unit(d: date, unit: str, relative: bool = True) -> When:
    """The period of granularity `unit` that contains d (a day, its week, month or year)."""
    if unit == "D":
        return day_when(d, relative)
    if unit == "W":
        return week_when(d, relative, value=d)
    if unit == "M":
        return replace(month_when(d.year, d.month, relative), value=d)
    return replace(year_when(d.year, relative), value=d)


def shift_when(w: When, years: int) -> When | None:
    """The same day, week, month, quarter, half or season `years` later (earlier when < 0)."""
    t = w.timex
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", t):
        return quarter_when(int(m[1]) + years, int(m[2]), True)
    if m := re.fullmatch(r"(\d{4})-H([12])", t):
        return half_when(int(m[1]) + years, int(m[2]), True)
    if m := re.fullmatch(r"(\d{4})-(\d\d)", t):
        return month_when(int(m[1]) + years, int(m[2]), True)
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", t):
        name = next(k for k, v in SEASONS.items() if v[0] == m[2])
        return season_when(name, int(m[1]) + years, True)
    if re.fullmatch(r"\d{4}-\d\d-\d\d", t) and w.value is not None:   # "a year earlier": about that day
        d = shift(w.value, years, "Y")
        return When(d, d - timedelta(days=15), d + timedelta(days=15), MONTH, d.isoformat(), "date", True)
    return None
