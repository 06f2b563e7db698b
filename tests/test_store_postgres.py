"""The store on PostgreSQL: the same schema, migrations and behaviour as on SQLite, and many writers.

Runs against the throwaway server of the `postgres_server` fixture (conftest.py), a fresh
database per test; skips, saying why, where PostgreSQL is not installed.
"""
from __future__ import annotations

import copy
import csv
import os
import subprocess
import sys
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect, select

from warlog.ingest import read_bytes, read_paths
from warlog.model import Article, Event, Extraction
from warlog.pipeline import extract_article
from warlog.store import SCHEMA_VERSION, Store, migrations, rows, schema
from warlog.store.engine import database_url, make_engine

from conftest import SEED, need
from postgres import at_once, differing_fields, snapshot
from test_reconcile import REWRITE, scraped_again
from test_store import bombing_extraction, news_extraction, span

PUBLISHED = "2016-06-22"
# The Mogadishu bombing of test_store as a second outlet tells it, written for this test.
RETOLD = ("Seven people died on Saturday when a car bomb went off beside a Mogadishu checkpoint, "
          "police said, in an attack later claimed by Al Shabaab.")


@pytest.fixture
def pg_url(postgres_server):
    """A fresh, empty database on the session's server, dropped afterwards."""
    url = postgres_server.create_database()
    yield url
    postgres_server.drop_database(url)


@pytest.fixture
def pg(pg_url):
    with Store(pg_url) as store:
        yield store


def retold_extraction() -> Extraction:
    article = Article(text=RETOLD, source="Coast Radio", published=date(2024, 6, 2))
    event = Event(article_id=article.id, event_date=date(2024, 6, 1), event_type="Explosions/Remote violence",
                  sub_event_type="Remote explosive/landmine/IED", actor1="Al Shabaab", country="Somalia",
                  country_code="SO", location="Mogadishu", fatalities=7, fatalities_low=7, trigger="went off",
                  evidence=[span(article, "a car bomb went off")])
    return Extraction(article, [event])


# -- URLs and migrations ---------------------------------------------------------------------

def test_postgres_urls_use_psycopg_3():
    for given in ("postgresql://u@h:5432/d", "postgres://u@h:5432/d", "postgresql+psycopg://u@h:5432/d"):
        assert database_url(given) == "postgresql+psycopg://u@h:5432/d"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"
    assert make_engine("postgres://u:secret@h/d").dialect.driver == "psycopg"


def test_migrations_from_empty(pg_url):
    with Store(pg_url) as store:
        assert store.version == SCHEMA_VERSION == migrations.LATEST
        with store.engine.connect() as conn:
            versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
            tables = set(inspect(conn).get_table_names())
            indexes = {i["name"] for i in inspect(conn).get_indexes("events")}
            columns = {c["name"]: c["type"] for c in inspect(conn).get_columns("events")}
    assert versions == list(range(1, migrations.LATEST + 1))
    assert set(schema.metadata.tables) <= tables and "ix_events_event_date" in indexes
    assert str(columns["event_date"]) == "DATE" and str(columns["is_historical"]) == "BOOLEAN"
    with Store(pg_url) as again:  # reopening migrates nothing
        assert again.version == migrations.LATEST


# (upgrading old databases, failed and too-new migrations: test_store.py, on both backends)


# -- the same records as SQLite --------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_stories():
    """The seed article (published 2016-06-22), the seed as another site scraped it, a short rewrite."""
    seed = next(a for a in read_paths([need(SEED)], published=PUBLISHED) if isinstance(a, Article))
    scraped = read_bytes(scraped_again(seed), "copy.html", kind="html")
    rewrite = read_bytes(REWRITE.encode(), "rewrite.txt", kind="text", published=date(2016, 6, 22))
    articles = [seed] + [next(a for a in items if isinstance(a, Article)) for items in (scraped, rewrite)]
    return [extract_article(a) for a in articles]


def test_hand_made_records_come_back_as_from_sqlite(pg, tmp_path):
    with Store(tmp_path / "same.db") as lite:
        for store in (lite, pg):
            for extraction in (news_extraction(), bombing_extraction(), retold_extraction()):
                assert store.save(extraction).status == "stored"
        assert snapshot(pg) == snapshot(lite)
    original = news_extraction()
    assert {e.id: e for e in pg.events(historical=None, article_id=original.article.id)} == {
        e.id: e for e in original.events}
    assert isinstance(pg.events()[0].civilian_targeting, bool)
    assert pg.claims(event_id=original.events[0].id) == original.claims[:1]
    assert pg.claims()[1].value == [5, 6]


def test_seed_extraction_matches_sqlite_field_by_field(pg, tmp_path, seed_stories):
    with Store(tmp_path / "seed.db") as lite:
        for store in (lite, pg):
            for extraction in seed_stories:
                assert store.save(copy.deepcopy(extraction)).status == "stored"
        expected, got = snapshot(lite), snapshot(pg)
    assert len(got["events"]) >= 3 and any(ev.evidence for ev in got["events"])
    assert differing_fields(got["events"], expected["events"]) == []
    assert got == expected
    # reconciliation: the seed, its scraped copy and the rewrite tell one Sirte battle
    sirte = [e for e in got["events"] if e.country_code == "LY" and e.event_type == "Battles"]
    assert len(sirte) == 1 and len(got["reports"][sirte[0].id]) == 3
    assert (sirte[0].fatalities, sirte[0].injured) == (36, 140)


def test_same_article_twice_is_a_duplicate(pg):
    assert pg.save(news_extraction()).status == "stored"
    before = pg.counts()
    again = news_extraction()
    again.article.origin = "mirror/copy.txt"
    outcome = pg.save(again)
    assert (outcome.status, outcome.origin) == ("duplicate", "mirror/copy.txt") and "already stored" in outcome.reason
    assert pg.counts() == before


def test_two_reports_of_one_event_make_one_event(pg):
    first, second = bombing_extraction(), retold_extraction()
    assert pg.save(first).status == pg.save(second).status == "stored"
    events = pg.events()
    assert len(events) == 1 and events[0].id == first.events[0].id
    assert {a.id for a in pg.reports(events[0].id)} == {first.article.id, second.article.id}
    assert {ev.article_id for ev in events[0].evidence} == {first.article.id, second.article.id}


def test_filters_agree_with_sqlite(pg, tmp_path):
    filter_sets = [dict(), dict(historical=True), dict(historical=None), dict(country="ukraine"), dict(country="UA"),
                   dict(event_type="explosions/remote violence"), dict(sub_event_type="ARRESTS"),
                   dict(date_from="2024-05-15"), dict(date_from=date(2024, 5, 1), date_to=date(2024, 5, 31)),
                   dict(actor="RUSSIA"), dict(actor="students"), dict(actor="civilians", historical=None),
                   dict(text="market"), dict(text="MOGADISHU"), dict(limit=2), dict(actor="%"), dict(text="_"),
                   dict(country="Ukraine' OR '1'='1")]
    with Store(tmp_path / "filters.db") as lite:
        for store in (lite, pg):
            store.save(news_extraction())
            store.save(bombing_extraction())
        for filters in filter_sets:
            assert [e.id for e in pg.events(**filters)] == [e.id for e in lite.events(**filters)], filters
        assert pg.claims(subject="kharkiv", attribute="KILLED") == lite.claims(subject="kharkiv", attribute="KILLED")
    assert [e.location for e in pg.events(country="ukraine")] == ["Kharkiv"]
    may = pg.events(date_from=date(2024, 5, 1), date_to=date(2024, 5, 31))
    assert [e.location for e in may] == ["Kharkiv", "Lagos"]


# -- failures leave nothing ------------------------------------------------------------------

def test_failure_midway_leaves_nothing(pg, monkeypatch):
    def broken_claim_row(claim, article_id):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(rows, "claim_row", broken_claim_row)
    with pytest.raises(RuntimeError):
        pg.save(news_extraction())
    assert pg.counts() == {"articles": 0, "events": 0, "evidence": 0, "claims": 0}


def test_a_row_postgres_refuses_fails_the_whole_article(pg):
    """PostgreSQL enforces column lengths SQLite ignores: the article fails and nothing of it stays."""
    extraction = news_extraction()
    extraction.events[1].country_code = "NGA"  # alpha-3 in a two-letter column
    outcome = pg.save(extraction)
    assert outcome.status == "failed" and "DataError" in outcome.reason
    assert pg.counts() == {"articles": 0, "events": 0, "evidence": 0, "claims": 0}
    with pg.engine.connect() as conn:
        assert conn.execute(select(schema.event_reports)).all() == []
    assert pg.save(news_extraction()).status == "stored"


# -- many writers ----------------------------------------------------------------------------

def test_fresh_database_opened_by_many_at_once(pg_url):
    def open_store(_i):
        with Store(pg_url) as store:
            return store.version

    assert at_once(open_store, 4) == [migrations.LATEST] * 4


def test_same_article_saved_by_many_at_once(pg_url):
    Store(pg_url).close()
    stores = [Store(pg_url) for _ in range(4)]
    try:
        outcomes = at_once(lambda i: stores[i].save(news_extraction()), 4)
        assert sorted(o.status for o in outcomes) == ["duplicate", "duplicate", "duplicate", "stored"]
        assert stores[0].counts() == {"articles": 1, "events": 3, "evidence": 6, "claims": 2}
    finally:
        for store in stores:
            store.close()


def test_two_reports_saved_at_once_make_one_event(pg_url):
    Store(pg_url).close()
    stores = [Store(pg_url) for _ in range(2)]
    try:
        stories = [bombing_extraction(), retold_extraction()]
        outcomes = at_once(lambda i: stores[i].save(stories[i]), 2)
        assert [o.status for o in outcomes] == ["stored", "stored"]
        events = stores[0].events()
        assert len(events) == 1 and len(stores[0].reports(events[0].id)) == 2
    finally:
        for store in stores:
            store.close()


# -- the command line and the API on PostgreSQL ----------------------------------------------

def warlog(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "warlog.cli", *args], check=False, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "COLUMNS": "250"})
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_cli_extract_events_export_on_postgres(pg_url, tmp_path):
    story, mirror = tmp_path / "bombing.txt", tmp_path / "mirror.txt"
    for path in (story, mirror):  # one story, two files: stored once
        path.write_text(RETOLD + "\n", encoding="utf-8")
    assert "1 stored, 1 duplicate" in warlog("extract", str(story), str(mirror), "--db", pg_url,
                                             "--published", "2024-06-02")
    table = warlog("events", "--db", pg_url.replace("postgresql", "postgres", 1))
    with Store(pg_url) as store:
        events = store.events()
    assert events and all(e.location in table for e in events if e.location)
    assert "Mogadishu" in table
    out = tmp_path / "events.csv"
    warlog("export", "--db", pg_url, "--format", "csv", "--output", str(out))
    with out.open(newline="", encoding="utf-8") as handle:
        exported = list(csv.DictReader(handle))
    assert len(exported) == len(events) and exported[0]["country"] == "Somalia"


def test_api_serves_a_postgres_store(pg_url):
    from warlog.api.app import create_app

    with Store(pg_url) as store:
        store.save(bombing_extraction())
        store.save(retold_extraction())
    with TestClient(create_app(pg_url)) as client:
        page = client.get("/api/events", params={"country": "somalia"}).json()
        assert page["total"] == 1 and page["items"][0]["location"] == "Mogadishu"
        detail = client.get(f"/api/events/{page['items'][0]['id']}").json()
        assert len(detail["reports"]) == 2


def test_printed_urls_hide_the_password():
    from warlog.store.engine import shown_url

    assert "s3cret" not in shown_url("postgresql://warlog:s3cret@db.example:5432/warlog")
    assert shown_url("postgresql://warlog:s3cret@db.example:5432/warlog").startswith("postgresql://warlog:")
    assert shown_url("warlog.db") == "warlog.db"
