"""/api/summary: events and fatalities per day or week, overall or by type, country or actor."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from enum import Enum
from typing import Annotated

from fastapi import APIRouter, Query

from warlog.api.models import Series, SeriesPoint, Summary
from warlog.api.query import INVALID, Filters, StoreDep
from warlog.api.routers.actors import actors_of
from warlog.model import Event

router = APIRouter(prefix="/api/summary", tags=["summary"])


class Interval(str, Enum):
    day = "day"
    week = "week"


class GroupBy(str, Enum):
    event_type = "event_type"
    country = "country"
    actor = "actor"


def period_of(day: date, interval: Interval) -> date:
    """The day itself, or the Monday of its ISO week."""
    return day if interval is Interval.day else day - timedelta(days=day.weekday())


def keys_of(event: Event, by: GroupBy | None) -> list[str]:
    if by is None:
        return ["all"]
    if by is GroupBy.actor:
        return sorted(actors_of(event)) or ["(no actor)"]
    return [getattr(event, by.value) or "(unknown)"]


def summarise(events: list[Event], interval: Interval, by: GroupBy | None) -> list[Series]:
    """One series per key, biggest first; undated events are left out."""
    cells: dict[str, dict[date, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for event in events:
        if event.event_date is None:
            continue
        period = period_of(event.event_date, interval)
        for key in keys_of(event, by):
            cell = cells[key][period]
            cell[0] += 1
            cell[1] += event.fatalities
    series = [Series(key=key, events=sum(c[0] for c in points.values()),
                     fatalities=sum(c[1] for c in points.values()),
                     points=[SeriesPoint(period=p, events=c[0], fatalities=c[1]) for p, c in sorted(points.items())])
              for key, points in cells.items()]
    return sorted(series, key=lambda s: (-s.events, s.key))


@router.get("", response_model=Summary, summary="Events and fatalities per day or week", responses=INVALID)
def summary(store: StoreDep, filters: Filters,
            interval: Annotated[Interval, Query(description="day or week (weeks start on Monday)")] = Interval.day,
            by: Annotated[GroupBy | None, Query(description="Group by event_type, country or actor")] = None,
            ) -> Summary:
    """One series per key (all events, or per event type, country or actor), biggest first;
    events without a date are left out. An event counts once in each of its actors' series."""
    return Summary(interval=interval.value, by=by.value if by else None,
                   series=summarise(filters.select(store, evidence=False), interval, by))
