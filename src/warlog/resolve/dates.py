"""Resolve a time expression against the publication date (anchor) and the discourse.

`resolve("Tuesday", date(2016, 6, 22))` -> When(value=2016-06-21, precision=1, timex="2016-06-21").
Pure logic, no spaCy. Relative forms are ours (regular expressions over the normalised text);
dateparser is the fallback for absolute dates in forms or languages the patterns do not cover.
Precision follows ACLED's time_precision: 1 day, 2 week or a few days, 3 month or vaguer.
"""
from __future__ import annotations

import calendar
from functools import lru_cache
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

DAY, WEEK, MONTH = 1, 2, 3

# --- vocabulary -------------------------------------------------------------------------------

MONTHS = {n.lower(): i for i, n in enumerate(calendar.month_name) if n}
MONTHS.update({n.lower(): i for i, n in enumerate(calendar.month_abbr) if n})
MONTHS["sept"] = 9
WEEKDAYS = {n.lower(): i for i, n in enumerate(calendar.day_name)}
SEASONS = {"spring": ("SP", (3, 5)), "summer": ("SU", (6, 8)), "fall": ("FA", (9, 11)),
           "autumn": ("FA", (9, 11)), "winter": ("WI", (12, 2))}
UNITS = {"day": "D", "week": "W", "fortnight": "W", "month": "M", "year": "Y", "decade": "Y",
         "century": "Y", "hour": "H", "minute": "MIN"}
UNIT_SIZE = {"fortnight": 2, "decade": 10, "century": 100}
_NUMS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90, "hundred": 100}


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


# --- builders ---------------------------------------------------------------------------------

def _mid(a: date, b: date) -> date:
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
    return When(_mid(a, b), a, b, MONTH, f"{y:04d}-{m:02d}", "date", relative)


def year_when(y: int, relative: bool = False, part: str = "") -> When:
    lo, hi = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}.get(part, (1, 12))
    a, b = date(y, lo, 1), date(y, hi, calendar.monthrange(y, hi)[1])
    return When(_mid(a, b), a, b, MONTH, f"{y:04d}", "date", relative)


def _clip(w: When, latest: date | None) -> When:
    """Cut a window that runs past `latest` (e.g. "earlier this month" ends the day before)."""
    if latest is None or w.latest is None or w.latest <= latest or w.earliest > latest:
        return w
    return replace(w, latest=latest, value=_mid(w.earliest, latest))


def _unresolved(granularity: int, kind: str = "date", note: str = "no anchor date") -> When:
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


def _at_unit(d: date, unit: str, relative: bool = True) -> When:
    """The period of granularity `unit` that contains d (a day, its week, month or year)."""
    if unit == "D":
        return day_when(d, relative)
    if unit == "W":
        return week_when(d, relative, value=d)
    if unit == "M":
        return replace(month_when(d.year, d.month, relative), value=d)
    return replace(year_when(d.year, relative), value=d)


# --- choosing among candidate years -------------------------------------------------------------

def _pick(cands: list[date], anchor: date, tense: str | None, ahead_days: int = 120) -> date:
    """The candidate nearest the anchor, leaning to the past.

    A later candidate wins when the clause looks ahead (future/present tense) and it is within
    `ahead_days`; with no tense known when it is nearer than the earlier one; in a past-tense
    clause only when it is four times nearer ("extended the deadline to Nov. 16")."""
    past = [c for c in cands if c <= anchor]
    future = [c for c in cands if c > anchor]
    if not past or not future:
        return max(past) if past else min(future)
    back, ahead = (anchor - max(past)).days, (min(future) - anchor).days
    if tense in ("future", "present"):
        later = ahead <= ahead_days or ahead < back
    else:
        later = ahead < back if tense is None else ahead * 4 < back
    return min(future) if later else max(past)


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
    return day_when(_pick(cands, anchor, tense), True) if cands else None


def _month(m: int, anchor: date | None, tense: str | None, part: str = "") -> When:
    if anchor is None:
        return When(None, None, None, MONTH, f"XXXX-{m:02d}", "date", True, "no year, no anchor")
    cands = [date(y, m, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    first = _pick(cands, anchor.replace(day=1), tense or "past", ahead_days=183)
    return month_when(first.year, m, True, part)


def _weekday(wd: int, anchor: date, tense: str | None, mod: str = "") -> date:
    back = (anchor.weekday() - wd) % 7
    ahead = (wd - anchor.weekday()) % 7
    if mod == "last":
        return anchor - timedelta(days=back or 7)
    if mod == "next":
        return anchor + timedelta(days=ahead or 7)
    if mod == "this":
        return anchor - timedelta(days=anchor.weekday()) + timedelta(days=wd)
    if tense == "future":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


# --- normalisation ------------------------------------------------------------------------------

_LEAD = re.compile(r"^(?:(?:on|in|at|by|during|from|until|till|through|of|around|about|"
                   r"for|as of|beginning|starting|over|within|the|a)\s+)+")


def normalise(text: str) -> str:
    t = text.lower().replace("’", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.", r"\1", t)
    t = re.sub(r"[\s\u00a0]+", " ", t).strip(" .,;:!?\"'")
    return t


# --- the resolver -------------------------------------------------------------------------------

M = r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b"
WD = r"(" + "|".join(WEEKDAYS) + r")"
UNIT = r"(days?|weeks?|months?|years?|decades?|centur(?:y|ies)|hours?|minutes?|fortnights?)"
Y = r"((?:1[0-9]|20)\d\d)"
ORD = r"(\d{1,2})(?:st|nd|rd|th)?"
PART = r"(?:(early|mid|late|end of|the end of|beginning of|the beginning of|the middle of)[- ](?:of )?)"


@lru_cache(maxsize=4096)
def resolve(text: str, anchor: date | None, *, narrative: date | None = None,
            tense: str | None = None) -> When | None:
    """Resolve `text` (a time expression) or return None when it is not one we understand."""
    t = normalise(text)
    since = bool(re.match(r"(ever )?since ", t))
    t = re.sub(r"^(ever )?since ", "", t)
    found = _absolute(t, anchor, tense) or _relative(t, anchor, narrative, tense)
    if found is None:
        found = _other(t, anchor, narrative, tense)
    if found is not None and since and found.kind == "date" and anchor and found.earliest:
        found = replace(found, latest=anchor)
    return found


def _absolute(t: str, anchor: date | None, tense: str | None) -> When | None:
    s = _LEAD.sub("", t)
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s):
        return _month_day(int(m[2]), int(m[3]), int(m[1]), anchor, tense)
    if m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})", s):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        y += (2000 if y < 50 else 1900) if y < 100 else 0
        return _month_day(b, a, y, anchor, tense) if b <= 12 else _month_day(a, b, y, anchor, tense)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", s):
        return month_when(int(m[1]), int(m[2])) if 1 <= int(m[2]) <= 12 else None
    # "Friday [1 January]", "Friday, Jan. 1, 2016": the written date wins, the weekday picks the year
    wd = None
    if m := re.fullmatch(WD + r",?\s*[\[(]?\s*(.+?)\s*[\])]?", s):
        wd, s = WEEKDAYS[m[1]], _LEAD.sub("", m[2].strip(" ,"))
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
    if m := re.fullmatch(r"(last|this|next|past|coming) " + M, s):
        if anchor is None:
            return _unresolved(MONTH)
        mo, step = MONTHS[m[2]], {"last": -1, "past": -1, "next": 1, "coming": 1}.get(m[1], 0)
        y = anchor.year + (step if step else 0)
        if step == -1 and mo < anchor.month:
            y += 1
        if step == 1 and mo > anchor.month:
            y -= 1
        return month_when(y, mo, True)
    if m := re.fullmatch(PART + r"?(?:fiscal |the year )?" + Y, s):
        return year_when(int(m[2]), False, _part(m[1]))
    if m := re.fullmatch(r"(1[0-9]|20)(\d)0'?s", s):
        a, b = date(int(m[1] + m[2] + "0"), 1, 1), date(int(m[1] + m[2] + "9"), 12, 31)
        return When(_mid(a, b), a, b, MONTH, m[1] + m[2], "date")
    if m := re.fullmatch(r"(?:(spring|summer|fall|autumn|winter)(?: of)? )" + Y, s):
        return _season(m[1], int(m[2]))
    if re.search(r"\d", s) and re.search(r"[^\W\d_]{3,}", s) and not re.search(UNIT + r"|\bto\b|\band\b", s):
        return _dateparser(s, anchor)
    return None


def _part(p: str | None) -> str:
    p = (p or "").replace("the ", "")
    return {"end of": "late", "beginning of": "early", "middle of": "mid"}.get(p, p)


def _season(name: str, year: int) -> When:
    code, (m1, m2) = SEASONS[name]
    a = date(year, m1, 1)
    y2 = year + 1 if m2 < m1 else year
    b = date(y2, m2, calendar.monthrange(y2, m2)[1])
    return When(_mid(a, b), a, b, MONTH, f"{year}-{code}", "date")


def _dateparser(s: str, anchor: date | None) -> When | None:
    """Absolute dates in other forms/languages; refuses anything it would complete from 'today'."""
    from dateparser.date import DateDataParser
    base = datetime.combine(anchor, datetime.min.time()) if anchor else datetime(1900, 1, 1)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "PARSERS": ["absolute-time"],
                "REQUIRE_PARTS": ["year"] if anchor is None else ["month"],
                "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": False}
    data = DateDataParser(settings=settings).get_date_data(s)
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    if data.period == "day":
        return day_when(d)
    if data.period == "month":
        return month_when(d.year, d.month)
    return year_when(d.year)


# --- relative expressions -------------------------------------------------------------------------

_DAYWORDS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
             "yesterday": -1, "last night": -1, "last evening": -1, "overnight": -1,
             "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}
_POD = r"(?: (?:morning|afternoon|evening|night|noon|midday|at dawn|at dusk|overnight))?"
_QUAL = r"(?:(?:just|only|almost|nearly|about|around|some|roughly|barely|more than|less than|over|at least|exactly) )?"
_NUMWORD = r"(\d+|a|an|a couple of|couple of|a few|few|several|some|many|[a-z]+(?:[- ][a-z]+)?)"
_SIDE = {"ago": -1, "earlier": -1, "before": -1, "prior": -1, "previously": -1, "back": -1,
         "later": 1, "after": 1, "afterwards": 1, "afterward": 1, "on": 1, "from now": 1, "hence": 1}
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _count(word: str | None) -> int | None:
    return 1 if not word else number(word)


def _unit(word: str) -> str:
    w = word.rstrip("s") if not word.startswith("centur") else "century"
    return w


def _relative(t: str, anchor: date | None, narrative: date | None, tense: str | None) -> When | None:
    s = re.sub(r"^(?:on|at|by|during|until|till|from|of|as of|over) ", "", t)
    s = re.sub(r"^(?:early|late) (?=today|yesterday|tomorrow|this morning)", "", s)
    s = re.sub(r"^(?:(?:early|late) (?:on )?)?(%s)%s$" % (WD[1:-1], _POD), r"\1", s)
    base = narrative or anchor
    # "two days after the offensive began": counted from an event we cannot date here
    if m := re.fullmatch(_QUAL + _NUMWORD + r" " + UNIT + r" (after|before|since) (.+)", s):
        inner = resolve(m[4], anchor, narrative=narrative, tense=tense)
        n, unit = _count(m[1]), _unit(m[2])
        if inner is None or inner.value is None or n is None or unit not in ("day", "week", "month", "year"):
            return When(None, None, None, DAY, "XXXX-XX-XX", "date", True, "counted from an undated event")
        d = shift(inner.value, n * _SIDE[m[3] if m[3] != "since" else "after"], UNITS[unit])
        return _at_unit(d, UNITS[unit])
    if s in _DAYWORDS or (m := re.fullmatch(r"(today|yesterday|tomorrow)" + _POD, s)):
        if anchor is None:
            return _unresolved(DAY)
        d = anchor + timedelta(days=_DAYWORDS[s if s in _DAYWORDS else m[1]])
        w = day_when(d, True)
        return replace(w, latest=anchor) if s == "overnight" else w
    if m := re.fullmatch(r"(?:(last|next|this|past|coming|this past|this coming) )?" + WD, s):
        if anchor is None:
            return _unresolved(DAY)
        mod = {"past": "last", "this past": "last", "coming": "next", "this coming": "next"}.get(m[1], m[1] or "")
        return day_when(_weekday(WEEKDAYS[m[2]], anchor, tense, mod), True)
    if m := re.fullmatch(r"(the )?(day before|day after|previous day|next day|following day|"
                         r"preceding day|same day|day|night before|previous night|following night|"
                         r"next morning|following morning|same night)", s) or \
            (m := re.fullmatch(r"(that|that same|the same|this) (day|night|morning|evening|afternoon)", s)):
        if base is None:
            return _unresolved(DAY)
        if m[2] == "day" and m[1] == "the":
            return None
        step = -1 if re.search(r"before|previous|preceding", m[2]) else \
            1 if re.search(r"after|next|following", m[2]) else 0
        return day_when(base + timedelta(days=step), True)
    if re.fullmatch(r"(?:a few|few|several|some|many) " + UNIT + r" (ago|earlier|before)", s):
        return When(None, None, anchor, MONTH, "PAST_REF", "ref", True)
    if m := re.fullmatch(_QUAL + r"(?:" + _NUMWORD + r" )?" + UNIT + r" (ago|earlier|later|before|"
                         r"after|afterwards?|prior|previously|back|on|from now|hence)", s) or \
            (m := re.fullmatch(r"in " + _QUAL + r"(?:" + _NUMWORD + r" )?" + UNIT + r"(?: time)?()", s)):
        n, unit = _count(m[1]), _unit(m[2])
        if n is None or unit not in ("day", "week", "month", "year", "decade", "fortnight", "century"):
            return None
        frm = anchor if m[3] in ("ago", "from now", "hence", "") else base
        if frm is None:
            return _unresolved(DAY if unit == "day" else WEEK if unit == "week" else MONTH)
        side = _SIDE.get(m[3], 1)
        d = shift(frm, side * n * UNIT_SIZE.get(unit, 1), UNITS[unit])
        return _at_unit(d, UNITS[unit])
    return _period(s, anchor, narrative, tense)


def _period(s: str, anchor: date | None, narrative: date | None, tense: str | None) -> When | None:
    """last/this/next week, earlier this month, the weekend, quarters, seasons."""
    s = re.sub(r"^(?:the )?(?:current|full|fiscal|calendar) year$", "this year", s)
    s = re.sub(r"^(?:the )?(?:year-earlier|year-ago|prior[- ]year|previous year)(?: period)?$", "last year", s)
    if s in ("the year", "year"):
        s = "this year"
    m = re.fullmatch(r"(?:the )?(?:(earlier|later|early|late|end of|the end of|the beginning of|"
                     r"beginning of) )?(?:(?:in|of) )?(last|this|next|past|coming|this past|previous|"
                     r"the|the past|the previous|the coming|the current|the latest|the following)? ?"
                     r"(week|weekend|month|year|quarter|spring|summer|fall|autumn|winter)", s)
    if m is None:
        return _quarter(s, anchor, tense)
    part, which, unit = (m[1] or "").replace("the ", ""), (m[2] or "").replace("the ", ""), m[3]
    if which in ("", "past", "latest", "following") and not part and unit in ("week", "month", "year"):
        return None  # "the week", "the past year": a duration or an anaphor, not a date
    if anchor is None:
        return _unresolved(WEEK if unit in ("week", "weekend") else MONTH)
    step = {"last": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit == "weekend":
        mon = anchor - timedelta(days=anchor.weekday())
        if step == 0 and (tense == "future" or which == "coming"):
            step = 0 if anchor.weekday() < 5 or anchor.weekday() == 5 else 1
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
        return replace(_season(unit, y), relative=True)
    if unit == "quarter":
        return _quarter(f"{which} quarter", anchor, tense)
    shift_unit = {"week": "W", "month": "M", "year": "Y"}[unit]
    w = _at_unit(shift(anchor, step, shift_unit), shift_unit)
    w = replace(w, value=_mid(w.earliest, w.latest))
    if step == 0 and part in ("earlier", "early"):
        end = anchor - timedelta(days=1)
        start = w.earliest if w.earliest <= end else end - timedelta(days=2)
        return replace(w, earliest=start, latest=end, value=_mid(start, end))
    if step == 0 and part in ("later", "late") and w.latest > anchor:
        return replace(w, earliest=anchor + timedelta(days=1), value=_mid(anchor + timedelta(days=1), w.latest))
    if part in ("early", "beginning of", "late", "end of") and unit in ("month", "year"):
        p = "early" if part in ("early", "beginning of") else "late"
        w2 = month_when(w.value.year, w.value.month, True, p) if unit == "month" else year_when(w.value.year, True, p)
        return w2
    if step == 0 and tense != "future":
        w = _clip(w, anchor)
    return w


def _quarter(s: str, anchor: date | None, tense: str | None) -> When | None:
    m = re.fullmatch(r"(?:the )?(?:(first|second|third|fourth|1st|2nd|3rd|4th)|(last|latest|past|"
                     r"previous|most recent|this|current|next|coming|year-ago|year-earlier)|)"
                     r"[- ]?(?:fiscal )?quarter(?: of " + Y + r")?", s)
    if m is None:
        return None
    if anchor is None and not m[3]:
        return _unresolved(MONTH)
    cur = (anchor.month - 1) // 3 + 1 if anchor else 1
    if m[1]:
        q, y = _ORDINAL[m[1]], int(m[3]) if m[3] else anchor.year
        if not m[3] and q > cur and tense not in ("future", "present"):
            y -= 1
    else:
        step = {"this": 0, "current": 0, "next": 1, "coming": 1}.get(m[2], -1)
        k = anchor.year * 4 + cur - 1 + step - (4 if m[2] in ("year-ago", "year-earlier") else 0)
        y, q = k // 4, k % 4 + 1
    a = date(y, 3 * q - 2, 1)
    b = shift(a, 3, "M") - timedelta(days=1)
    return When(_mid(a, b), a, b, MONTH, f"{y}-Q{q}", "date", not m[3])


_REFS = {"PRESENT_REF": r"(?:right |just )?now|currently|current|at present|presently|present|the present|"
                        r"nowadays|these days|at the moment|at this time|so far|to date|as yet|yet",
         "PAST_REF": r"recently|recent|lately|(?:in )?the past|previously|formerly|once|earlier|"
                     r"(?:in )?recent (?:days|weeks|months|years|times)|(?:in )?the past few (?:days|weeks|months|years)",
         "FUTURE_REF": r"(?:in )?the (?:near )?future|future|soon|shortly|later|eventually|"
                       r"(?:in )?the coming (?:days|weeks|months|years)|(?:in )?the days ahead|(?:the )?near term|"
                       r"(?:in )?(?:the )?coming (?:days|weeks|months|quarters|years)"}
_SETS = {"daily": "P1D", "every day": "P1D", "each day": "P1D", "nightly": "P1D", "weekly": "P1W",
         "every week": "P1W", "each week": "P1W", "monthly": "P1M", "every month": "P1M",
         "annually": "P1Y", "yearly": "P1Y", "every year": "P1Y", "each year": "P1Y"}
_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year": (1, 1), "new year's": (1, 1), "new year's eve": (12, 31)}


def _other(t: str, anchor: date | None, narrative: date | None, tense: str | None) -> When | None:
    """Refs (now, recently), durations (two years), sets (daily), holidays, centuries."""
    s = re.sub(r"^(?:the|for|over|within|during|in|after|about|almost|nearly|some|more than) ", "", t)
    for code, pattern in _REFS.items():
        if re.fullmatch(pattern, t) or re.fullmatch(pattern, s):
            if code == "PRESENT_REF":
                return When(anchor, anchor, anchor, DAY, code, "ref", True)
            if code == "PAST_REF":
                return When(None, None, anchor, MONTH, code, "ref", True)
            return When(None, anchor, None, MONTH, code, "ref", True)
    if t in _SETS or s in _SETS:
        return When(None, None, None, DAY, _SETS.get(t) or _SETS[s], "set")
    if m := re.fullmatch(r"(?:every|each) " + WD + r"|" + WD + r"s", t):
        return When(None, None, None, DAY, f"XXXX-WXX-{WEEKDAYS[m[1] or m[2]] + 1}", "set")
    if s in _HOLIDAYS or t in _HOLIDAYS:
        mo, d = _HOLIDAYS.get(s) or _HOLIDAYS[t]
        return _month_day(mo, d, None, anchor, tense)
    if m := re.fullmatch(r"(?:the )?(\d{2})(?:st|nd|rd|th) century", t):
        c = int(m[1]) - 1
        a, b = date(max(c * 100, 1), 1, 1), date(c * 100 + 99, 12, 31)
        return When(_mid(a, b), a, b, MONTH, f"{c:02d}", "date")
    if m := re.fullmatch(r"(?:(?:the )?(?:past|last|next|coming|first|final|previous|preceding|following|"
                         r"other) )?" + _QUAL + r"(?:" + _NUMWORD + r"[- ])?" + UNIT + r"(?: long| old| or so)?", s):
        n, unit = m[1], _unit(m[2])
        if m[1] and _count(n) is None and n not in ("few", "a few", "several", "some", "many"):
            return None
        k = _count(n) if n else None
        if k is None and not n and not re.match(r"(?:the )?(past|last|next|coming|first|final|previous)", s) \
                and not m[2].endswith("s"):
            return None
        if k is None and not n and re.match(r"(?:the )?(past|last|next|coming|first|final|previous)", s) \
                and not m[2].endswith("s"):
            k = 1
        k = None if k is None else k * UNIT_SIZE.get(unit, 1)
        code = UNITS[unit]
        amount = "X" if k is None else str(k)
        timex = f"PT{amount}{code[0]}" if code in ("H", "MIN") else f"P{amount}{code}"
        return When(None, None, None, MONTH, timex, "duration")
    return None


def is_historical(when: When | None, anchor: date | None, span_days: int = 60) -> bool:
    """True when the expression's window ends more than `span_days` before publication."""
    if when is None or anchor is None:
        return False
    end = when.latest or when.value
    return end is not None and (anchor - end).days > span_days
