"""Reconciliation: one record per real event.

A wire story tells its main event in the lede and again in the body ("36 people killed" …
"along with the 36 militiamen killed"). Mentions of one article that agree on type, date
window, place and actors are merged into one Event carrying the evidence of all of them.
The same test (`compatible`) is the seam for merging reports across articles.
"""
from __future__ import annotations

from dataclasses import replace

from warlog.resolve.actors import interaction
from warlog.resolve.geo import haversine_km

SAME_PLACE_KM = 40.0  # two town-level places this close are one location
SAME_REGION_KM = 120.0  # when either place is a region (geo_precision 3)
SPECIFIC = {"Government regains territory": 2, "Non-state actor overtakes territory": 2, "Armed clash": 1}


def _dates_overlap(a, b) -> bool:
    if a.date_earliest is None or b.date_earliest is None:
        return True
    return a.date_earliest <= (b.date_latest or b.date_earliest) and b.date_earliest <= (a.date_latest or a.date_earliest)


def _places_agree(a, b) -> bool:
    if a.latitude is None or b.latitude is None:
        return a.country_code is None or b.country_code is None or a.country_code == b.country_code
    limit = SAME_REGION_KM if 3 in (a.geo_precision, b.geo_precision) else SAME_PLACE_KM
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= limit


def _actors(e) -> set[str]:
    return {x for x in (e.actor1, e.actor2) if x}


def _types_agree(a, b) -> bool:
    if a.event_type != b.event_type:
        return False
    return a.event_type == "Battles" or a.sub_event_type == b.sub_event_type


def compatible(a, b) -> bool:
    """Whether two event records can be the same real event."""
    if a.is_historical != b.is_historical or not _types_agree(a, b):
        return False
    if not _dates_overlap(a, b) or not _places_agree(a, b):
        return False
    x, y = _actors(a), _actors(b)
    return not x or not y or bool(x & y)


def _located(e) -> tuple[bool, int]:
    """How well an event is placed: named in its own sentence first, then finer precision."""
    return any(ev.field == "location" for ev in e.evidence), -(e.geo_precision or 9)


def merge(a, b):
    """One event from two records of it; `a` is the one told first."""
    m = replace(a, evidence=a.evidence + b.evidence)
    if SPECIFIC.get(b.sub_event_type, 0) > SPECIFIC.get(a.sub_event_type, 0):
        m.sub_event_type = b.sub_event_type
    if (b.time_precision, b.event_date is None) < (a.time_precision, a.event_date is None):
        m.event_date, m.time_precision = b.event_date, b.time_precision
        m.date_earliest, m.date_latest = b.date_earliest, b.date_latest
    if _located(b) > _located(a):
        for f in ("location", "latitude", "longitude", "geo_precision", "geonameid", "admin1", "admin2",
                  "country", "country_code", "iso"):
            setattr(m, f, getattr(b, f))
    for role in ("actor1", "actor2"):
        if getattr(m, role) is None:
            other = b.actor1 if b.actor1 and b.actor1 not in _actors(m) else b.actor2
            if other and other not in _actors(m):
                setattr(m, role, other)
                setattr(m, "inter" + role[-1], b.inter1 if other == b.actor1 else b.inter2)
    m.assoc_actor_1 = m.assoc_actor_1 or b.assoc_actor_1
    m.assoc_actor_2 = m.assoc_actor_2 or b.assoc_actor_2
    if m.inter1 is not None:
        m.interaction = interaction(m.inter1, m.inter2)
    if b.fatalities_low is not None or b.fatalities_high is not None:
        lows = [x for x in (a.fatalities_low, b.fatalities_low) if x is not None]
        highs = [x for x in (a.fatalities_high, b.fatalities_high) if x is not None]
        m.fatalities_low = min(lows) if lows else None
        m.fatalities_high = max(highs) if highs else None
        m.fatalities = max(a.fatalities, b.fatalities)
    if b.injured is not None:
        m.injured = max(a.injured or 0, b.injured)
    m.civilian_targeting = a.civilian_targeting or b.civilian_targeting
    m.confidence = round(min(0.99, max(a.confidence, b.confidence) + 0.05), 3)
    return m


def merge_within(events: list) -> list:
    """Merge the records of one article that tell the same event (in text order)."""
    merged: list = []
    for ev in events:
        candidates = [(i, m) for i, m in enumerate(merged) if compatible(m, ev)]
        if not candidates:
            merged.append(ev)
            continue
        i, target = max(candidates, key=lambda im: (im[1].sub_event_type == ev.sub_event_type,
                                                     len(_actors(im[1]) & _actors(ev)), im[0]))
        merged[i] = merge(target, ev)
    return merged
