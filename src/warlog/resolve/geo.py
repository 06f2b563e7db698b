"""Small geographic helpers: great-circle distance and centroids."""
from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

EARTH_RADIUS_KM = 6371.0088
#: Half the Earth's circumference: the error given to a toponym left unresolved.
MAX_ERROR_KM = 20039.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def mean_point(points: Iterable[tuple[float, float]]) -> tuple[float, float]:
    """Centroid of points on the sphere (mean of unit vectors), as (lat, lon) in degrees."""
    x = y = z = 0.0
    n = 0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
        n += 1
    if not n:
        raise ValueError("mean_point of no points")
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def _planar_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(|area|, y, x) of a closed or open ring of (x, y) points (shoelace formula)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not area:
        return 0.0, ring[0][1], ring[0][0]
    return abs(area / 2), cy / (3 * area), cx / (3 * area)


def ring_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(area in km², lat, lon) of a polygon ring of (lon, lat) points, in an equal-area projection."""
    lon0 = sum(p[0] for p in ring) / len(ring)
    projected = [((lon - lon0) * math.cos(math.radians(lat)), lat) for lon, lat in ring]
    area, lat, x = _planar_centroid(projected)
    km_per_degree = math.pi * EARTH_RADIUS_KM / 180
    return area * km_per_degree ** 2, lat, lon0 + x / max(math.cos(math.radians(lat)), 1e-6)


def landmass_point(rings: list[list[tuple[float, float]]], min_share: float = 0.3) -> tuple[float, float]:
    """A country's point: the area-weighted centre of its main landmasses.

    Rings (outer boundaries, (lon, lat) points) of at least `min_share` of the largest
    landmass's area count, so far islands and overseas parts do not pull the point off the
    mainland. Rings cut by the antimeridian are joined back into one landmass first.
    """
    east = [r for r in rings if max(p[0] for p in r) >= 179.9]
    west = [[(lon + 360, lat) for lon, lat in r] for r in rings if min(p[0] for p in r) <= -179.9]
    groups = [[r] for r in rings if len(r) > 2 and r not in east and min(p[0] for p in r) > -179.9]
    if east or west:
        groups.append([r for r in east + west if len(r) > 2])
    parts = []
    for group in groups:
        pieces = [ring_centroid(r) for r in group]
        area = sum(a for a, _, _ in pieces)
        if area > 0:
            parts.append((area, _weighted_mean([(a, (lat, lon)) for a, lat, lon in pieces])))
    if not parts:
        raise ValueError("landmass_point of no rings")
    biggest = max(a for a, _ in parts)
    return _weighted_mean([(a, point) for a, point in parts if a >= min_share * biggest])


def _weighted_mean(weighted: list[tuple[float, tuple[float, float]]]) -> tuple[float, float]:
    x = y = z = 0.0
    for w, (lat, lon) in weighted:
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def covered_area_centre(points: Iterable[tuple[float, float]], cell_deg: float = 0.5,
                        min_fill: float = 0.3) -> tuple[float, float]:
    """Centre of the area a set of towns covers: the mean of the grid cells holding one.

    Stands in for a division's polygon centroid when only its towns are known; unlike the
    mean of the towns it is not pulled toward where they crowd. When the towns fill less than
    `min_fill` of the cells of their bounding box (a vast, thinly settled region such as
    Ontario or Queensland, whose empty north no town marks), the box's centre is used instead.
    """
    points = list(points)
    cells = {(math.floor(lat / cell_deg), math.floor(lon / cell_deg)) for lat, lon in points}
    rows = max(i for i, _ in cells) - min(i for i, _ in cells) + 1
    cols = max(j for _, j in cells) - min(j for _, j in cells) + 1
    if len(cells) < min_fill * rows * cols:
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    return mean_point(((i + 0.5) * cell_deg, (j + 0.5) * cell_deg) for i, j in cells)


def _inside(rings: list[np.ndarray], lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Which points lie inside any of the rings ((lon, lat) vertex arrays), by the even-odd rule."""
    found = np.zeros(lon.shape, bool)
    for ring in rings:
        x0, y0 = ring[:, 0], ring[:, 1]
        box = (lon >= x0.min()) & (lon <= x0.max()) & (lat >= y0.min()) & (lat <= y0.max())
        if not box.any():
            continue
        px, py = lon[box], lat[box]
        odd = np.zeros(px.shape, bool)
        for xa, ya, xb, yb in zip(x0, y0, np.roll(x0, -1), np.roll(y0, -1)):
            if ya != yb:
                odd ^= ((ya > py) != (yb > py)) & (px < (xb - xa) * (py - ya) / (yb - ya) + xa)
        found[box] |= odd
    return found


def land_shares(rings: list[list[tuple[float, float]]], points: list[tuple[float, float]], labels: list,
                cells: int = 20_000, min_cells: int = 4) -> dict:
    """Centre and area of each label's share of a country's land: {label: (lat, lon, km²)}.

    The country's outline (rings of (lon, lat) points) is cut into about `cells` grid cells,
    each given to the label of the nearest of `points` ((lat, lon), e.g. a division's towns);
    a label's centre is the mean of its cells. A division's empty hinterland (Ontario's or
    Alaska's north, where no town stands) thus counts as it would in the division's own
    polygon. Labels with fewer than `min_cells` cells are left out (too small to tell).
    """
    from scipy.spatial import cKDTree

    arrays = [np.asarray(r, dtype=float) for r in rings if len(r) > 2]
    if not arrays or not points:
        return {}
    every = np.vstack(arrays)
    west, east, south, north = every[:, 0].min(), every[:, 0].max(), every[:, 1].min(), every[:, 1].max()
    step = min(0.5, max(0.02, math.sqrt(max((east - west) * (north - south), 1e-6) / cells)))
    lon, lat = (g.ravel() for g in np.meshgrid(np.arange(west + step / 2, east, step),
                                               np.arange(south + step / 2, north, step)))
    land = _inside(arrays, lon, lat)
    lon, lat = lon[land], lat[land]
    if not len(lon):
        return {}
    towns = np.asarray(points, dtype=float)
    squeeze = math.cos(math.radians(float(towns[:, 0].mean())))  # degrees of longitude are shorter
    _, nearest = cKDTree(np.c_[towns[:, 0], towns[:, 1] * squeeze]).query(np.c_[lat, lon * squeeze])
    members: dict = {}
    for k, la, lo in zip(nearest.tolist(), lat.tolist(), lon.tolist()):
        members.setdefault(labels[k], []).append((la, lo))
    km_per_degree = math.pi * EARTH_RADIUS_KM / 180
    return {label: (*mean_point(cells_of), sum(math.cos(math.radians(la)) for la, _ in cells_of)
                    * (step * km_per_degree) ** 2)
            for label, cells_of in members.items() if len(cells_of) >= min_cells}
