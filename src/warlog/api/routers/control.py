"""/api/control: who holds what — every place's state on a day, or one place's timeline."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from warlog.api.query import INVALID, NOT_FOUND, StoreDep
from warlog.control import control_at, place_timeline, timelines
from warlog.control.records import place_state_dict, timeline_dict

router = APIRouter(prefix="/api/control", tags=["control"])

Country = Annotated[str | None, Query(max_length=64, description="Country: ISO alpha-2 code, any case")]


@router.get("", summary="Who holds what on a day: each place's control state (provinces list their towns)",
            responses=INVALID)
def control_on(store: StoreDep, at: Annotated[date, Query(description="The day (YYYY-MM-DD)")],
               country: Country = None,
               historical: Annotated[bool, Query(description="Keep states that began with historical events")]
               = True) -> list[dict[str, Any]]:
    """The state in force on `at` of every place with a known control history: status (held,
    contested, encircled), holder, contenders, parts held, shares claimed with their sources,
    and the change — with its reports and their words — that began it. A province's state
    rests only on what is said of the province; the towns inside it are listed under `within`."""
    return [place_state_dict(row) for row in control_at(store, at, country, include_historical=historical)]


@router.get("/timelines", summary="Every place's control timeline (for the map's control layer)",
            responses=INVALID)
def all_timelines(store: StoreDep, country: Country = None) -> list[dict[str, Any]]:
    """Each place with a known control history and all its states, oldest first."""
    return [timeline_dict(t) for t in timelines(store, country)]


@router.get("/timeline", summary="One place's control timeline", responses={**INVALID, **NOT_FOUND})
def control_timeline(store: StoreDep,
                     place: Annotated[str, Query(min_length=1, max_length=200,
                                                 description="The place, as written or as GeoNames names it")],
                     country: Country = None) -> list[dict[str, Any]]:
    """Every control state of the place (several places may answer to one name), oldest first."""
    found = place_timeline(store, place, country)
    if not found:
        raise HTTPException(404, f"nothing is known of the control of {place!r}")
    return [timeline_dict(t) for t in found]
