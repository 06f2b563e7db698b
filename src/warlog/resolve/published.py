"""The publication date when the source gives none, inferred from the text; and the dateline.

`infer_published(text)` returns a window (earliest, latest), a best guess and the reason, from
the dates written in full ("21 June 2016"), month-day dates ("June 2") and weekdays, which must
agree: a weekday written next to a date ("Tuesday, June 21") fixes or checks its year, and a
text whose dated days are all before day D was written on or after D. It never falls back on
today: with nothing to go on every field is None and the reason says so.

`dateline_date(text, published)` reads a wire dateline ("BRUSSELS, December 2 (Xinhua) --"):
the day the story was filed, which relative dates in it count from. `fill_published(article)` is
the pipeline hook: it dates an undated Article from its text and returns the note to record.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from warlog.resolve.date_words import MONTHS, WEEKDAYS

_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(" + "|".join(WEEKDAYS) + r")"
_YEAR = r"((?:19|20)\d\d)"
# "June 21, 2016" / "21 June 2016" / "2016-06-21", each optionally after a weekday
_FULL = re.compile(r"(?:" + _WEEKDAY + r",? (?:the )?)?(?:" + _MONTH + r" (\d{1,2})(?:st|nd|rd|th)?,? " + _YEAR
                   + r"|(\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MONTH + r",? " + _YEAR + r")\b", re.IGNORECASE)
_ISO = re.compile(r"\b" + _YEAR + r"-(\d\d)-(\d\d)\b")
_MONTH_DAY = re.compile(r"(?:" + _WEEKDAY + r",? )?(?:" + _MONTH + r" (\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)? "
                        + _MONTH + r")\b(?!,? (?:19|20)\d\d)", re.IGNORECASE)
_BARE_YEAR = re.compile(r"\b(?:in|of|since|by|during|early|late|mid-?)\s+" + _YEAR + r"\b", re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:will|would|shall|scheduled|planned|due|expected|until|till|next|upcoming|deadline)\b"
                    r"[^.;]{0,40}$", re.IGNORECASE)
_DATELINE = re.compile(r"^\W*[A-Z][A-Za-z .'-]{1,40}(?:,\s*[A-Za-z .'-]{1,30})?,\s+" + _MONTH + r" (\d{1,2})"
                       r"(?:,? " + _YEAR + r")?\s*(?:\([^)]{1,30}\))?\s*(?:--|-|\u2014|_)", re.IGNORECASE)


@dataclass(frozen=True)
class Inferred:
    """A publication date inferred from the text: the window it lies in, a best guess, why."""
    window_earliest: date | None
    window_latest: date | None
    best: date | None
    reason: str


def _day(y: int, month: str, d: int) -> date | None:
    try:
        return date(y, MONTHS[month.lower().rstrip(".")], d)
    except (ValueError, KeyError):
        return None


def _looks_ahead(text: str, at: int) -> bool:
    return bool(_AHEAD.search(text[max(0, at - 60):at]))


def _full_dates(text: str) -> tuple[list[date], list[str]]:
    """Days written with their year, not in a clause that looks ahead; and disagreements."""
    days, clashes = [], []
    for m in _FULL.finditer(text):
        d = _day(int(m[4]), m[2], int(m[3])) if m[2] else _day(int(m[7]), m[6], int(m[5]))
        if d is None or _looks_ahead(text, m.start()):
            continue
        if m[1] and WEEKDAYS[m[1].lower()] != d.weekday():
            clashes.append(f"{m[0]!r} is a {d.strftime('%A')}")
            continue
        days.append(d)
    for m in _ISO.finditer(text):
        try:
            d = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
        if not _looks_ahead(text, m.start()):
            days.append(d)
    return days, clashes


def _month_days(text: str, year: int, floor: date | None) -> list[date]:
    """Month-day dates ("June 2"), each placed in `year` or the next: the first on or after
    `floor` (the latest full date) when there is one, and where a weekday is written next to
    it ("Tuesday, June 21"), in a year whose calendar agrees."""
    days = []
    for m in _MONTH_DAY.finditer(text):
        if _looks_ahead(text, m.start()):
            continue
        month, d = (m[2], int(m[3])) if m[2] else (m[5], int(m[4]))
        cands = [x for x in (_day(y, month, d) for y in (year, year + 1)) if x is not None]
        if m[1]:
            cands = [c for c in cands if c.weekday() == WEEKDAYS[m[1].lower()]]
        later = [c for c in cands if floor is not None and c >= floor]
        if later:
            days.append(min(later))
        elif cands:
            days.append(min(cands))
    return days


def infer_published(text: str, max_lag_days: int = 7) -> Inferred:
    """A window for the publication date of `text`, from the dates it mentions."""
    full, clashes = _full_dates(text)
    years = sorted({d.year for d in full} | {int(y) for y in _BARE_YEAR.findall(text)})
    if not years:
        return Inferred(None, None, None, "no year in the text: publication date unknown")
    latest_year = years[-1]
    dated = full + _month_days(text, latest_year, max(full) if full else None)
    note = f"; ignored: {', '.join(clashes)}" if clashes else ""
    if not dated:
        start, end = date(latest_year, 1, 1), date(latest_year + 1, 12, 31)
        return Inferred(start, end, None, f"only years are written (latest {latest_year}){note}")
    last = max(dated)
    mentions_weekday = re.search(r"\b" + _WEEKDAY + r"\b", text, re.IGNORECASE) is not None
    lag = 6 if mentions_weekday else max_lag_days * 4
    if (m := _DATELINE.match(text)) and (d := _day(int(m[3]) if m[3] else last.year, m[1], int(m[2]))) \
            and last <= d <= last + timedelta(days=lag):
        return Inferred(d, d, d, f"dateline {m[0].strip()!r}{note}")
    best = last + timedelta(days=1)
    how = "a weekday is named, so within 6 days" if mentions_weekday else f"within {lag} days"
    return Inferred(last, last + timedelta(days=lag), best,
                    f"latest dated day in the text is {last.isoformat()}; published on or after it, {how}{note}")


def dateline_date(text: str, published: date | None, max_days: int = 7) -> date | None:
    """The date of a wire dateline at the top of `text` when it is at most `max_days` before
    (or on) `published`; None without a dateline or a publication date to place it."""
    m = _DATELINE.match(text[:300].lstrip())
    if m is None or published is None:
        return None
    years = [int(m[3])] if m[3] else [published.year, published.year - 1]
    for y in years:
        d = _day(y, m[1], int(m[2]))
        if d is not None and timedelta(0) <= published - d <= timedelta(days=max_days):
            return d
    return None


def fill_published(article) -> str | None:
    """For a `warlog.model.Article` with no publication date: take the best inferred day when
    the text gives one (published_from="text") and return the note for the Extraction, which
    says so and gives the window; None when the article already had a date."""
    if article.published is not None:
        return None
    inferred = infer_published(article.text)
    if inferred.best is None:
        return f"no publication date: relative dates left unresolved ({inferred.reason})"
    article.published, article.published_from = inferred.best, "text"
    return (f"publication date inferred from the text: {inferred.best.isoformat()} (window "
            f"{inferred.window_earliest.isoformat()}..{inferred.window_latest.isoformat()}; {inferred.reason})")
