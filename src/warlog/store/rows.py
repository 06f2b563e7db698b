"""Conversions between warlog's records (model.py) and rows of the store's tables."""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import fields
from datetime import datetime
from typing import Any

from warlog.model import Article, Claim, Event, Evidence
from warlog.store import schema

# Event fields kept in the events table (evidence has its own table).
EVENT_COLUMNS = [f.name for f in fields(Event) if f.name != "evidence"]
EVIDENCE_COLUMNS = ["article_id", "sentence", "start", "end", "text", "field"]


def article_row(article: Article, ingested_at: datetime) -> dict[str, Any]:
    return {c.name: getattr(article, c.name) for c in schema.articles.columns if c.name != "ingested_at"} | {
        "ingested_at": ingested_at}


def article_from_row(row: Mapping[str, Any]) -> Article:
    return Article(**{k: row[k] for k in ("id", "url", "source", "title", "published",
                                          "published_from", "origin", "text")})


def event_row(event: Event, position: int) -> dict[str, Any]:
    return {name: getattr(event, name) for name in EVENT_COLUMNS} | {"position": position}


def event_from_row(row: Mapping[str, Any], evidence: list[Evidence]) -> Event:
    return Event(**{name: row[name] for name in EVENT_COLUMNS}, evidence=evidence)


def evidence_row(evidence: Evidence, *, event_id: str | None = None, claim_id: int | None = None) -> dict[str, Any]:
    return {name: getattr(evidence, name) for name in EVIDENCE_COLUMNS} | {
        "event_id": event_id, "claim_id": claim_id}


def evidence_from_row(row: Mapping[str, Any]) -> Evidence:
    return Evidence(**{name: row[name] for name in EVIDENCE_COLUMNS})


def claim_row(claim: Claim, article_id: str) -> dict[str, Any]:
    """The claims row; raises TypeError when the value cannot be written as JSON."""
    return {"article_id": article_id, "event_id": claim.event_id, "subject": claim.subject,
            "attribute": claim.attribute, "value": json.dumps(claim.value),
            "source": claim.source, "date": claim.date}


def claim_from_row(row: Mapping[str, Any], evidence: Evidence | None) -> Claim:
    return Claim(subject=row["subject"], attribute=row["attribute"], value=json.loads(row["value"]),
                 source=row["source"], date=row["date"], evidence=evidence, event_id=row["event_id"])
