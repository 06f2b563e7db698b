"""warlog as the system under test: the callables the scorers take.

Kept apart from the scorers so that they stay independent of the NLP code.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from warlog.model import Extraction


def extract_fn(text: str, published: date | None) -> Extraction:
    """The whole pipeline on one article."""
    from warlog import extract

    return extract(text, published=published)


@lru_cache(maxsize=4)
def _nlp(*components: str):
    from warlog.nlp.pipeline import build_nlp

    return build_nlp(list(components))


def _doc(text: str, published: date | None, *components: str):
    nlp = _nlp(*components)
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def geoparse_fn(text: str, published: date | None) -> list[tuple[int, int, float | None, float | None]]:
    """Toponyms found and where they were resolved to."""
    from warlog.nlp.places import geoparse

    return geoparse(_doc(text, published, "warlog_places"))


def timex_fn(text: str, published: date | None) -> list[tuple[int, int, str]]:
    """Time expressions found and their TIMEX3 values."""
    from warlog.nlp.dates import timexes

    return timexes(_doc(text, published, "warlog_dates"))
