"""Quarters, halves and reporting periods, alone or against the period last mentioned.

"the third quarter", "the fiscal first quarter", "the 1988 second quarter", "this year's third
quarter", "the first half of 1990", and the anaphoric forms of business and statistics news:
"the quarter", "the latest period", "the year-ago quarter", "the 1988 period", "the
corresponding period last year", "a year earlier" (-> `year_shifted`). The reference is the
When of the last dated expression in the discourse, passed in by the caller.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from warlog.resolve.date_words import (
    MONTH,
    ORDINALS,
    When,
    half_when,
    mid,
    shift,
    quarter_when,
    shift_when,
    unresolved,
    year_when,
)

_YEAR_WORDS = {"this year": 0, "last year": -1, "next year": 1}
_BACK = ("year-ago", "year-earlier", "prior-year", "year-before", "previous year's")
_SAME = ("latest", "most recent", "same", "comparable", "corresponding", "recent", "just-ended",
         "just-completed", "reporting", "that", "")
ANAPHORIC = "from the period last mentioned"   # note on Whens that refer back: not references themselves
FISCAL = "a fiscal quarter, named by its ordinal"   # which calendar months it holds is not said
_ADJ = r"(?:fiscal|calendar|flat|strong|weak|disappointing|difficult|seasonally weak|seasonally strong|" \
       r"traditionally strong|traditionally weak|slow|record|full)"

_PERIOD = re.compile(
    r"(?:(?:the|its|their|his|her|a|an) )?(?:(this year's|last year's|next year's|\d{4}'s|(\d{4})) )?"
    r"(?:" + _ADJ + r"[- ])*"
    r"(?:((?:year-ago|year-earlier|prior-year|year-before|latest|most recent|last|past|previous|this|current|next|"
    r"coming|same|comparable|corresponding|recent|just-ended|just-completed|reporting|latter|final|that)"
    r"(?: year-ago| year-earlier)?)[- ])?"
    r"(?:" + _ADJ + r"[- ])*"
    r"(?:(first|second|third|fourth|1st|2nd|3rd|4th)[- ])?"
    r"(?:" + _ADJ + r"[- ])*"
    r"(quarter|period|half)"
    r"(?: (?:of|in) (\d{4}|this year|last year|next year)|,? (last year|a year (?:ago|earlier)))?")


def reference_period(reference: When | None) -> tuple[int, str, int] | None:
    """(year, "Q" or "H", number) when the reference is a quarter or a half."""
    if reference is None:
        return None
    m = re.fullmatch(r"(\d{4})-([QH])(\d)", reference.timex)
    return (int(m[1]), m[2], int(m[3])) if m else None


def year_shifted(reference: When | None, years: int) -> When | None:
    """The referenced day, month, quarter, half or season `years` away ("a year earlier")."""
    if reference is None or reference.kind != "date" or reference.value is None:
        return None
    found = shift_when(reference, years)
    return None if found is None else replace(found, note=ANAPHORIC)


def _year(s: str | None, anchor: date) -> int:
    if s is None:
        return anchor.year
    if s[:4].isdigit():
        return int(s[:4])
    return anchor.year + _YEAR_WORDS.get(s.removesuffix("'s"), 0)


def ended_period(head: str, end: date) -> When | None:
    """A reporting period named with its last day: "the quarter ended Sept. 30" (the calendar
    quarter holding most of the three months to that day: 1989-Q3; one ended July 31 is Q2),
    "its fourth quarter ended Sept. 30" (a fiscal quarter keeps its ordinal), "the year ended
    March 31" (the fiscal year, named by the year it ends in). The window is the period itself."""
    head = head.replace("fiscal-", "fiscal ")
    m = re.fullmatch(r"(?:(?:the|its|their|a|an) )?(?:(?:fiscal|calendar|latest|most recent|same|"
                     r"comparable|year-ago|year-earlier) )*(?:(first|second|third|fourth|1st|2nd|3rd|4th)[- ])?"
                     r"(?:fiscal[- ])?(quarter|year|half)", head)
    if m is None:
        return None
    months = {"quarter": 3, "half": 6, "year": 12}[m[2]]
    start = shift(end + timedelta(days=1), -months, "M")
    if m[2] == "year":
        return When(mid(start, end), start, end, MONTH, str(end.year), "date", True)
    middle = end - timedelta(days=months * 15)
    if m[2] == "half":
        n = ORDINALS[m[1]] if m[1] in ("first", "1st", "second", "2nd") else (1 if middle.month <= 6 else 2)
        found = half_when(middle.year, n, True)
    else:
        found = quarter_when(end.year if m[1] else middle.year,
                             ORDINALS[m[1]] if m[1] else (middle.month - 1) // 3 + 1, True)
    return replace(found, value=mid(start, end), earliest=start, latest=end)


def restated_quarter(head: str, ended: When, reference: When | None) -> When:
    """"the quarter ended Sept. 29" right after "the fiscal first quarter": the same quarter,
    told by its last day (a fiscal quarter need not be the calendar quarter that day ends)."""
    if reference is None or reference.note != FISCAL or reference_period(reference) is None or \
            not re.fullmatch(r"(?:the|its|their) (?:fiscal )?quarter", head):
        return ended
    return replace(reference, value=ended.value, earliest=ended.earliest, latest=ended.latest, note=ANAPHORIC)


def quarter(s: str, anchor: date | None, tense: str | None, reference: When | None) -> When | None:
    """A quarter or half, or None when `s` is not one."""
    s = s.replace("fiscal-", "fiscal ")
    if m := re.fullmatch(r"(?:the )?(first|last|final) (two|three) quarters(?: of (\d{4}))?", s):
        if anchor is None and not m[3]:
            return unresolved(MONTH)
        y = int(m[3]) if m[3] else anchor.year
        return half_when(y, 1 if m[1] == "first" else 2, not m[3]) if m[2] == "two" else None
    m = _PERIOD.fullmatch(s)
    if m is None:
        return None
    year_word, explicit_year, word, ordinal, noun, of_year, back = \
        m[1], m[2], (m[3] or ""), m[4], m[5], m[6], m[7]
    if word.endswith(("year-ago", "year-earlier")):
        word, back = word.split()[-1], back or "year-ago"
    if word in ("year-ago", "year-earlier", "prior-year", "year-before") and ordinal:
        back = back or word
    if anchor is None and not (explicit_year or (of_year or "")[:1].isdigit()):
        return unresolved(MONTH)
    ref = reference_period(reference)
    if noun == "half":
        h = {"first": 1, "1st": 1, "second": 2, "2nd": 2}.get(ordinal) or \
            {"last": 2, "latter": 2, "final": 2}.get(word)
        if h is None:
            return None
        return half_when(_year(of_year or year_word, anchor), h,
                         not (explicit_year or of_year))
    if ordinal:
        q = ORDINALS[ordinal]
        if year_word or of_year:
            y = _year(of_year or year_word, anchor)
        else:
            cur = (anchor.month - 1) // 3 + 1
            y = anchor.year - (1 if q > cur and tense not in ("future", "present") else 0)
        found = quarter_when(y - (1 if back else 0), q, not (explicit_year or of_year))
        return replace(found, note=FISCAL) if "fiscal" in s else found
    going_back = word in _BACK or back is not None or year_word == "last year's"
    reported = word in ("this", "current") and tense == "past"     # "this quarter's loss"
    if ref is not None and (word in _SAME or going_back or year_word or reported):
        y, kind, n = ref
        if year_word or of_year:
            y = _year(of_year or year_word, anchor)
        elif going_back:
            y -= 1
        return replace((quarter_when if kind == "Q" else half_when)(y, n, True), note=ANAPHORIC)
    if noun != "quarter" and not (noun == "period" and word in ("latest", "most recent", "just-ended")):
        return None        # "the period", "the same period": nothing to refer back to
    if explicit_year:
        return year_when(int(explicit_year))    # "the 1988 quarter": which quarter is not said
    cur = (anchor.month - 1) // 3 + 1
    step = {"this": 0, "current": 0, "next": 1, "coming": 1}.get(word)   # "latest": the last one ended
    if step is None:
        step = 0 if word == "" and tense in ("future", "present") else -1
    k = anchor.year * 4 + cur - 1 + step - (4 if going_back else 0)
    return quarter_when(k // 4, k % 4 + 1, True)
