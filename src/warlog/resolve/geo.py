"""Small geographic helpers: great-circle distance and centroids."""
from __future__ import annotations

import math
from collections.abc import Iterable

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
