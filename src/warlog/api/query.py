"""Query parameters shared by the event endpoints, and the events they select.

Every filter runs in the database (Store.events / Store.count_events): the API pages
through matches there instead of loading them all.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.exceptions import RequestValidationError

from warlog.api.models import Problem, ValidationProblem
from warlog.columns import EVENT_TYPE_OF, TAXONOMY
from warlog.model import Event
from warlog.store import Store

MAX_TEXT_PARAM = 200  # characters of any text filter
INVALID = {422: {"model": ValidationProblem, "description": "A parameter is invalid; `message` says which and why"}}
NOT_FOUND = {404: {"model": Problem, "description": "No record has this id"}}


class Historical(str, Enum):
    """Events that long precede their article: left out (default), kept, or the only ones."""

    exclude = "exclude"
    include = "include"
    only = "only"


_HISTORICAL = {Historical.exclude: False, Historical.include: None, Historical.only: True}


def invalid(name: str, value: object, message: str) -> RequestValidationError:
    """A 422 naming the query parameter at fault, in FastAPI's own error format."""
    return RequestValidationError([{"type": "value_error", "loc": ("query", name), "msg": message,
                                    "input": value}])


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """'west,south,east,north' in degrees, or a 422 saying what is wrong.

    west > east is a box across the antimeridian (as GeoJSON, RFC 7946 section 5.2, has it).
    """
    parts = value.split(",")
    if len(parts) != 4:
        raise invalid("bbox", value, "bbox needs four numbers: west,south,east,north")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise invalid("bbox", value, "bbox values must be numbers: west,south,east,north") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180):  # also refuses nan and inf
        raise invalid("bbox", value, "bbox longitudes must lie within -180..180")
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise invalid("bbox", value, "bbox latitudes must lie within -90..90")
    if south > north:
        raise invalid("bbox", value, "bbox south must not be greater than north")
    return west, south, east, north


def taxonomy_name(name: str, value: str | None, known: list[str]) -> str | None:
    """`value` as the taxonomy spells it (any case accepted), or a 422 listing the valid names;
    an empty value is no filter."""
    if value is None or not value.strip():
        return None
    spelled = {k.casefold(): k for k in known}.get(value.strip().casefold())
    if spelled is None:
        raise invalid(name, value, f"unknown {name}; one of: {', '.join(known)}")
    return spelled


@dataclass(slots=True)
class EventFilters:
    """Every filter of the event endpoints, validated."""

    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    historical: Historical = Historical.exclude
    q: str | None = None

    def store_filters(self) -> dict:
        """These filters as keyword arguments of Store.events and Store.count_events."""
        return {"country": self.country, "admin1": self.admin1, "event_type": self.event_type,
                "sub_event_type": self.sub_event_type, "actor": self.actor, "date_from": self.date_from,
                "date_to": self.date_to, "historical": _HISTORICAL[self.historical], "text": self.q,
                "bbox": self.bbox}

    def select(self, store: Store, limit: int | None = None, offset: int = 0, evidence: bool = True) -> list[Event]:
        return store.events(**self.store_filters(), limit=limit, offset=offset, evidence=evidence)

    def count(self, store: Store) -> int:
        return store.count_events(**self.store_filters())


def _text(description: str, **extra) -> object:
    return Query(description=description, max_length=MAX_TEXT_PARAM, **extra)


def event_filters(
    date_from: Annotated[date | None, Query(description="Earliest event date (YYYY-MM-DD), inclusive")] = None,
    date_to: Annotated[date | None, Query(description="Latest event date (YYYY-MM-DD), inclusive")] = None,
    country: Annotated[str | None, _text("Country name or ISO alpha-2 code, any case")] = None,
    admin1: Annotated[str | None, _text("First-level administrative division, any case")] = None,
    event_type: Annotated[str | None, _text("ACLED event type, any case: " + ", ".join(TAXONOMY))] = None,
    sub_event_type: Annotated[str | None, _text("ACLED sub-event type, any case, e.g. Armed clash")] = None,
    actor: Annotated[str | None, _text("Part of the name of an actor or associate, any case")] = None,
    bbox: Annotated[str | None, Query(
        description="Bounding box west,south,east,north in degrees; west > east crosses the antimeridian",
        max_length=100, examples=["9.3,19.5,25.2,33.2"])] = None,
    historical: Annotated[Historical, Query(description="Historical events: exclude, include or only")]
    = Historical.exclude,
    q: Annotated[str | None, _text("Text in the event's sentence or location, any case, matched literally")] = None,
) -> EventFilters:
    if date_from and date_to and date_from > date_to:
        raise invalid("date_from", date_from.isoformat(), "date_from must not be after date_to")
    return EventFilters(date_from, date_to, country, admin1, taxonomy_name("event_type", event_type, list(TAXONOMY)),
                        taxonomy_name("sub_event_type", sub_event_type, list(EVENT_TYPE_OF)), actor,
                        parse_bbox(bbox) if bbox is not None else None, historical, q)


def get_store(request: Request) -> Store:
    return request.app.state.store


Filters = Annotated[EventFilters, Depends(event_filters)]
StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=1000, description="Items per page (1-1000)")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Items to skip")]
