"""Query parameters shared by the event endpoints, and the events they select.

The store filters by country, type, actor, dates, history and text; admin1 and the
bounding box are applied here on the store's answer.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.exceptions import RequestValidationError

from warlog.model import Event
from warlog.store import Store


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


@dataclass(frozen=True, slots=True)
class BBox:
    west: float
    south: float
    east: float
    north: float

    def holds(self, lon: float | None, lat: float | None) -> bool:
        if lon is None or lat is None or not self.south <= lat <= self.north:
            return False
        if self.west <= self.east:
            return self.west <= lon <= self.east
        return lon >= self.west or lon <= self.east  # the box crosses the antimeridian


def parse_bbox(value: str) -> BBox:
    """'west,south,east,north' in degrees, or a 422 saying what is wrong."""
    parts = value.split(",")
    if len(parts) != 4:
        raise invalid("bbox", value, "bbox needs four numbers: west,south,east,north")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise invalid("bbox", value, "bbox values must be numbers: west,south,east,north") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise invalid("bbox", value, "bbox longitudes must lie within -180..180")
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise invalid("bbox", value, "bbox latitudes must lie within -90..90")
    if south > north:
        raise invalid("bbox", value, "bbox south must not be greater than north")
    return BBox(west, south, east, north)


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
    bbox: BBox | None = None
    historical: Historical = Historical.exclude
    q: str | None = None

    def select(self, store: Store) -> list[Event]:
        found = store.events(country=self.country, event_type=self.event_type,
                             sub_event_type=self.sub_event_type, actor=self.actor,
                             date_from=self.date_from, date_to=self.date_to,
                             historical=_HISTORICAL[self.historical], text=self.q)
        if self.admin1:
            wanted = self.admin1.casefold()
            found = [e for e in found if (e.admin1 or "").casefold() == wanted]
        if self.bbox is not None:
            found = [e for e in found if self.bbox.holds(e.longitude, e.latitude)]
        return found


def event_filters(
    date_from: Annotated[date | None, Query(description="Earliest event date (YYYY-MM-DD), inclusive")] = None,
    date_to: Annotated[date | None, Query(description="Latest event date (YYYY-MM-DD), inclusive")] = None,
    country: Annotated[str | None, Query(description="Country name or ISO alpha-2 code, any case")] = None,
    admin1: Annotated[str | None, Query(description="First-level administrative division, any case")] = None,
    event_type: Annotated[str | None, Query(description="ACLED event type, e.g. Battles")] = None,
    sub_event_type: Annotated[str | None, Query(description="ACLED sub-event type")] = None,
    actor: Annotated[str | None, Query(description="Part of the name of an actor or associate, any case")] = None,
    bbox: Annotated[str | None, Query(description="Bounding box west,south,east,north in degrees",
                                         examples=["9.3,19.5,25.2,33.2"])] = None,
    historical: Annotated[Historical, Query(description="Historical events: exclude, include or only")]
    = Historical.exclude,
    q: Annotated[str | None, Query(description="Text search in the event's sentence and location",
                                      max_length=200)] = None,
) -> EventFilters:
    if date_from and date_to and date_from > date_to:
        raise invalid("date_from", date_from.isoformat(), "date_from must not be after date_to")
    return EventFilters(date_from, date_to, country, admin1, event_type, sub_event_type, actor,
                        parse_bbox(bbox) if bbox is not None else None, historical, q)


def get_store(request: Request) -> Store:
    return request.app.state.store


Filters = Annotated[EventFilters, Depends(event_filters)]
StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=1000, description="Items per page (1-1000)")]
Offset = Annotated[int, Query(ge=0, description="Items to skip")]
