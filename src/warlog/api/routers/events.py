"""/api/events: the filtered, paginated list, and one event in full."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request

from warlog.api.convert import event_summary
from warlog.api.detail import event_detail
from warlog.api.models import EventDetail, EventPage
from warlog.api.query import INVALID, NOT_FOUND, Filters, Limit, Offset, StoreDep

router = APIRouter(prefix="/api/events", tags=["events"])
ID_PATTERN = r"^[0-9a-f]{1,64}$"


def next_page(request: Request, total: int, limit: int, offset: int) -> str | None:
    """The URL of the page after this one, same filters; None on the last page."""
    if offset + limit >= total:
        return None
    return str(request.url.include_query_params(limit=limit, offset=offset + limit))


@router.get("", response_model=EventPage, summary="Events matching the filters, a page at a time",
            responses=INVALID)
def list_events(request: Request, store: StoreDep, filters: Filters, limit: Limit = 100,
                offset: Offset = 0) -> EventPage:
    """Events by date (undated last). `total` counts every match; `next` links the next page."""
    total = filters.count(store)
    items = filters.select(store, limit=limit, offset=offset) if offset < total else []
    return EventPage(total=total, limit=limit, offset=offset, next=next_page(request, total, limit, offset),
                     items=[event_summary(e) for e in items])


@router.get("/{event_id}", response_model=EventDetail, summary="One event, its evidence, claims and reports",
            responses=NOT_FOUND | INVALID)
def get_event(store: StoreDep, event_id: Annotated[str, Path(pattern=ID_PATTERN,
                                                             description="warlog's event id (hex)")]) -> EventDetail:
    """The event's export row, the text spans its fields rest on, the claims about it,
    and the articles reporting it, each with the text that evidence offsets refer to."""
    event = store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id}")
    return event_detail(store, event)
