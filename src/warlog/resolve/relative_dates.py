"""Relative time expressions: counted from publication (the anchor) or from the narrative.

"yesterday", "Tuesday", "last Tuesday", "three days ago", "two days earlier" (from the date
last narrated), "the next day", "the day before <date>", "later that year" (the year of the
reference: the period last mentioned), "last week", "earlier this month", "the weekend",
"last summer", "the week of March 6". Each function returns None for text it does not handle.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from warlog.resolve.date_words import (
    MONTH,
    SEASONS,
    UNIT,
    UNIT_SIZE,
    UNITS,
    WD,
    WEEK,
    WEEKDAYS,
    When,
    at_unit,
    clip,
    day_when,
    mid,
    month_when,
    number,
    season_when,
    shift,
    unresolved,
    week_when,
    year_when,
)
from warlog.resolve.periods import ended_period, quarter, restated_quarter, year_shifted

Resolver = Callable[..., "When | None"]

DAYWORDS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
            "yesterday": -1, "last night": -1, "last evening": -1, "overnight": -1,
            "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}
POD = r"(?: (?:morning|afternoon|evening|night|noon|midday|at dawn|at dusk|overnight))?"
QUAL = r"(?:(?:just|only|almost|nearly|about|around|some|roughly|barely|more than|less than|over|" \
       r"at least|exactly) )?"
NUMWORD = r"(\d+|a|an|a couple of|couple of|a few|few|several|some|many|[a-z]+(?:[- ][a-z]+)?)"
UNDATED_COUNT = "counted from an undated event"
SIDE = {"ago": -1, "earlier": -1, "before": -1, "prior": -1, "previously": -1, "back": -1,
        "later": 1, "after": 1, "afterwards": 1, "afterward": 1, "on": 1, "from now": 1, "hence": 1}


def count(word: str | None) -> int | None:
    return 1 if not word else number(word)


def unit_name(word: str) -> str:
    return word.rstrip("s") if not word.startswith("centur") else "century"


def weekday_date(wd: int, anchor: date, tense: str | None, mod: str = "") -> date:
    """The weekday `wd` nearest the anchor: on or before it, or on or after it in a clause
    that looks ahead, the nearer one when the direction is open; "last", "next" and "this" as
    in "last Tuesday"."""
    back = (anchor.weekday() - wd) % 7
    ahead = (wd - anchor.weekday()) % 7
    if mod == "last":
        return anchor - timedelta(days=back or 7)
    if mod == "next":
        return anchor + timedelta(days=ahead or 7)
    if mod == "this":
        return anchor - timedelta(days=anchor.weekday()) + timedelta(days=wd)
    if tense in ("future", "present"):      # "talks resume Friday", "troops are advancing Wednesday"
        return anchor + timedelta(days=ahead)
    if tense == "open" and ahead < back:    # "set Friday as the deadline": the nearer one
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def relative(t: str, anchor: date | None, narrative: date | None, tense: str | None,
             reference: When | None, resolve: Resolver) -> When | None:
    """Day words, weekdays, counted offsets and anaphoric days; then `period`."""
    s = re.sub(r"^(?:on|at|by|during|until|till|from|of|as of|over) ", "", t)
    s = re.sub(r"^(?:early|late) (?=today|yesterday|tomorrow|this morning)", "", s)
    s = re.sub(rf"^(?:(?:early|late|earlier|later) (?:on )?)?({WD[1:-1]}){POD}$", r"\1", s)
    base = narrative or anchor
    # "9 a.m. Tuesday", "4 a.m. EDT Thursday": the day, with the clock time in the TIMEX3 value
    if m := re.fullmatch(r"(\d{1,2})(?::(\d\d))? ?([ap])\.?m\.?(?: [a-z]{2,4})?,? (?:on )?(.+)", s):
        day = relative(m[4], anchor, narrative, tense, reference, resolve)
        hour = int(m[1]) % 12 + (12 if m[3] == "p" else 0)
        if day is None or day.precision != 1 or day.value is None or hour > 23:
            return day
        return replace(day, timex=f"{day.value.isoformat()}T{hour:02d}:{int(m[2] or 0):02d}")
    # "two days after the offensive began", "the day before last Tuesday"
    if m := re.fullmatch(r"(?:the )?" + QUAL + r"(?:" + NUMWORD + r" )?" + UNIT + r" (after|before|since) (.+)", s):
        inner = resolve(m[4], anchor, narrative=narrative, tense=tense)
        n, unit = count(m[1]), unit_name(m[2])
        if inner is None or inner.value is None or n is None or unit not in ("day", "week", "month", "year"):
            return When(None, None, None, 1, "XXXX-XX-XX", "date", True, UNDATED_COUNT)
        d = shift(inner.value, n * SIDE[m[3] if m[3] != "since" else "after"], UNITS[unit])
        return at_unit(d, UNITS[unit])
    if s in DAYWORDS or (m := re.fullmatch(r"(today|yesterday|tomorrow)" + POD, s)):
        if anchor is None:
            return unresolved(1)
        w = day_when(anchor + timedelta(days=DAYWORDS[s if s in DAYWORDS else m[1]]), True)
        return replace(w, latest=anchor) if s == "overnight" else w
    if m := re.fullmatch(r"(?:(last|next|this|past|coming|this past|this coming|the previous|the following) )?"
                         + WD + r"(?:'s)?", s):
        if m[1] in ("the previous", "the following"):
            if base is None:
                return unresolved(1)
            wd = WEEKDAYS[m[2]]
            return day_when(weekday_date(wd, base - timedelta(days=1), None) if m[1] == "the previous"
                            else weekday_date(wd, base + timedelta(days=1), "future"), True)
        if anchor is None:
            return unresolved(1)
        mod = {"past": "last", "this past": "last", "coming": "next", "this coming": "next"}.get(m[1], m[1] or "")
        return day_when(weekday_date(WEEKDAYS[m[2]], anchor, tense, mod), True)
    if m := re.fullmatch(r"(the )?(day before|day after|previous day|next day|following day|"
                         r"preceding day|same day|night before|previous night|following night|"
                         r"next morning|following morning|same night)", s) or \
            (m := re.fullmatch(r"(that|that same|the same|this|earlier that|later that|earlier in the|later in the) "
                               r"(day|night|morning|evening|afternoon)", s)):
        if base is None:
            return unresolved(1)
        if m[2] == "day" and m[1] == "the":
            return None
        step = -1 if re.search(r"before|previous|preceding", m[2]) else \
            1 if re.search(r"after|next|following", m[2]) else 0
        return day_when(base + timedelta(days=step), True)
    if m := re.fullmatch(r"(?:a few|few|several|some|many) " + UNIT + r" (ago|earlier|before)", s):
        frm = anchor if m[2] == "ago" else base
        unit = UNITS.get(unit_name(m[1]))
        if frm is None or unit not in ("D", "W", "M", "Y"):
            return When(None, None, anchor, MONTH, "PAST_REF", "ref", True)
        lo, hi = shift(frm, -7, unit), shift(frm, -2, unit)   # "a few": two to seven
        return When(mid(lo, hi), lo, hi, WEEK if unit == "D" else MONTH, "PAST_REF", "ref", True)
    if m := re.fullmatch(QUAL + r"(?:" + NUMWORD + r" )?" + UNIT + r"(?: or so)? (ago|earlier|later|before|"
                         r"after|afterwards?|prior|previously|back|on|from now|hence)", s) or \
            (m := re.fullmatch(r"in " + QUAL + r"(?:" + NUMWORD + r" )?" + UNIT + r"(?: time)?()", s)):
        n, unit = count(m[1]), unit_name(m[2])
        if n is None or unit not in ("day", "week", "month", "year", "decade", "fortnight", "century"):
            return None
        # "up from $5 million a year earlier": the same quarter (or day) a year before
        if unit == "year" and n == 1 and m[3] in ("ago", "earlier", "before", "back", "prior") and \
                (same := year_shifted(reference, -1)) is not None:
            return same
        frm = anchor if m[3] in ("ago", "from now", "hence", "") else base
        if frm is None:
            return unresolved(1 if unit == "day" else WEEK if unit == "week" else MONTH)
        d = shift(frm, SIDE.get(m[3], 1) * n * UNIT_SIZE.get(unit, 1), UNITS[unit])
        return at_unit(d, UNITS[unit])
    return anaphoric_period(s, reference, anchor) or period(s, anchor, narrative, tense, reference, resolve)


def anaphoric_period(s: str, reference: When | None, anchor: date | None) -> When | None:
    """"that year", "later that month", "the following year": the reference's year or month."""
    m = re.fullmatch(r"(?:(earlier|later|early|late) )?(?:(that|that same|the same|the following|the next|"
                     r"the previous|the preceding|the prior) )(year|month)", s)
    if m is None:
        return None
    if reference is None or reference.value is None:
        return None if anchor is None else unresolved(MONTH, note="no period to refer back to")
    step = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1, "the prior": -1}.get(m[2], 0)
    ref = reference.value
    if m[3] == "year":
        return year_when(ref.year + step, True, {"earlier": "", "later": ""}.get(m[1], m[1] or ""))
    d = shift(ref, step, "M")
    return month_when(d.year, d.month, True, {"earlier": "", "later": ""}.get(m[1], m[1] or ""))


def period(s: str, anchor: date | None, narrative: date | None, tense: str | None,
           reference: When | None, resolve: Resolver) -> When | None:
    """last/this/next week, earlier this month, the weekend, quarters, seasons, "the week of X"."""
    if m := re.fullmatch(r"(.+?) (?:ended|ending) (.+)", s):      # "the quarter ended Sept. 30"
        end = resolve(m[2], anchor, narrative=narrative, tense="past")
        if end is not None and end.precision == 1 and end.value is not None and \
                (found := ended_period(m[1], end.value)) is not None:
            return restated_quarter(m[1], found, reference)
    if m := re.fullmatch(r"(?:the )?week (?:of|beginning|starting) (.+)", s):
        inner = resolve(m[1], anchor, narrative=narrative, tense=tense)
        return None if inner is None or inner.value is None else week_when(inner.value, inner.relative)
    if re.search(r"\b(?:quarter|period|half)\b", s) and (found := quarter(s, anchor, tense, reference)):
        return found
    if re.fullmatch(r"(?:the )?(?:year-earlier|year-ago|prior-year)(?: period| results)?", s) and \
            (found := year_shifted(reference, -1)):
        return found
    s = re.sub(r"^(?:the )?(?:(?:current|full|fiscal|calendar) )+year$", "this year", s)
    s = re.sub(r"^(?:the )?(?:latest|last|past|previous|prior) (?:(?:full|fiscal|calendar) )+year$", "last year", s)
    s = re.sub(r"^(?:the )?(?:year-earlier|year-ago|prior[- ]year|previous year)(?: period)?$", "last year", s)
    if anchor is not None and re.fullmatch(r"(?:over |in |during )?the (?:past|last) year", s):
        start = shift(anchor, -1, "Y")   # the twelve months before publication, named by the year before
        return When(mid(start, anchor), start, anchor, MONTH, str(anchor.year - 1), "date", True)
    if anchor is not None and (m := re.fullmatch(r"(around |about |by |at |until |before )?(?:the )?"
                                                 r"(?:year-end|year end|year's end)", s)):
        y = anchor.year - (1 if tense == "past" and not m[1] else 0)   # "since year-end": the last one
        return month_when(y, 12, True) if m[1] in ("around ", "about ") else day_when(date(y, 12, 31), True)
    s = re.sub(r"^(?:around |by |at |until )?(?:the )?(?:year-end|year end|year's end|end of the year)$",
               "end of this year", s)
    if s in ("the year", "year"):
        s = "this year"
    m = re.fullmatch(r"(?:the )?(?:(earlier|later|early|late|end of|the end of|the beginning of|"
                     r"beginning of) )?(?:(?:in|of) )?(last|this|next|past|coming|this past|previous|"
                     r"the|the past|the previous|the coming|the current|the latest|the following)? ?"
                     r"(week|weekend|month|year|quarter|spring|summer|fall|autumn|winter)", s)
    if m is None:
        return quarter(s, anchor, tense, reference)
    part, which, unit = (m[1] or "").replace("the ", ""), (m[2] or "").replace("the ", ""), m[3]
    if which in ("", "past", "latest", "following") and not part and unit in ("week", "month", "year"):
        return None  # "the week", "the past year": a duration or an anaphor, not a date
    if anchor is None:
        return unresolved(WEEK if unit in ("week", "weekend") else MONTH)
    step = {"last": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit == "weekend":
        mon = anchor - timedelta(days=anchor.weekday())
        if step == 0 and (tense == "future" or which == "coming"):
            step = 0 if anchor.weekday() <= 5 else 1
        elif step == 0:
            step = 0 if anchor.weekday() >= 5 else -1
        sat = mon + timedelta(days=5 + 7 * step)
        y, w, _ = sat.isocalendar()
        return When(sat, sat, sat + timedelta(days=1), WEEK, f"{y}-W{w:02d}-WE", "date", True)
    if unit in SEASONS:
        code, (m1, _) = SEASONS[unit]
        y = anchor.year + step
        if step == 0 and date(y, m1, 1) > anchor and tense not in ("future", "present") and which != "this":
            y -= 1
        if step == -1 and date(anchor.year, m1, 1) <= anchor and code != "WI":
            y = anchor.year if date(anchor.year, m1 + 3, 1) <= anchor else anchor.year - 1
        return season_when(unit, y, True)
    if unit == "quarter":
        return quarter(s, anchor, tense, reference) or quarter(f"{which} quarter".strip(), anchor, tense, reference)
    shift_unit = {"week": "W", "month": "M", "year": "Y"}[unit]
    w = at_unit(shift(anchor, step, shift_unit), shift_unit)
    w = replace(w, value=mid(w.earliest, w.latest))
    if step == 0 and part in ("earlier", "early"):
        end = anchor - timedelta(days=1)
        start = w.earliest if w.earliest <= end else end - timedelta(days=2)
        return replace(w, earliest=start, latest=end, value=mid(start, end))
    if step == 0 and part in ("later", "late") and w.latest > anchor:
        return replace(w, earliest=anchor + timedelta(days=1), value=mid(anchor + timedelta(days=1), w.latest))
    if part in ("early", "beginning of", "late", "end of") and unit in ("month", "year"):
        p = "early" if part in ("early", "beginning of") else "late"
        return month_when(w.value.year, w.value.month, True, p) if unit == "month" else year_when(w.value.year, True, p)
    if step == 0 and tense != "future":
        w = clip(w, anchor)
    return w
