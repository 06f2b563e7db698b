"""Choose one gazetteer place for each toponym of a document.

Each candidate gets a score from: its population (log), the article's country and
first-level-division context (countries, demonyms and divisions mentioned, weighted by
frequency and by how early they appear), an explicit container ("Raqqa, Syria",
"Libya's coastal city of Sirte", "Dayton, Ohio"), feature words ("Anbar province" ->
a division, "the town of Manbij" -> a city), closeness to the document's other resolved
places, and a prior for country names. A toponym that only names a facility ("the
Ouagadougou convention center") is resolved only when it fits the article's context.
Resolution runs twice so the second pass can use the first pass's places as context.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from warlog.resolve.gazetteer import Place
from warlog.resolve.gazetteer_names import name_key
from warlog.resolve.geo import haversine_km

W_POPULATION = 0.35  # per decade of population
W_COUNTRY = 3.0  # candidate in the article's most salient country
W_ADMIN1 = 2.5  # candidate in the article's most salient first-level division
W_CONTAINER = 6.0
W_FEATURE = 4.0
W_NEAR = 1.5
W_OWN_NAME = 1.0  # the text is the place's own name, not one of its alternate names
NAME_PRIOR = {"country": 3.0, "continent": 3.0, "admin1": 0.8, "admin2": -0.5, "city": 0.0}
_ADMIN_KINDS = ("country", "admin1", "admin2")


@dataclass
class Mention:
    """A toponym to resolve: its candidates and what its surroundings say."""

    start: int
    end: int
    text: str
    candidates: list[Place]
    feature: str | None = None  # country, admin1, admin2, city or facility
    container: int | None = None  # index of the mention that contains this one ("X, Y")
    weight: float = 1.0  # salience: more for the headline and lead
    choice: Place | None = field(default=None, repr=False)


def contains(outer: Place, inner: Place) -> bool:
    """True when `inner` lies in `outer` (by country and division names)."""
    if outer is inner or outer.kind == "continent" or inner.country_code != outer.country_code:
        return False
    if outer.kind == "country":
        return inner.kind != "country"
    if outer.kind == "admin1":
        return inner.admin1 == outer.admin1 and inner.kind in ("admin2", "city")
    if outer.kind == "admin2":
        return inner.admin2 == outer.admin2 and inner.kind == "city"
    return False


def _normalised(counter: Counter) -> dict:
    top = max(counter.values(), default=0)
    return {k: v / top for k, v in counter.items()} if top else {}


def country_salience(mentions: list[Mention], demonyms: dict[str, float]) -> Counter:
    """Weighted country codes: unambiguous country names, demonyms and chosen places."""
    weights = Counter(demonyms)
    for m in mentions:
        place = m.choice or _only_country(m)
        if place is not None and place.country_code:
            weights[place.country_code] += m.weight * (1.0 if place.kind == "country" else 0.5)
    return weights


def _only_country(m: Mention) -> Place | None:
    key = name_key(m.text)
    countries = [p for p in m.candidates if p.kind == "country" and name_key(p.name) == key]
    if len(countries) == 1:
        return countries[0]
    return m.candidates[0] if len(m.candidates) == 1 and m.candidates[0].kind in _ADMIN_KINDS else None


def _admin1_salience(mentions: list[Mention]) -> Counter:
    weights: Counter = Counter()
    for m in mentions:
        place = m.choice
        if place is None:
            admins = {(p.country_code, p.admin1) for p in m.candidates if p.kind == "admin1"}
            if len(admins) == 1 and len(m.candidates) <= 3:
                weights[admins.pop()] += m.weight
        elif place.admin1 and place.kind != "country":
            weights[(place.country_code, place.admin1)] += m.weight * (1.0 if place.kind == "admin1" else 0.5)
    return weights


def score(m: Mention, place: Place, countries: dict, admin1s: dict, mentions: list[Mention],
          near_points: list[tuple[float, float]]) -> float:
    """How well `place` fits mention `m` in its document (higher is better)."""
    s = W_POPULATION * math.log10(place.population + 10)
    exact = name_key(place.name) == name_key(m.text)
    s += NAME_PRIOR.get(place.kind, 0.0) if exact or place.kind in ("admin1", "admin2") else 0.0
    s += W_OWN_NAME * exact
    if not exact and place.kind in ("country", "continent"):
        s += 1.0  # a country's alternate spelling ("U.S.", "Britain") is still a country
    s += W_COUNTRY * countries.get(place.country_code, 0.0)
    s += W_ADMIN1 * admin1s.get((place.country_code, place.admin1), 0.0) * (place.kind != "admin1")
    if m.feature in ("country", "admin1", "admin2", "city"):
        s += W_FEATURE if place.kind == m.feature else 0.0
    if m.container is not None:
        outer = mentions[m.container]
        inside = [o for o in ([outer.choice] if outer.choice else outer.candidates) if contains(o, place)]
        s += W_CONTAINER if inside else -W_CONTAINER / 3
    if near_points and place.kind == "city":
        closest = min(haversine_km(place.latitude, place.longitude, lat, lon) for lat, lon in near_points)
        s += W_NEAR if closest < 50 else W_NEAR * 0.6 if closest < 200 else W_NEAR * 0.3 if closest < 600 else 0.0
    return s


def resolve(mentions: list[Mention], demonyms: dict[str, float] | None = None, passes: int = 2) -> list[str]:
    """Set `choice` on every mention; return the article's countries, most salient first."""
    demonyms = demonyms or {}
    for _ in range(passes):
        countries = _normalised(country_salience(mentions, demonyms))
        admin1s = _normalised(_admin1_salience(mentions))
        # containers first, so "Paris, Texas" can read the chosen Texas
        order = sorted(range(len(mentions)), key=lambda i: mentions[i].container is not None)
        for i in order:
            m = mentions[i]
            if not m.candidates:
                m.choice = None
                continue
            key = name_key(m.text)
            near = [(o.choice.latitude, o.choice.longitude) for o in mentions
                    if o.choice is not None and o.choice.kind == "city" and name_key(o.text) != key]
            best = max(m.candidates, key=lambda p: score(m, p, countries, admin1s, mentions, near))
            if m.feature == "facility" and countries.get(best.country_code, 0.0) < 0.3:
                best = None  # a facility named after a place elsewhere is not that place
            m.choice = best
    ranked = country_salience(mentions, demonyms)
    return [code for code, _ in ranked.most_common() if code]
