"""/api/events: the filtered, paginated list, and one event in full."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Path

from warlog.api.convert import event_summary
from warlog.api.detail import event_detail, find_event
from warlog.api.models import EventDetail, EventPage
from warlog.api.query import Filters, Limit, Offset, StoreDep

router = APIRouter(prefix="/api/events", tags=["events"])


@router.get("", response_model=EventPage, summary="Events matching the filters, a page at a time")
def list_events(store: StoreDep, filters: Filters, limit: Limit = 100, offset: Offset = 0) -> EventPage:
    """Events by date (undated last). `total` counts every match; page with `limit` and `offset`."""
    found = filters.select(store)
    return EventPage(total=len(found), limit=limit, offset=offset,
                     items=[event_summary(e) for e in found[offset:offset + limit]])


@router.get("/{event_id}", response_model=EventDetail, summary="One event, its evidence, claims and reports",
            responses={404: {"description": "No event has this id"}})
def get_event(store: StoreDep, event_id: str = Path(pattern=r"^[0-9a-f]{1,64}$",
                                                    description="warlog's event id")) -> EventDetail:
    event = find_event(store, event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id}")
    return event_detail(store, event)
