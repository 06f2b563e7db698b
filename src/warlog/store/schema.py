"""The tables of a warlog store, in their current shape (SQLAlchemy Core, portable types).

A plain schema meant to be read and queried by hand (e.g. with Datasette): one row per
article, event, evidence span, claim, report and ingest outcome. Dates are SQL DATEs
(ISO text in SQLite), claim values are JSON text.
"""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, Date, DateTime, Float, ForeignKey, Integer, MetaData,
                        String, Table, Text)

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text),
    Column("source", Text),
    Column("title", Text),
    Column("published", Date),
    Column("published_from", String(32)),
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", String(64), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False),
    Column("position", Integer, nullable=False),  # order of the event within its article
    Column("event_date", Date),
    Column("time_precision", Integer, nullable=False),
    Column("date_earliest", Date),
    Column("date_latest", Date),
    Column("event_type", Text, nullable=False),
    Column("sub_event_type", Text, nullable=False),
    Column("actor1", Text),
    Column("assoc_actor_1", Text),
    Column("actor2", Text),
    Column("assoc_actor_2", Text),
    Column("inter1", Integer),
    Column("inter2", Integer),
    Column("interaction", Integer),
    Column("civilian_targeting", Boolean, nullable=False),
    Column("country", Text),
    Column("country_code", String(2)),
    Column("iso", Integer),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("location", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("geonameid", Integer),
    Column("fatalities", Integer, nullable=False),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("fatalities_best", Integer),  # added in schema version 3
    Column("injured", Integer),
    Column("is_historical", Boolean, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("notes", Text, nullable=False),
)

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False),
    Column("event_id", String(64), ForeignKey("events.id")),
    Column("subject", Text, nullable=False),
    Column("attribute", Text, nullable=False),
    Column("value", Text, nullable=False),  # JSON: a number, a [low, high] pair, a share
    Column("source", Text),
    Column("date", Date),
)

evidence = Table(
    "evidence", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey("events.id")),
    Column("claim_id", Integer, ForeignKey("claims.id")),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("field", String(64), nullable=False),
)

# An event has many reports: the articles that tell of it (one, until reconciliation).
event_reports = Table(
    "event_reports", metadata,
    Column("event_id", String(64), ForeignKey("events.id"), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    # that report's own toll (schema version 3): the event's toll is combined from these
    Column("fatalities", Integer),
    Column("fatalities_low", Integer),
    Column("fatalities_best", Integer),
    Column("fatalities_high", Integer),
    Column("injured", Integer),
)

# What happened to each input of a batch: stored, duplicate, skipped or failed, and why.
ingest_log = Table(
    "ingest_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("article_id", String(64)),
    Column("status", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("n_events", Integer, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
