"""Pydantic response models of the HTTP API: what each endpoint returns, documented in OpenAPI."""
from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from warlog.columns import COLUMNS, DESCRIPTIONS


class EvidenceOut(BaseModel):
    """A character span of an article's text that a field rests on."""

    article_id: str
    sentence: int
    start: int = Field(description="Offset of the first character in the article's text")
    end: int = Field(description="Offset just past the last character")
    text: str
    field: str = Field(description="The field these words support: event, trigger, actor1, location, fatalities...")


class EventSummary(BaseModel):
    """One event as listed on the map and in the table."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    article_id: str
    event_date: dt.date | None = None
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    country: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int = Field(description=DESCRIPTIONS["fatalities"])
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    is_historical: bool
    confidence: float
    notes: str


class Problem(BaseModel):
    """An error: what went wrong, in one line."""

    detail: str


class ValidationProblem(BaseModel):
    """An invalid request: `message` in one line, `detail` FastAPI's list of errors (loc, msg, type)."""

    message: str
    detail: list[dict[str, Any]]


class Page(BaseModel):
    """A page: `total` counts every match, `items` holds up to `limit` of them from `offset`."""

    total: int
    limit: int
    offset: int
    next: str | None = Field(default=None, description="URL of the next page; null on the last page")


class EventPage(Page):
    """A page of events."""

    items: list[EventSummary]


# One export row (columns.COLUMNS), each column described as the codebook describes it.
EventRow = create_model(
    "EventRow", **{name: (Any, Field(default=None, description=DESCRIPTIONS[name])) for name in COLUMNS})


class ClaimOut(BaseModel):
    """Something a source says, with the words it says it in."""

    subject: str
    attribute: str
    value: Any
    source: str | None = None
    date: dt.date | None = None
    event_id: str | None = None
    evidence: EvidenceOut | None = None


class ArticleSummary(BaseModel):
    """An article without its text."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    published_from: str | None = None
    length: int = Field(description="Characters in the article's text")


class ArticleText(ArticleSummary):
    """An article with the text that evidence offsets refer to."""

    text: str


class ArticleOut(ArticleText):
    """An article with its text and the events first reported by it."""

    event_ids: list[str] = Field(default_factory=list, description="Events extracted from this article")


class ArticlePage(Page):
    """A page of articles, without their text."""

    items: list[ArticleSummary]


class EventDetail(BaseModel):
    """One event: its export row, evidence spans, claims and the articles reporting it (with text)."""

    event: EventSummary
    row: EventRow
    evidence: list[EvidenceOut]
    claims: list[ClaimOut]
    reports: list[ArticleText]


class ActorCount(BaseModel):
    name: str
    events: int = Field(description="Events the actor takes part in, as actor or associate")
    fatalities: int = Field(description="Sum of the conservative fatality counts of those events")
    as_actor1: int
    as_actor2: int


class SeriesPoint(BaseModel):
    period: dt.date = Field(description="First day of the day or ISO week")
    events: int
    fatalities: int


class Series(BaseModel):
    key: str = Field(description="The event type, country or actor; 'all' when not grouped")
    events: int
    fatalities: int
    points: list[SeriesPoint]


class Summary(BaseModel):
    interval: str
    by: str | None
    series: list[Series]


class ColumnDoc(BaseModel):
    name: str
    description: str
    acled: bool = Field(description="True for ACLED's own columns, False for warlog's additions")


class Counts(BaseModel):
    articles: int
    events: int
    evidence: int
    claims: int
    allow_ingest: bool


MAX_TEXT_CHARS = 500_000  # an article's text: far above any news story, far below what spaCy refuses


class IngestIn(BaseModel):
    """An article to extract and store: `text` or `html` is required."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, max_length=MAX_TEXT_CHARS, description="The article's plain text")
    html: str | None = Field(default=None, max_length=4 * MAX_TEXT_CHARS, description="The article's web page")
    url: str | None = Field(default=None, max_length=4096)
    title: str | None = Field(default=None, max_length=1000)
    source: str | None = Field(default=None, max_length=1000)
    published: dt.date | None = Field(default=None, description="Publication date, anchors relative dates")


class IngestOut(BaseModel):
    status: str = Field(description="stored, duplicate, skipped or failed")
    reason: str = ""
    article_id: str | None = None
    n_events: int = 0
    event_ids: list[str] = Field(default_factory=list)
