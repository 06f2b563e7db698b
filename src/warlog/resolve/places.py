"""Choose one gazetteer place for each toponym of a document.

Each candidate gets a score from: its population (log), with a bonus for a reading that
dwarfs all others ("Moscow"); the article's country and first-level-division context
(countries, demonyms and divisions named by the *other* names of the article, a repeated
name damped, so no name votes for itself); an explicit container ("Raqqa, Syria", "Libya's
coastal city of Sirte", "Dayton, Ohio"); feature words ("Anbar province" -> a division,
"the town of Manbij" -> a city); other names with a reading close by, chosen or not
("Paris" and "Henry County" both in Tennessee); closeness to the other resolved places; and
a prior for country names. A toponym that only names a facility ("the Ouagadougou
convention center") is resolved only when it fits the article's context (`named` keeps the
place it is named after). Resolution repeats until the choices settle (at most `passes` times),
each pass reading the places the one before chose.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from warlog.resolve.gazetteer import Place
from warlog.resolve.gazetteer_names import name_key
from warlog.resolve.geo import haversine_km

W_POPULATION = 0.35  # per decade of population
W_COUNTRY = 3.0  # candidate in the article's most salient country
W_ADMIN1 = 2.5  # candidate in the article's most salient first-level division
W_CONTAINER = 6.0
W_FEATURE = 4.0
W_NEAR = 1.5
W_COLOCATED = 1.2  # per other name with a reading close by (at most MAX_COLOCATED names)
MAX_COLOCATED = 3
CELL_DEG = 0.25  # grid for "close by": the 3 x 3 cells around a point, about 25-80 km
W_OWN_NAME = 1.0
W_DOMINANT = 2.0  # the reading at least DOMINANCE times more populous than any other ("Moscow")
DOMINANCE = 100  # the text is the place's own name, not one of its alternate names
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
    named: Place | None = field(default=None, repr=False)  # the place a facility is named after

    @cached_property
    def dominant(self) -> Place | None:
        """The reading that dwarfs all others by population, if any."""
        ranked = sorted(self.candidates, key=lambda p: p.population, reverse=True)[:2]
        if len(ranked) == 2 and ranked[0].population >= DOMINANCE * max(ranked[1].population, 1):
            return ranked[0]
        return ranked[0] if len(ranked) == 1 else None


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
    return {k: v / top for k, v in counter.items() if v > 1e-9} if top > 1e-9 else {}


def country_salience(mentions: list[Mention], demonyms: dict[str, float]) -> Counter:
    """Weighted country codes: unambiguous country names, demonyms and chosen places."""
    weights = Counter(demonyms)
    for m in mentions:
        weights.update(_evidence(m)[0])
    return weights


def _only_country(m: Mention) -> Place | None:
    """The one country a name can mean, unless a division abroad has that name ("Georgia")."""
    key = name_key(m.text)
    countries = [p for p in m.candidates if p.kind == "country"]  # by name or alias ("America")
    if len(countries) == 1 and not any(p.kind == "admin1" and name_key(p.name) == key
                                       and p.country_code != countries[0].country_code for p in m.candidates):
        return countries[0]
    return m.candidates[0] if len(m.candidates) == 1 and m.candidates[0].kind in _ADMIN_KINDS else None


def _evidence(m: Mention) -> tuple[Counter, Counter]:
    """What one mention says about the article's countries and first-level divisions."""
    countries: Counter = Counter()
    admin1s: Counter = Counter()
    place = m.choice
    if place is None:
        place = _only_country(m)
        admins = {(p.country_code, p.admin1) for p in m.candidates if p.kind == "admin1"}
        if place is None and len(admins) == 1 and len(m.candidates) <= 3:
            admin1s[admins.pop()] += m.weight
    if place is not None and place.country_code:
        countries[place.country_code] += m.weight * (1.0 if place.kind == "country" else 0.5)
        if place.admin1 and place.kind != "country":
            admin1s[(place.country_code, place.admin1)] += m.weight * (1.0 if place.kind == "admin1" else 0.5)
    return countries, admin1s


def _damped(counter: Counter, n: int) -> Counter:
    """A name said n times weighs 1 + ln(n) times a name said once, not n times."""
    factor = (1 + math.log(n)) / n
    return Counter({k: v * factor for k, v in counter.items()})


def context_by_name(mentions: list[Mention], demonyms: dict[str, float]) -> dict[str, tuple[dict, dict]]:
    """For each toponym name, the (country, admin1) salience of the *other* names in the article.

    A name never votes for itself, so a name said a dozen times ("Dublin") cannot lock in
    its own most populous reading; repeated names are damped the same way.
    """
    per_name: dict[str, tuple[Counter, Counter]] = {}
    counts: Counter = Counter(name_key(m.text) for m in mentions)
    for m in mentions:
        countries, admin1s = _evidence(m)
        key = name_key(m.text)
        total = per_name.setdefault(key, (Counter(), Counter()))
        total[0].update(countries)
        total[1].update(admin1s)
    all_countries, all_admin1s = Counter(demonyms), Counter()
    for key, (countries, admin1s) in per_name.items():
        all_countries.update(_damped(countries, counts[key]))
        all_admin1s.update(_damped(admin1s, counts[key]))
    out = {}
    for key, (countries, admin1s) in per_name.items():
        own_c, own_a = _damped(countries, counts[key]), _damped(admin1s, counts[key])
        out[key] = (_normalised(Counter({k: v - own_c.get(k, 0.0) for k, v in all_countries.items()})),
                    _normalised(Counter({k: v - own_a.get(k, 0.0) for k, v in all_admin1s.items()})))
    return out


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


def score(m: Mention, place: Place, countries: dict, admin1s: dict, mentions: list[Mention],
          near_points: list[tuple[float, float]], colocated: int = 0) -> float:
    """How well `place` fits mention `m` in its document (higher is better)."""
    exact = name_key(place.name) == name_key(m.text)
    s = W_POPULATION * math.log10(place.population + 10) + W_COLOCATED * colocated * exact  # own names only
    s += W_DOMINANT * (place is m.dominant)
    s += NAME_PRIOR.get(place.kind, 0.0) if exact or place.kind in ("admin1", "admin2") else 0.0
    s += W_OWN_NAME * exact
    if not exact and place.kind in ("country", "continent"):
        s += 1.0  # a country's alternate spelling ("U.S.", "Britain") is still a country
    s += W_COUNTRY * countries.get(place.country_code, 0.0)
    s += W_ADMIN1 * admin1s.get((place.country_code, place.admin1), 0.0) * (place.kind != "country")
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


SMALL_FOREIGN = 20_000  # below this, a place outside the story's countries is taken for a homonym


def resolve(mentions: list[Mention], demonyms: dict[str, float] | None = None, passes: int = 4) -> list[str]:
    """Set `choice` on every mention; return the article's countries, most salient first."""
    demonyms = demonyms or {}
    colocation = Colocation(mentions)
    for _ in range(passes):  # until the choices settle
        before = [m.choice for m in mentions]
        context = context_by_name(mentions, demonyms)
        # containers first, so "Paris, Texas" can read the chosen Texas
        order = sorted(range(len(mentions)), key=lambda i: mentions[i].container is not None)
        for i in order:
            m = mentions[i]
            if not m.candidates:
                m.choice = None
                continue
            key = name_key(m.text)
            countries, admin1s = context[key]
            near = [(o.choice.latitude, o.choice.longitude) for o in mentions
                    if o.choice is not None and o.choice.kind == "city" and name_key(o.text) != key]
            best = max(m.candidates, key=lambda p: score(m, p, countries, admin1s, mentions, near,
                                                         colocation.names_near(p, key)))
            m.named = best
            outer = mentions[m.container].choice if m.container is not None else None
            if outer is not None and outer.kind in ("admin1", "admin2") and best.country_code != outer.country_code:
                best = outer  # "Palma in Cabo Delgado": a town the gazetteer lacks, in the division named
            if m.feature == "facility" and countries.get(best.country_code, 0.0) < 0.3:
                best = None  # a facility named after a place elsewhere is not that place
            elif best.kind == "city" and best.population < SMALL_FOREIGN and countries \
                    and countries.get(best.country_code, 0.0) == 0.0 and max(countries.values()) >= 0.5:
                best = None  # a village abroad that shares a name, in a story set in another country
            m.choice = best
        if [m.choice for m in mentions] == before:
            break
    ranked = country_salience(mentions, demonyms)
    return [code for code, _ in ranked.most_common() if code]
