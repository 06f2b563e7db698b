"""Export: ACLED column mapping and the csv, json, geojson and parquet writers."""
from __future__ import annotations

import csv
import io
import json
import os
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from warlog import export
from warlog.columns import COLUMNS
from warlog.model import Article, Event, Evidence, Extraction
from warlog.store import Store

FIRST = ("Gunmen stormed a village in Zamfara state overnight, killing nine farmers and abducting "
         "dozens more, residents said.")
SECOND = "Nine farmers died and at least 30 people were taken when bandits raided the village in Zamfara."
PROTEST = "Several thousand people marched through central Tbilisi on Sunday against the new media law."


def span(article: Article, words: str, field: str = "event") -> Evidence:
    start = article.text.index(words)
    return Evidence(article.id, 0, start, start + len(words), words, field)


@pytest.fixture
def articles() -> list[Article]:
    return [Article(FIRST, source="Sahel Monitor", published=date(2024, 2, 12)),
            Article(SECOND, source="Northern Courier", published=date(2024, 2, 12)),
            Article(PROTEST, source="Caucasus Desk", published=date(2024, 4, 15))]


@pytest.fixture
def events(articles) -> list[Event]:
    first, second, protest = articles
    raid = Event(
        article_id=first.id, event_date=date(2024, 2, 11), event_type="Violence against civilians",
        sub_event_type="Attack", actor1="Unidentified Armed Group (Nigeria)", actor2="Civilians (Nigeria)",
        inter1=3, inter2=7, interaction=37, civilian_targeting=True, country="Nigeria", country_code="NG",
        admin1="Zamfara", location="Zamfara", latitude=12.1222, longitude=6.2236, geo_precision=3,
        fatalities=9, fatalities_low=9, fatalities_high=9, trigger="stormed",
        notes=FIRST, evidence=[span(first, "Gunmen stormed a village"), span(first, "killing nine farmers", "fatalities"),
                               span(second, "bandits raided the village")])
    march = Event(
        article_id=protest.id, event_date=date(2024, 4, 14), event_type="Protests",
        sub_event_type="Peaceful protest", actor1="Protesters (Georgia)", inter1=6, interaction=60,
        country="Georgia", country_code="GE", location="Tbilisi", trigger="marched",
        evidence=[span(protest, "people marched through central Tbilisi")])
    remembered = Event(
        article_id=first.id, event_date=date(2011, 1, 1), time_precision=3, event_type="Battles",
        sub_event_type="Armed clash", country_code="NG", is_historical=True, trigger="clash",
        latitude=12.0, longitude=6.0)
    return [raid, march, remembered]


def test_event_row_maps_acled_columns(events, articles):
    by_id = {a.id: a for a in articles}
    raid, march, remembered = (export.event_row(e, by_id, timestamp=1717000000) for e in events)
    assert list(raid) == COLUMNS
    assert raid["event_id_cnty"].startswith("NGA") and raid["event_id_cnty"][3:].isdigit()
    assert raid["event_id_cnty"] == export.event_row(events[0])["event_id_cnty"]  # stable
    assert raid["event_id_cnty"] != remembered["event_id_cnty"]
    assert (raid["event_date"], raid["year"], raid["disorder_type"]) == ("2024-02-11", 2024, "Political violence")
    assert (raid["civilian_targeting"], raid["iso"], raid["region"]) == ("Civilian targeting", 566, "Western Africa")
    assert raid["source"] == "Sahel Monitor; Northern Courier"
    assert raid["article_ids"] == f"{articles[0].id}; {articles[1].id}"
    assert raid["evidence"][1] == {"field": "fatalities", "start": 53, "end": 73, "text": "killing nine farmers"}
    assert (raid["timestamp"], raid["tags"], raid["event_uid"]) == (1717000000, "", events[0].id)
    assert (march["disorder_type"], march["region"], march["civilian_targeting"]) == (
        "Demonstrations", "Caucasus and Central Asia", "")
    assert march["event_id_cnty"].startswith("GEO") and march["iso"] == 268
    assert remembered["tags"] == "historical" and remembered["country"] == "Nigeria"  # name from the code
    assert export.event_row(Event(article_id="a1", trigger="x"))["event_id_cnty"].startswith("XXX")


def test_regions_follow_the_country():
    assert [export.region_of(c) for c in ("IQ", "ua", "MX", "HT", "CD", "TH", "PK", "NZ", "ZZ", None)] == [
        "Middle East", "Europe", "Central America", "Caribbean", "Middle Africa", "Southeast Asia",
        "South Asia", "Oceania", "", ""]


def test_csv_has_the_columns_in_order(tmp_path, events, articles):
    path = tmp_path / "out" / "events.csv"
    assert export.write(events, "csv", path, articles=articles) == 3
    with path.open(newline="", encoding="utf-8") as fh:
        table = list(csv.reader(fh))
    assert table[0] == COLUMNS and len(table) == 4
    raid = dict(zip(COLUMNS, table[1]))
    assert raid["fatalities"] == "9" and raid["source"] == "Sahel Monitor; Northern Courier"
    assert json.loads(raid["evidence"])[0]["text"] == "Gunmen stormed a village"
    assert dict(zip(COLUMNS, table[2]))["latitude"] == ""


def test_json_keeps_evidence_as_a_list(tmp_path, events):
    path = tmp_path / "events.json"
    assert export.write(events, "JSON", path) == 3
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [list(r) for r in data] == [COLUMNS] * 3
    assert data[0]["evidence"][2]["text"] == "bandits raided the village"
    assert data[1]["latitude"] is None and data[2]["is_historical"] is True


def test_geojson_leaves_out_events_without_coordinates(tmp_path, events):
    path = tmp_path / "events.geojson"
    written = export.write(events, "geojson", path)
    assert written == 2 and written.skipped == 1 and "1 events without coordinates" in written.summary
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 2
    first = data["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [6.2236, 12.1222]}
    assert first["properties"]["location"] == "Zamfara"


def test_parquet_has_explicit_types(tmp_path, events):
    path = tmp_path / "events.parquet"
    assert export.write(events, "parquet", path) == 3
    table = pq.read_table(path)
    assert table.column_names == COLUMNS
    types = {f.name: f.type for f in table.schema}
    assert types["fatalities"] == types["inter2"] == pa.int64()
    assert types["latitude"] == pa.float64() and types["is_historical"] == pa.bool_()
    assert types["event_date"] == pa.date32() and types["notes"] == pa.string()
    rows = table.to_pylist()
    assert rows[1]["inter2"] is None and rows[1]["event_date"] == date(2024, 4, 14)
    assert rows[0]["evidence"][0]["end"] == 24


def test_streams_and_bad_formats(tmp_path, events):
    text = io.StringIO()
    assert export.write(events[:1], "csv", text) == 1
    assert text.getvalue().splitlines()[0] == ",".join(COLUMNS)
    binary = io.BytesIO()
    export.write(events, "parquet", binary)
    assert pq.read_table(pa.BufferReader(binary.getvalue())).num_rows == 3
    with pytest.raises(ValueError, match="binary"):
        export.write(events, "parquet", io.StringIO())
    with pytest.raises(ValueError, match="unknown export format"):
        export.write(events, "xlsx", tmp_path / "events.xlsx")
    assert not (tmp_path / "events.xlsx").exists()


def test_failed_write_keeps_the_old_file(tmp_path, events, monkeypatch):
    path = tmp_path / "events.csv"
    path.write_text("previous export\n")

    def refuse(*args):
        raise OSError("no space left on device")

    monkeypatch.setattr(export.os, "replace", refuse)
    with pytest.raises(OSError):
        export.write(events, "csv", path)
    assert path.read_text() == "previous export\n"
    assert os.listdir(tmp_path) == ["events.csv"]


def test_stored_events_export_with_their_sources(tmp_path, events, articles):
    with Store(tmp_path / "warlog.db") as store:
        store.save(Extraction(articles[2], [events[1]]))
        stored = store.events()
        written = export.write(stored, "json", tmp_path / "stored.json", articles=store.articles())
    assert written == 1
    row = json.loads((tmp_path / "stored.json").read_text())[0]
    assert (row["source"], row["location"], row["event_uid"]) == ("Caucasus Desk", "Tbilisi", events[1].id)
