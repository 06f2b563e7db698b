"""How well a gazetteer place fits a toponym: the parts of the score `resolve` maximises.

`own_fit` is what a reading is by itself (population, own name or alternate, kind, the
other names of the article with a reading close by: `Colocation`); `context_fit` adds what the
article's chosen places say (its countries and divisions, an explicit container, closeness
to the other chosen places).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property

from warlog.resolve.gazetteer import Place
from warlog.resolve.gazetteer_names import name_key
from warlog.resolve.geo import EARTH_RADIUS_KM, haversine_km

W_POPULATION = 0.35  # per decade of population
W_COUNTRY = 3.0  # candidate in the article's most salient country
W_ADMIN1 = 2.5  # candidate in the article's most salient first-level division
W_CONTAINER = 6.0
W_FEATURE = 4.0
W_NEAR = 1.5
W_COLOCATED = 1.2  # per other name with a reading close by (at most MAX_COLOCATED names)
MAX_COLOCATED = 3
CELL_DEG = 0.25  # grid for "close by": the 3 x 3 cells around a point, about 25-80 km
W_OWN_NAME = 1.0  # the text is the place's own name, not one of its alternate names
W_CAPITAL = 3.0  # more for a national capital, by its own name, in the article's countries ("Washington" in a US story)
W_DOMINANT = 2.0  # the reading at least DOMINANCE times more populous than any other ("Moscow")
DOMINANCE = 30  # ("Derna": Darnah, Libya, by an alternate name, over a Romanian village of that name)
SEAT_EDGE = 0.5  # a city over the division named after it
NAME_PRIOR = {"country": 3.0, "continent": 3.0, "admin1": 0.8, "admin2": -0.5, "city": 0.0}


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
    named: Place | None = field(default=None, repr=False)  # the place a facility is named after

    @cached_property
    def dominant(self) -> frozenset[int]:
        """ids of the reading that dwarfs all others by population, if any, and of its
        namesakes in the same first-level division (Moscow the city and Moscow the federal
        city are one place, and do not compete with each other for dominance)."""
        if not self.candidates:
            return frozenset()
        top = max(self.candidates, key=lambda p: p.population)
        same = [p for p in self.candidates if p.country_code == top.country_code
                and (p.admin1 or p.name) == (top.admin1 or top.name) and p.kind != "country"]
        others = [p.population for p in self.candidates if p not in same and p is not top]
        if others and top.population < DOMINANCE * max(max(others), 1):
            return frozenset()
        return frozenset(id(p) for p in same) | {id(top)}


def own_name(m: Mention, place: Place) -> bool:
    """Whether the toponym is the place's own name, not one of its alternate names."""
    return name_key(place.name) == name_key(m.text)


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


def _cell(place: Place) -> tuple[int, int]:
    return math.floor(place.latitude / CELL_DEG), math.floor(place.longitude / CELL_DEG)


class Colocation:
    """Which names of an article have a reading near a place, or inside a named division.

    Any reading counts, chosen or not, so "Paris" and "Henry County" pull each other to
    Tennessee together: the readings of different names that lie together are likelier.
    Names of countries and first-level divisions ("Indiana", "Mexico") do not take part, so a
    list of states does not turn into a cluster of small towns named after them.
    """

    def __init__(self, mentions: list[Mention]) -> None:
        self.cells: dict[tuple[int, int], set[str]] = {}
        self.divisions: dict[tuple[str, str, str], set[str]] = {}
        self.region_names: set[str] = set()
        for m in mentions:
            key = name_key(m.text)
            if any(p.kind in ("country", "admin1", "continent") and name_key(p.name) == key for p in m.candidates):
                self.region_names.add(key)
                continue
            for p in m.candidates:
                if p.kind in ("city", "admin2"):
                    self.cells.setdefault(_cell(p), set()).add(key)
                if p.kind in ("admin1", "admin2") and p.admin1:
                    self.divisions.setdefault((p.kind, p.country_code, p.admin2 or p.admin1), set()).add(key)

    def names_near(self, place: Place, own: str) -> int:
        """How many other names (capped) have a reading near `place` or a division holding it."""
        if place.kind not in ("city", "admin2") or own in self.region_names:
            return 0
        i, j = _cell(place)
        names = set().union(*(self.cells.get((i + di, j + dj), ()) for di in (-1, 0, 1) for dj in (-1, 0, 1)))
        names |= self.divisions.get(("admin1", place.country_code, place.admin1 or ""), set())
        if place.kind == "city" and place.admin2:
            names |= self.divisions.get(("admin2", place.country_code, place.admin2), set())
        names.discard(own)
        return min(len(names), MAX_COLOCATED)


def own_fit(m: Mention, place: Place, colocated: int = 0) -> float:
    """The part of the fit that does not change while the article's choices do: population,
    own name, kind and the other names with a reading close by."""
    exact = own_name(m, place)
    s = W_POPULATION * math.log10(place.population + 10) + W_COLOCATED * colocated * exact  # own names only
    s += W_DOMINANT * (id(place) in m.dominant)
    s += NAME_PRIOR.get(place.kind, 0.0) if exact or place.kind in ("admin1", "admin2") else 0.0
    s += W_OWN_NAME * exact
    if place.kind == "admin1" and _has_seat(m, place):
        s -= NAME_PRIOR["admin1"] + SEAT_EDGE  # "in Tripoli", "in Aleppo": the city, unless called a province
    if not exact and place.kind in ("country", "continent"):
        s += 1.0  # a country's alternate spelling ("U.S.", "Britain") is still a country
    return s


def _has_seat(m: Mention, division: Place) -> bool:
    """Whether a division shares its name with a city inside it (its seat) among the readings."""
    key = name_key(division.name)
    return any(c.kind == "city" and c.country_code == division.country_code and c.admin1 == division.admin1
               and name_key(c.name) == key for c in m.candidates)


def context_fit(m: Mention, place: Place, s: float, countries: dict, admin1s: dict, mentions: list[Mention],
                 near: float | None, capital: bool = False) -> float:
    """`s` plus what the rest of the article says of `place`: countries (more for the country's
    capital), divisions, containers, and `near`, the bonus for lying close to the other places
    chosen (None: not a city, or none)."""
    capital = capital and own_name(m, place)  # "Mexico" is not Mexico City
    s += (W_COUNTRY + W_CAPITAL * capital) * countries.get(place.country_code, 0.0)
    s += W_ADMIN1 * admin1s.get((place.country_code, place.admin1), 0.0) * (place.kind != "country")
    if m.feature in ("country", "admin1", "admin2", "city"):
        s += W_FEATURE if place.kind == m.feature else 0.0
    if m.container is not None:
        outer = mentions[m.container]
        inside = [o for o in ([outer.choice] if outer.choice else outer.candidates) if contains(o, place)]
        s += W_CONTAINER if inside else -W_CONTAINER / 3
    if near is not None:
        s += near
    return s


def near_bonus(place: Place, near_points) -> float:
    """More the closer `place` lies to one of the places chosen for the article's other names."""
    closest = _closest_km(place, near_points)
    return W_NEAR if closest < 50 else W_NEAR * 0.6 if closest < 200 else W_NEAR * 0.3 if closest < 600 else 0.0


_FAR_KM = 600.0  # beyond this another place adds nothing
_KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180


def _closest_km(place: Place, points) -> float:
    """Distance to the closest point, or infinity when none is within `_FAR_KM`.

    The latitude difference alone bounds the distance from below, so far points cost no
    trigonometry."""
    closest, lat0, lon0 = math.inf, place.latitude, place.longitude
    for lat, lon in points:
        if abs(lat - lat0) * _KM_PER_DEGREE < _FAR_KM:
            closest = min(closest, haversine_km(lat0, lon0, lat, lon))
            if closest < 50:
                break
    return closest
