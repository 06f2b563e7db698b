"""Control timelines from a Store: one place's, every place's, and who holds what on a day.

Control rolls up by containment, never by assumption: a town's changes are the town's; a
province has a state only from what is said of the province itself, and lists the towns
within it with theirs (a town taken inside a province is not the province taken).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from warlog.control.changes import changes_from_claims
from warlog.control.timeline import State, Timeline, build_timeline
from warlog.store import Store


def timelines(store: Store, country: str | None = None) -> list[Timeline]:
    """Every place's timeline (of one country, by ISO alpha-2 code or name, when given)."""
    claims = [c for c in store.claims(attribute="control") if c.evidence is not None]
    meta = store.article_meta(sorted({c.evidence.article_id for c in claims}))
    published = {article_id: day for article_id, (_source, day) in meta.items()}
    triples = [(c, c.evidence.article_id, published.get(c.evidence.article_id)) for c in claims]
    found = [build_timeline(key, changes) for key, changes in changes_from_claims(triples).items()]
    if country:
        wanted = country.lower()
        found = [t for t in found if wanted in {str(t.place.get("country_code") or "").lower(),
                                               str(t.place.get("country") or "").lower()}]
    return sorted(found, key=lambda t: (t.place.get("country_code") or "", t.place.get("admin1") or "", t.name))


def _matches(timeline: Timeline, wanted: str, ids: set[str]) -> bool:
    names = {n.lower() for n in timeline.names} | {str(timeline.place.get("name") or "").lower()}
    return timeline.key in ids or wanted in names


def place_timeline(store: Store, place: str, country: str | None = None) -> list[Timeline]:
    """The timelines of a place named `place`: as written in an article, as GeoNames names it,
    or any place the gazetteer reads that name as ("Thawra" is al-Tabqa)."""
    from warlog.resolve.gazetteer import get_gazetteer

    wanted = place.strip().lower()
    ids = {str(p.geonameid) for p in get_gazetteer().lookup(place.strip()) if p.geonameid}
    every = timelines(store, country)
    named = [t for t in every if wanted in {n.lower() for n in t.names}]
    return named or [t for t in every if _matches(t, wanted, ids)]


@dataclass(slots=True)
class PlaceState:
    """A place and its state on a day; a province lists the places within it."""

    timeline: Timeline
    state: State
    within: list["PlaceState"] = field(default_factory=list)


def control_at(store: Store, day: date, country: str | None = None,
               include_historical: bool = True) -> list[PlaceState]:
    """Who holds what on `day`: provinces (with the towns inside them) and the other places."""
    rows = []
    for timeline in timelines(store, country):
        state = timeline.at(day)
        if state is not None and (include_historical or not state.change.historical):
            rows.append(PlaceState(timeline, state))
    provinces = {(r.timeline.place.get("country_code"), r.timeline.place.get("name")): r
                 for r in rows if r.timeline.place.get("kind") == "admin1"}
    top = []
    for row in rows:
        place = row.timeline.place
        parent = provinces.get((place.get("country_code"), place.get("admin1")))
        if place.get("kind") != "admin1" and parent is not None:
            parent.within.append(row)
        else:
            top.append(row)
    return top
