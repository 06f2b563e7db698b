"""/api/actors: the actors of the selected events, with how often they appear."""
from __future__ import annotations

from collections import Counter

from fastapi import APIRouter

from warlog.api.models import ActorCount
from warlog.api.query import INVALID, Filters, Limit, StoreDep
from warlog.model import Event

router = APIRouter(prefix="/api/actors", tags=["actors"])


def split_names(value: str | None) -> list[str]:
    """Associate fields hold several names separated by '; '."""
    return [n.strip() for n in (value or "").split(";") if n.strip()]


def actors_of(event: Event) -> set[str]:
    """Every actor an event involves: the two sides and their associates."""
    names = split_names(event.actor1) + split_names(event.actor2)
    return set(names + split_names(event.assoc_actor_1) + split_names(event.assoc_actor_2))


def count_actors(events: list[Event]) -> list[ActorCount]:
    """Actors by number of events (then name), with their events' fatalities."""
    n_events, deaths, first, second = Counter(), Counter(), Counter(), Counter()
    for event in events:
        for name in actors_of(event):
            n_events[name] += 1
            deaths[name] += event.fatalities
        first.update(split_names(event.actor1))
        second.update(split_names(event.actor2))
    order = sorted(n_events, key=lambda n: (-n_events[n], n))
    return [ActorCount(name=n, events=n_events[n], fatalities=deaths[n], as_actor1=first[n], as_actor2=second[n])
            for n in order]


@router.get("", response_model=list[ActorCount], summary="Actors of the matching events, most active first",
            responses=INVALID)
def list_actors(store: StoreDep, filters: Filters, limit: Limit = 100) -> list[ActorCount]:
    """Every actor or associate of the events the filters select, with their events' fatalities."""
    return count_actors(filters.select(store, evidence=False))[:limit]
