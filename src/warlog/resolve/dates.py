"""Resolve a time expression against the publication date (anchor) and the discourse.

`resolve("Tuesday", date(2016, 6, 22))` -> When(value=2016-06-21, precision=1, timex="2016-06-21").
Pure logic, no spaCy. This module handles calendar dates ("June 2", "August 2014", "the 1990s")
and dispatches the rest: `relative_dates` (counted from the anchor or the narrative),
`periods` (quarters, halves, "a year earlier"), `date_refs` (now/recently, durations, sets,
holidays). dateparser is the fallback for absolute dates in forms or languages the patterns
do not cover. Precision follows ACLED's time_precision: 1 day, 2 week or a few days, 3 month
or vaguer; every resolved date carries its window (earliest, latest).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache

from warlog.resolve.date_refs import other
from warlog.resolve.date_words import (
    DAY,
    MONTH,
    MONTHS,
    ORD,
    PART,
    UNIT,
    WD,
    WEEK,
    WEEKDAYS,
    M,
    When,
    Y,
    day_when,
    decade_when,
    month_when,
    normalise,
    number,
    season_when,
    shift,
    unresolved,
    year_when,
)
from warlog.resolve.relative_dates import relative

__all__ = ["DAY", "MONTH", "WEEK", "When", "is_historical", "normalise", "number", "resolve", "shift"]

_LEAD = re.compile(r"^(?:(?:on|in|at|by|during|from|between|until|till|through|of|around|about|"
                   r"for|as of|beginning|starting|over|within|the|an|a|sometime|some time)\s+)+")


@lru_cache(maxsize=4096)
def resolve(text: str, anchor: date | None, *, narrative: date | None = None,
            tense: str | None = None, reference: When | None = None) -> When | None:
    """Resolve `text` (a time expression) or return None when it is not one we understand.

    anchor: the publication date; narrative: the day last narrated ("two days earlier");
    tense: "past" / "present" / "future" of the governing clause; reference: the When of
    the period last mentioned ("a year earlier", "the quarter", "later that year")."""
    t = normalise(text)
    since = bool(re.match(r"(ever )?since ", t))
    t = re.sub(r"^(ever )?since ", "", t)
    if since:
        tense = "past"          # "since May", "since Tuesday", "since year-end": one already gone
    found = absolute(t, anchor, tense) or relative(t, anchor, narrative, tense, reference, resolve)
    if found is None:
        found = other(t, anchor, tense)
    if found is not None and since and found.kind == "date" and anchor and found.earliest:
        found = replace(found, latest=anchor)
    return found


def _month_day(m: int, d: int, year: int | None, anchor: date | None,
               tense: str | None, weekday: int | None = None) -> When | None:
    if year is not None:
        try:
            return day_when(date(year, m, d))
        except ValueError:
            return None
    if anchor is None:
        return When(None, None, None, DAY, f"XXXX-{m:02d}-{d:02d}", "date", True, "no year, no anchor")
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cands.append(date(y, m, d))
        except ValueError:        # 29 February
            pass
    if weekday is not None and any(c.weekday() == weekday for c in cands):
        cands = [c for c in cands if c.weekday() == weekday]
    return day_when(pick_year(cands, anchor, tense), True) if cands else None


_DAYS_TO = r"\s*(?:-|–|—|to|until|through)\s*"


def _days(month: int, first: int, last: int, year: int | None, anchor: date | None,
          tense: str | None) -> When | None:
    """A run of days of one month: dated by its first day, with the whole run as its window;
    precision 2 (a few days) unless the run is a single day."""
    start = _month_day(month, first, year, anchor, tense)
    if start is None or start.value is None or not first <= last <= 31:
        return start if first == last else None
    try:
        end = start.value.replace(day=last)
    except ValueError:
        return None
    return replace(start, latest=end, precision=DAY if first == last else WEEK,
                   timex=start.timex if first == last else f"{start.value.isoformat()}/{end.isoformat()}")


def pick_year(cands: list[date], anchor: date, tense: str | None, ahead_days: int = 120) -> date:
    """The candidate nearest the anchor, leaning to the past.

    A later candidate wins when the clause looks ahead (future tense) unless the earlier one is
    at most two weeks back ("ordered to repatriate him by Jan. 14"); in a present-tense clause
    when it is within `ahead_days`; with no tense known ("open": a plan told in the past, an
    effective date; "limit": a limit set in the past, "extended the loans through January")
    when it is twice as near as the earlier one; in a past-tense clause only when it is four
    times nearer ("extended the deadline to Nov. 16")."""
    past = [c for c in cands if c <= anchor]
    future = [c for c in cands if c > anchor]
    if not past or not future or tense in ("before", "after"):    # "last Oct. 23", "next May 1"
        return max(past) if past and (tense != "after" or not future) else min(future)
    if tense == "future":       # "will be named commander for a mission in December"; a date
        back = (anchor - max(past)).days      # a few days gone is a deadline just passed
        return max(past) if back <= 14 else min(future)
    back, ahead = (anchor - max(past)).days, (min(future) - anchor).days
    if tense == "present":
        later = ahead <= ahead_days or ahead < back
    else:
        later = ahead * 2 < back if tense in (None, "open", "limit") else ahead * 4 < back
    return min(future) if later else max(past)


def _month(m: int, anchor: date | None, tense: str | None, part: str = "") -> When:
    if anchor is None:
        return When(None, None, None, MONTH, f"XXXX-{m:02d}", "date", True, "no year, no anchor")
    cands = [date(y, m, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    first = pick_year(cands, anchor.replace(day=1), tense or "past", ahead_days=183)   # "open": nearest
    return month_when(first.year, m, True, part)


def _part(p: str | None) -> str:
    p = (p or "").replace("the ", "")
    return {"end of": "late", "beginning of": "early", "middle of": "mid"}.get(p, p)


_YEAR_STEP = {"this": 0, "last": -1, "next": 1, "previous": -1, "past": -1}


def absolute(t: str, anchor: date | None, tense: str | None) -> When | None:
    """Calendar dates, months, years, seasons and decades, with or without a year written."""
    s = _LEAD.sub("", t)
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s):
        return _month_day(int(m[2]), int(m[3]), int(m[1]), anchor, tense)
    if m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})", s):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        y += (2000 if y < 50 else 1900) if y < 100 else 0
        return _month_day(b, a, y, anchor, tense) if b <= 12 else _month_day(a, b, y, anchor, tense)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", s):
        return month_when(int(m[1]), int(m[2])) if 1 <= int(m[2]) <= 12 else None
    # "last Oct. 23", "next May 1": the one before (after) the anchor
    if (m := re.fullmatch(r"(last|past|this past|next|coming|this coming) (.+)", s)) and \
            re.fullmatch(M + r" " + ORD + r"|" + ORD + r" (?:of )?" + M, m[2]):
        tense, s = ("after" if m[1].endswith(("next", "coming")) else "before"), m[2]
    # "Friday [1 January]", "Friday, Jan. 1, 2016": the written date wins, the weekday picks the year
    wd = None
    if m := re.fullmatch(WD + r",?\s*[\[(]?\s*(.+?)\s*[\])]?", s):
        wd, s = WEEKDAYS[m[1]], _LEAD.sub("", m[2].strip(" ,"))
    # "15-18 February", "February 15 to 18, 2016", "between 27-28 April": a run of days
    if m := re.fullmatch(ORD + _DAYS_TO + ORD + r" (?:of )?" + M + r"(?:,? " + Y + r")?", s):
        return _days(MONTHS[m[3]], int(m[1]), int(m[2]), int(m[4]) if m[4] else None, anchor, tense)
    if m := re.fullmatch(M + r" " + ORD + _DAYS_TO + ORD + r"(?:,? " + Y + r")?", s):
        return _days(MONTHS[m[1]], int(m[2]), int(m[3]), int(m[4]) if m[4] else None, anchor, tense)
    if m := re.fullmatch(M + r" " + ORD + r"(?:,? " + Y + r")?", s):
        return _month_day(MONTHS[m[1]], int(m[2]), int(m[3]) if m[3] else None, anchor, tense, wd)
    if m := re.fullmatch(ORD + r" (?:of )?" + M + r"(?:,? " + Y + r")?", s):
        return _month_day(MONTHS[m[2]], int(m[1]), int(m[3]) if m[3] else None, anchor, tense, wd)
    if wd is not None:
        return None
    if m := re.fullmatch(PART + r"?" + M + r",? (?:of )?" + Y, s):
        return month_when(int(m[3]), MONTHS[m[2]], False, _part(m[1]))
    if m := re.fullmatch(PART + r"?" + M, s):
        return _month(MONTHS[m[2]], anchor, tense, _part(m[1]))
    if m := re.fullmatch(M + r",? (this|last|next) year", s):
        return unresolved(MONTH) if anchor is None else \
            month_when(anchor.year + _YEAR_STEP[m[2]], MONTHS[m[1]], True)
    if m := re.fullmatch(r"(last|this|next|past|coming) " + M, s):
        if anchor is None:
            return unresolved(MONTH)
        mo, step = MONTHS[m[2]], {"last": -1, "past": -1, "next": 1, "coming": 1}.get(m[1], 0)
        y = anchor.year + (step if step else 0)
        if step == -1 and mo < anchor.month - 1:
            y += 1      # "last March" said in May; said in March or April it is a year back
        if step == 1 and mo > anchor.month:
            y -= 1
        return month_when(y, mo, True)
    if m := re.fullmatch(r"(?:pre|post)-" + Y, s):       # "post-1959 politics": TIMEX3 marks the year
        return year_when(int(m[1]))
    if m := re.fullmatch(PART + r"?(?:fiscal |the year )?" + Y, s):
        return year_when(int(m[2]), False, _part(m[1]))
    if m := re.fullmatch(r"(?:(?:first|second|last|latter) half of (?:the )?)?" + PART + r"?(1[0-9]|20)(\d)0'?s", s):
        return decade_when(int(m[2] + m[3] + "0"))
    if m := re.fullmatch(r"(last|this|past|previous|next) decade", s):
        if anchor is None:
            return unresolved(MONTH)
        return replace(decade_when(anchor.year // 10 * 10 + 10 * _YEAR_STEP[m[1]]), relative=True)
    if m := re.fullmatch(r"(?:(spring|summer|fall|autumn|winter)(?: of)? )" + Y, s):
        return season_when(m[1], int(m[2]))
    if re.search(r"\d", s) and _MONTH_NAME.search(s) and not re.search(UNIT + r"|\bto\b|\band\b", s) \
            and not re.search(r"\d ?[ap]\.?m\b|\d:\d\d|o'clock|quarter|period|half", s):   # not a clock time
        return _dateparser(s, anchor)
    return None


# month names of the languages dateparser is asked to read (English ones are covered above
# unless the form is unusual): without one of these, or an English month, it finds no date
_MONTH_NAME = re.compile(
    M + r"|\b(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
    r"d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|octubre|noviembre|"
    r"diciembre|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|dezembro)\b")


# English, and the languages an English wire story quotes dates in most ("le 3 mars 2015")
LANGUAGES = ["en", "fr", "es", "pt"]


@lru_cache(maxsize=64)
def _date_parser(anchor: date | None):
    """dateparser for English articles and the dates they quote in a few other languages (articles
    in other languages are skipped at ingest): letting it try all 200 locales first cost more
    than the rest of the date component together."""
    from dateparser.date import DateDataParser
    base = datetime.combine(anchor, datetime.min.time()) if anchor else datetime(1900, 1, 1)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "PARSERS": ["absolute-time"],
                "REQUIRE_PARTS": ["year"] if anchor is None else ["month"],
                "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": False}
    return DateDataParser(languages=LANGUAGES, settings=settings)


def _dateparser(s: str, anchor: date | None) -> When | None:
    """Absolute dates in other forms; refuses anything it would complete from 'today'."""
    data = _date_parser(anchor).get_date_data(re.sub(r"^(?:an?|the|on|of)\s+", "", s))
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    if data.period == "day":
        return day_when(d)
    if data.period == "month":
        return month_when(d.year, d.month)
    return year_when(d.year)


def is_historical(when: When | None, anchor: date | None, span_days: int = 60) -> bool:
    """True when the expression's window ends more than `span_days` before publication."""
    if when is None or anchor is None:
        return False
    end = when.latest or when.value
    return end is not None and (anchor - end).days > span_days
