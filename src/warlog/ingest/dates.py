"""Publication dates: parse what a user, a JSONL field or a page's dateline says.

Only absolute dates are accepted: a publication date anchors the article's relative
dates ("on Tuesday", "last week"), so it must never be guessed from today's date.
"""
from __future__ import annotations

from datetime import date, datetime

import dateparser

MIN_YEAR, MAX_YEAR = 1900, 2100

# Absolute dates only (no "yesterday", "2 days ago"), every part written out (no year
# or day filled in from today), and nothing pushed into the future.
_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],
}


def _checked(day: date, value: object) -> date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(
            f"published date {value!r} is out of range (year {day.year} not in {MIN_YEAR}-{MAX_YEAR})"
        )
    return day


def _from_iso(text: str) -> date | None:
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def parse_published(value: object) -> date | None:
    """A publication date from None, a date, a datetime or a written date.

    Accepts ISO forms ("2016-06-22", "2016-06-22T10:00:00Z") and written ones
    ("June 22, 2016", "22 June 2016", "Wed, 22 Jun 2016 10:00:00 GMT").
    Raises ValueError for anything else: relative words, partial dates, years outside
    1900-2100, non-string values.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return _checked(value.date(), value)
    if isinstance(value, date):
        return _checked(value, value)
    if not isinstance(value, str):
        raise ValueError(f"published date must be a date or a string, not {type(value).__name__}")
    text = value.strip()
    if not text:
        return None
    day = _from_iso(text)
    if day is None:
        parsed = dateparser.parse(text, settings=_SETTINGS)
        if parsed is None:
            raise ValueError(
                f"cannot read {value!r} as a publication date: give a full absolute date "
                "such as 2016-06-22 or '22 June 2016' (relative words like 'yesterday' are not accepted)"
            )
        day = parsed.date()
    return _checked(day, value)


def find_date(text: str, max_words: int = 8) -> date | None:
    """The date a dateline starts with ("22 June 2016 KSA 12:30 - GMT 09:30"), or None.

    Tries the whole text, then ever shorter word prefixes of it; never raises.
    """
    words = text.split()[:max_words]
    for n in range(len(words), 0, -1):
        try:
            day = parse_published(" ".join(words[:n]).rstrip(",;-|"))
        except ValueError:
            continue
        if day is not None:
            return day
    return None
