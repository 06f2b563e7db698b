"""Store: round trip, duplicates, rollback, filters, migrations, parameterised SQL."""
from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateTable

from warlog.model import Article, Claim, Event, Evidence, Extraction, Outcome
from warlog.store import SCHEMA_VERSION, SchemaTooNewError, Store, migrations, rows, schema
from warlog.store.engine import make_engine

NEWS = ("Two people were killed and five wounded when artillery shells struck a market in Kharkiv "
        "on Tuesday, the regional governor said. In Lagos, police detained 14 protesters outside "
        "the state assembly on Wednesday. Survivors also recalled how militiamen attacked a church "
        "near Butare in April 1994.")
BOMBING = ("A car bomb exploded near a checkpoint in Mogadishu on Saturday, killing at least seven "
           "people, a police officer told reporters.")


def span(article: Article, words: str, field: str = "event", sentence: int = 0) -> Evidence:
    start = article.text.index(words)
    return Evidence(article.id, sentence, start, start + len(words), words, field)


def news_extraction() -> Extraction:
    article = Article(text=NEWS, url="https://news.example.org/2024/05/15/kharkiv", source="Example Wire",
                      title="Market shelled in Kharkiv", published=date(2024, 5, 15),
                      published_from="metadata", origin="examples/kharkiv.txt")
    shelling = Event(
        article_id=article.id, event_date=date(2024, 5, 14), event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", actor1="Military Forces of Russia (2000-)",
        actor2="Civilians (Ukraine)", inter1=8, inter2=7, interaction=78, civilian_targeting=True,
        country="Ukraine", country_code="UA", iso=804, admin1="Kharkivska", location="Kharkiv",
        latitude=49.98081, longitude=36.25272, geo_precision=1, geonameid=706483, fatalities=2,
        fatalities_low=2, fatalities_high=2, injured=5, confidence=0.8, trigger="struck",
        notes=NEWS[:NEWS.index("said.") + 5],
        evidence=[span(article, "artillery shells struck a market"), span(article, "Kharkiv", "location"),
                  span(article, "Two people were killed", "fatalities")])
    arrests = Event(
        article_id=article.id, event_date=date(2024, 5, 15), event_type="Strategic developments",
        sub_event_type="Arrests", actor1="Police Forces of Nigeria (2023-)", actor2="Protesters (Nigeria)",
        assoc_actor_2="Students (Nigeria)", inter1=1, inter2=6, interaction=16, country="Nigeria",
        country_code="NG", iso=566, location="Lagos", trigger="detained", confidence=0.6,
        evidence=[span(article, "police detained 14 protesters", sentence=1)])
    massacre = Event(
        article_id=article.id, event_date=date(1994, 4, 15), time_precision=3,
        date_earliest=date(1994, 4, 1), date_latest=date(1994, 4, 30),
        event_type="Violence against civilians", sub_event_type="Attack", actor1="Militia (Rwanda)",
        actor2="Civilians (Rwanda)", civilian_targeting=True, country="Rwanda", country_code="RW",
        location="Butare", is_historical=True, trigger="attacked",
        evidence=[span(article, "militiamen attacked a church", sentence=2)])
    claim = Claim(subject="Kharkiv", attribute="killed", value=2, source="the regional governor",
                  date=date(2024, 5, 14), evidence=span(article, "Two people were killed", "fatalities"),
                  event_id=shelling.id)
    wounded = Claim(subject="Kharkiv", attribute="injured", value=[5, 6], source=None)
    return Extraction(article, [shelling, arrests, massacre], [claim, wounded])


def bombing_extraction() -> Extraction:
    article = Article(text=BOMBING, source="Horn Daily", published=date(2024, 6, 2))
    event = Event(article_id=article.id, event_date=date(2024, 6, 1), event_type="Explosions/Remote violence",
                  sub_event_type="Remote explosive/landmine/IED", actor1="Al Shabaab", country="Somalia",
                  country_code="SO", location="Mogadishu", fatalities=7, fatalities_low=7, trigger="exploded",
                  evidence=[span(article, "A car bomb exploded")])
    return Extraction(article, [event])


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "warlog.db") as opened:
        yield opened


@pytest.fixture
def filled(store):
    assert store.save(news_extraction()).status == "stored"
    assert store.save(bombing_extraction()).status == "stored"
    return store


def test_round_trip_rebuilds_records(store):
    extraction = news_extraction()
    outcome = store.save(extraction)
    assert (outcome.status, outcome.n_events, outcome.origin) == ("stored", 3, "examples/kharkiv.txt")
    assert store.has_article(extraction.article.id)
    assert store.articles() == [extraction.article]
    back = {e.id: e for e in store.events(historical=None)}
    assert back == {e.id: e for e in extraction.events}
    assert isinstance(back[extraction.events[0].id].civilian_targeting, bool)
    assert store.claims() == extraction.claims
    assert store.claims(event_id=extraction.events[0].id) == extraction.claims[:1]
    assert store.counts() == {"articles": 1, "events": 3, "evidence": 6, "claims": 2}
    assert store.reports(extraction.events[0].id) == [extraction.article]


def test_data_survives_reopening_by_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'by-url.db'}"
    with Store(url) as first:
        first.save(bombing_extraction())
    with Store(url) as second:
        assert [e.location for e in second.events()] == ["Mogadishu"]


def test_duplicate_save_writes_nothing(filled):
    before = filled.counts()
    again = news_extraction()
    again.article.origin = "elsewhere/copy.txt"
    outcome = filled.save(again)
    assert outcome.status == "duplicate" and outcome.origin == "elsewhere/copy.txt"
    assert "already stored" in outcome.reason
    assert filled.counts() == before


def test_failure_midway_leaves_nothing(store, monkeypatch):
    def broken_claim_row(claim, article_id):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(rows, "claim_row", broken_claim_row)
    extraction = news_extraction()
    with pytest.raises(RuntimeError):
        store.save(extraction)
    assert store.counts() == {"articles": 0, "events": 0, "evidence": 0, "claims": 0}
    assert not store.has_article(extraction.article.id)


def test_unserialisable_claim_fails_cleanly(store):
    extraction = news_extraction()
    extraction.claims[1].value = object()
    outcome = store.save(extraction)
    assert outcome.status == "failed" and "TypeError" in outcome.reason
    assert store.counts() == {"articles": 0, "events": 0, "evidence": 0, "claims": 0}
    with store.engine.connect() as conn:
        assert conn.execute(select(schema.event_reports)).all() == []
    assert store.save(news_extraction()).status == "stored"


def test_events_sharing_an_id_fail_the_article(store):
    extraction = news_extraction()
    extraction.events[2].id = extraction.events[0].id
    outcome = store.save(extraction)
    assert outcome.status == "failed" and "share an id" in outcome.reason
    assert store.counts()["articles"] == 0


def test_filters(filled):
    def locations(**filters):
        return sorted(e.location for e in filled.events(**filters))

    assert locations() == ["Kharkiv", "Lagos", "Mogadishu"]
    assert locations(historical=True) == ["Butare"]
    assert locations(historical=None) == ["Butare", "Kharkiv", "Lagos", "Mogadishu"]
    assert locations(country="ukraine") == locations(country="UA") == ["Kharkiv"]
    assert locations(event_type="Explosions/Remote violence") == ["Kharkiv", "Mogadishu"]
    assert locations(sub_event_type="arrests") == ["Lagos"]
    assert locations(date_from="2024-05-15") == ["Lagos", "Mogadishu"]
    assert locations(date_from=date(2024, 5, 1), date_to=date(2024, 5, 31)) == ["Kharkiv", "Lagos"]
    assert locations(actor="RUSSIA") == ["Kharkiv"]
    assert locations(actor="students") == ["Lagos"]  # an associated actor
    assert locations(actor="civilians", historical=None) == ["Butare", "Kharkiv"]
    assert locations(text="market") == ["Kharkiv"]
    assert [e.location for e in filled.events(limit=2)] == ["Kharkiv", "Lagos"]  # by date


def test_filter_values_are_parameters_not_sql(filled):
    before = filled.counts()
    assert filled.events(country="Ukraine' OR '1'='1") == []
    assert filled.events(actor="x%' OR 1=1; DROP TABLE events; --") == []
    assert filled.events(actor="%") == []  # wildcards match themselves
    assert filled.events(text="_") == []
    assert filled.claims(subject="' OR ''='") == []
    assert filled.counts() == before


def test_outcomes_are_logged(store):
    store.log_outcome(Outcome(origin="feed.jsonl:3", status="skipped", reason="empty text"))
    store.log_outcome(store.save(bombing_extraction()))
    assert [(o.origin, o.status, o.n_events) for o in store.outcomes()] == [
        ("feed.jsonl:3", "skipped", 0), ("", "stored", 1)]
    assert store.outcomes()[0].reason == "empty text"


def test_every_event_field_has_a_column():
    columns = set(schema.events.c.keys())
    assert {f.name for f in fields(Event)} - {"evidence"} <= columns


def test_schema_compiles_for_postgresql():
    ddl = "\n".join(str(CreateTable(t).compile(dialect=postgresql.dialect())) for t in schema.metadata.sorted_tables)
    assert "version INTEGER NOT NULL" in ddl and "id SERIAL NOT NULL" in ddl and "latitude FLOAT" in ddl
    assert '"end" INTEGER NOT NULL' in ddl and "published DATE" in ddl and "is_historical BOOLEAN" in ddl


def test_in_memory_store_keeps_its_data():
    with Store(":memory:") as store:
        store.save(bombing_extraction())
        assert store.counts()["events"] == 1


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request, tmp_path):
    """An empty database on each backend: a SQLite file, and a fresh database on the session's
    PostgreSQL server (skipped, saying why, where PostgreSQL is not installed)."""
    if request.param == "sqlite":
        yield str(tmp_path / "warlog.db")
        return
    server = request.getfixturevalue("postgres_server")
    url = server.create_database()
    yield url
    server.drop_database(url)


def test_version_1_database_is_migrated(empty_db):
    path = empty_db
    engine = make_engine(path)
    assert migrations.migrate(engine, target=1) == 1
    old = bombing_extraction()
    with engine.begin() as conn:
        conn.execute(schema.articles.insert(), rows.article_row(old.article, datetime.now(timezone.utc)))
        conn.execute(schema.events.insert(), rows.event_row(old.events[0], 0))
        assert not inspect(conn).has_table("event_reports")
    engine.dispose()
    with Store(path) as store:
        assert store.version == SCHEMA_VERSION == migrations.LATEST
        assert store.reports(old.events[0].id) == [old.article]  # backfilled
        with store.engine.connect() as conn:
            versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
            indexes = {i["name"] for i in inspect(conn).get_indexes("events")}
        assert versions == list(range(1, migrations.LATEST + 1)) and "ix_events_event_date" in indexes
        assert [e.location for e in store.events()] == ["Mogadishu"]


def test_failed_migration_leaves_database_as_it_was(empty_db, monkeypatch):
    path = empty_db
    Store(path).close()

    def broken(conn):
        conn.execute(text("CREATE TABLE half_done (id INTEGER)"))
        raise RuntimeError("migration bug")

    before = migrations.LATEST
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [broken])
    monkeypatch.setattr(migrations, "LATEST", before + 1)
    with pytest.raises(RuntimeError, match="migration bug"):
        Store(path)
    engine = make_engine(path)
    with engine.connect() as conn:
        assert migrations.current_version(conn) == before
        assert not inspect(conn).has_table("half_done")
    engine.dispose()


def test_newer_database_is_refused(empty_db):
    path = empty_db
    Store(path).close()
    engine = make_engine(path)
    with engine.begin() as conn:
        conn.execute(schema.schema_version.insert().values(version=9, applied_at=datetime.now(timezone.utc)))
    engine.dispose()
    with pytest.raises(SchemaTooNewError, match="version 9"):
        Store(path)


def test_version_2_database_gains_the_report_toll_columns(tmp_path):
    """A database written before reports kept their own tolls: version 3 adds the columns."""
    path = tmp_path / "v2.db"
    engine = make_engine(path)
    migrations.migrate(engine, target=2)
    with engine.begin() as conn:  # the shape a version-2 warlog wrote
        conn.execute(text('ALTER TABLE events DROP COLUMN "fatalities_best"'))
        for name in ("fatalities", "fatalities_low", "fatalities_best", "fatalities_high", "injured"):
            conn.execute(text(f'ALTER TABLE event_reports DROP COLUMN "{name}"'))
    engine.dispose()
    with Store(path) as store:
        assert store.version == migrations.LATEST
        store.save(bombing_extraction())
        with store.engine.connect() as conn:
            assert "fatalities_best" in {c["name"] for c in inspect(conn).get_columns("events")}
            assert "injured" in {c["name"] for c in inspect(conn).get_columns("event_reports")}
        assert store.counts()["events"] == 1
