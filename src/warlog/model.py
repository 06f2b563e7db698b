"""The typed records warlog produces: Article, Event, Evidence, Claim.

Every Event and Claim carries Evidence: the article, the sentence and the character
span of the words it rests on. Column names follow ACLED where ACLED has one; the rest
(low/high tolls, injured, history flag, confidence, date window) are warlog's own.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The form of an article's text that its identity is computed from.

    Unicode compatibility form, curly quotes straightened, case and whitespace folded:
    the same story saved twice (or re-encoded, or re-wrapped) normalises identically.
    """
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}))
    return _SPACE.sub(" ", text).strip().lower()


def article_id_for(text: str) -> str:
    """Stable article id: a hash of the normalised text (not of url or file name)."""
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    """One news article as ingested: text is the clean main text that offsets refer to."""

    text: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: date | None = None
    published_from: str | None = None  # where `published` came from: metadata, jsonl, cli, text, none
    origin: str | None = None  # file path (and line) it was read from
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id_for(self.text)


@dataclass(slots=True)
class Evidence:
    """The words a record rests on: a character span of the article's text."""

    article_id: str
    sentence: int  # index of the sentence in the article
    start: int  # character offsets into Article.text
    end: int
    text: str
    field: str = "event"  # which field these words support: event, actor1, location, date, fatalities...


@dataclass(slots=True)
class Claim:
    """Something a source says: '36 killed, a hospital spokesman said'."""

    subject: str  # what the claim is about: a place or an actor
    attribute: str  # killed, injured, civilians_killed, share_controlled, ...
    value: Any  # a number, a [low, high] pair or a share in [0, 1]
    source: str | None = None
    date: date | None = None
    evidence: Evidence | None = None
    event_id: str | None = None


@dataclass(slots=True)
class Event:
    """One event, coded as ACLED codes it, plus warlog's own fields."""

    article_id: str
    event_date: date | None = None
    time_precision: int = 1  # ACLED: 1 day, 2 week or a few days, 3 month
    date_earliest: date | None = None
    date_latest: date | None = None
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: bool = False
    country: str | None = None  # country name, as ACLED writes it
    country_code: str | None = None  # ISO 3166-1 alpha-2
    iso: int | None = None  # ISO 3166-1 numeric, ACLED's `iso` column
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None  # ACLED: 1 town, 2 near a town / part of region, 3 region
    geonameid: int | None = None
    fatalities: int = 0  # ACLED's conservative figure: the lowest any report gives
    fatalities_low: int | None = None  # UCDP-style low / best / high over all reports
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    is_historical: bool = False
    confidence: float = 0.5
    trigger: str = ""  # the word that signalled the event
    notes: str = ""  # the sentence, as ACLED's notes column
    evidence: list[Evidence] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            first = self.evidence[0] if self.evidence else None
            key = f"{self.article_id}:{first.start if first else 0}:{self.trigger}:{self.sub_event_type}"
            self.id = hashlib.sha1(key.encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for k, v in list(data.items()):
            if isinstance(v, date):
                data[k] = v.isoformat()
        return data


@dataclass(slots=True)
class Extraction:
    """What the pipeline returns for one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. "published date inferred from text"


@dataclass(slots=True)
class Outcome:
    """What happened to one input of a batch: stored, duplicate, skipped or failed, and why."""

    origin: str
    status: str  # stored | duplicate | skipped | failed
    reason: str = ""
    article_id: str | None = None
    n_events: int = 0
