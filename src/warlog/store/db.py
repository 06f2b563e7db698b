"""Store: where extractions are saved and events are read back (SQLite or PostgreSQL)."""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import Connection, Select, and_, func, or_, select
from sqlalchemy.exc import SQLAlchemyError

from warlog.model import Article, Claim, Event, Evidence, Extraction, Outcome
from warlog.reconcile import combine_reports, compatible, match_cost, merge_report, report_figures
from warlog.store import rows, schema
from warlog.store.engine import lock_writes, make_engine
from warlog.store.migrations import migrate

log = logging.getLogger(__name__)
_CHUNK = 500  # ids per IN (...) list: well under SQLite's bound-parameter limit


def _as_date(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _ci_equals(column, value: str):
    return func.lower(column) == value.lower()


def _ci_contains(column, value: str):
    """Case-insensitive substring match; % and _ in `value` match themselves."""
    return func.lower(column).contains(value.lower(), autoescape=True)


def _in_bbox(ev, bbox: Sequence[float]):
    """Located inside (west, south, east, north); a box with west > east crosses the antimeridian."""
    west, south, east, north = (float(v) for v in bbox)
    lon = ev.c.longitude
    across = lon.between(west, east) if west <= east else or_(lon >= west, lon <= east)
    return and_(ev.c.latitude.between(south, north), across)


def _event_conditions(*, country=None, admin1=None, event_type=None, sub_event_type=None, actor=None,
                      date_from=None, date_to=None, historical: bool | None = False, text=None,
                      article_id=None, bbox: Sequence[float] | None = None) -> list:
    """The WHERE conditions of Store.events and Store.count_events."""
    ev = schema.events
    exact = [(ev.c.admin1, admin1), (ev.c.event_type, event_type), (ev.c.sub_event_type, sub_event_type)]
    conditions = [_ci_equals(column, value) for column, value in exact if value]
    if country:
        conditions.append(or_(_ci_equals(ev.c.country, country), _ci_equals(ev.c.country_code, country)))
    if actor:
        conditions.append(or_(*(_ci_contains(c, actor) for c in
                                (ev.c.actor1, ev.c.actor2, ev.c.assoc_actor_1, ev.c.assoc_actor_2))))
    if date_from:
        conditions.append(ev.c.event_date >= _as_date(date_from))
    if date_to:
        conditions.append(ev.c.event_date <= _as_date(date_to))
    if historical is not None:
        conditions.append(ev.c.is_historical == historical)
    if text:
        conditions.append(or_(_ci_contains(ev.c.notes, text), _ci_contains(ev.c.location, text)))
    if article_id:
        conditions.append(ev.c.article_id == article_id)
    if bbox is not None:
        conditions.append(_in_bbox(ev, bbox))
    return conditions


class Store:
    """A warlog database. `Store("warlog.db")`, `Store("sqlite:///x.db")` or a PostgreSQL URL.

    Opening applies any missing schema migrations; a database written by a newer warlog
    raises SchemaTooNewError. Use as a context manager or call close().
    """

    def __init__(self, target: str | Path = "warlog.db") -> None:
        self.engine = make_engine(target)
        try:
            self.version = migrate(self.engine)
        except BaseException:
            self.engine.dispose()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    # -- writing ---------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return self._has_article(conn, article_id)

    @staticmethod
    def _has_article(conn: Connection, article_id: str) -> bool:
        query = select(schema.articles.c.id).where(schema.articles.c.id == article_id)
        return conn.execute(query).first() is not None

    def save(self, extraction: Extraction) -> Outcome:
        """Write an article with its events, evidence and claims in one transaction.

        Returns Outcome status "stored", "duplicate" (the article id is already stored:
        nothing is written) or "failed" (nothing of the article is left; reason says why).
        The outcome is not logged: pass it to log_outcome().
        """
        article = extraction.article
        origin = article.origin or ""
        outcome = Outcome(origin=origin, status="stored", article_id=article.id, n_events=len(extraction.events))
        try:
            with self.engine.begin() as conn:
                lock_writes(conn)  # concurrent writers take turns (PostgreSQL)
                if self._has_article(conn, article.id):
                    return Outcome(origin=origin, status="duplicate", article_id=article.id,
                                   reason=f"article {article.id} is already stored")
                self._write(conn, extraction)
        except (SQLAlchemyError, TypeError, ValueError) as error:
            if self._stored_meanwhile(article.id):
                return Outcome(origin=origin, status="duplicate", article_id=article.id,
                               reason=f"article {article.id} is already stored")
            log.warning("could not store article %s: %s", article.id, error)
            return Outcome(origin=origin, status="failed", article_id=article.id,
                           reason=f"{type(error).__name__}: {error}".splitlines()[0])
        return outcome

    def _stored_meanwhile(self, article_id: str) -> bool:
        """After a failed save: did another writer store this article first?"""
        try:
            return self.has_article(article_id)
        except SQLAlchemyError:
            return False

    def _write(self, conn: Connection, extraction: Extraction) -> None:
        article = extraction.article
        ids = [e.id for e in extraction.events]
        if len(set(ids)) < len(ids):
            shared = sorted({i for i in ids if ids.count(i) > 1})
            raise ValueError(f"events of article {article.id} share an id: {', '.join(shared)}")
        conn.execute(schema.articles.insert(), rows.article_row(article, datetime.now(timezone.utc)))
        stored_as: dict[str, str] = {}  # this article's event id -> the stored event it reports
        for position, event in enumerate(extraction.events):
            known = self._reported_elsewhere(conn, event, taken=set(stored_as.values()))
            if known is None:
                conn.execute(schema.events.insert(), rows.event_row(event, position))
                stored_as[event.id] = event.id
            else:
                stored_as[event.id] = known.id
            conn.execute(schema.event_reports.insert(), {"event_id": stored_as[event.id], "article_id": article.id,
                                                         **report_figures(event)})
            if known is not None:
                self._update_event(conn, merge_report(known, event))
            spans = [rows.evidence_row(ev, event_id=stored_as[event.id]) for ev in event.evidence]
            if spans:
                conn.execute(schema.evidence.insert(), spans)
        for claim in extraction.claims:
            claim.event_id = stored_as.get(claim.event_id, claim.event_id)
            claim_id = conn.execute(schema.claims.insert().values(rows.claim_row(claim, article.id))
                                    ).inserted_primary_key[0]
            if claim.evidence is not None:
                conn.execute(schema.evidence.insert(), rows.evidence_row(claim.evidence, claim_id=claim_id))

    def _reported_elsewhere(self, conn: Connection, event: Event, taken: set[str]) -> Event | None:
        """The stored event (of other articles) that `event` is another report of, if any."""
        ev = schema.events
        conditions = [ev.c.event_type == event.event_type, ev.c.is_historical == event.is_historical,
                      ev.c.article_id != event.article_id]
        if event.country_code:
            conditions.append(or_(ev.c.country_code == event.country_code, ev.c.country_code.is_(None)))
        if event.date_earliest is not None and event.date_latest is not None:
            conditions.append(or_(ev.c.date_earliest.is_(None), (ev.c.date_earliest <= event.date_latest)
                                  & (ev.c.date_latest >= event.date_earliest)))
        found = list(conn.execute(select(ev).where(*conditions)).mappings())
        spans = self._evidence_by(conn, schema.evidence.c.event_id, [r["id"] for r in found])
        candidates = [rows.event_from_row(r, spans.get(r["id"], [])) for r in found if r["id"] not in taken]
        candidates = [c for c in candidates if compatible(c, event)]
        return min(candidates, key=lambda c: match_cost(c, event)) if candidates else None

    @staticmethod
    def _update_event(conn: Connection, merged: Event) -> None:
        """Write back an event that gained a report; its toll is recombined from all reports."""
        reports = schema.event_reports
        figures = [dict(r) for r in conn.execute(
            select(reports).where(reports.c.event_id == merged.id)).mappings()]
        for name, value in combine_reports(figures).items():
            setattr(merged, name, value)
        row = {k: v for k, v in rows.event_row(merged, 0).items() if k not in ("id", "article_id", "position")}
        conn.execute(schema.events.update().where(schema.events.c.id == merged.id).values(**row))

    def log_outcome(self, outcome: Outcome) -> None:
        """Record what happened to one input (stored, duplicate, skipped, failed)."""
        with self.engine.begin() as conn:
            conn.execute(schema.ingest_log.insert().values(
                origin=outcome.origin, article_id=outcome.article_id, status=outcome.status,
                reason=outcome.reason, n_events=outcome.n_events, at=datetime.now(timezone.utc)))

    # -- reading ---------------------------------------------------------------------------

    def outcomes(self) -> list[Outcome]:
        """Every logged outcome, oldest first."""
        log_table = schema.ingest_log
        with self.engine.connect() as conn:
            found = conn.execute(select(log_table).order_by(log_table.c.id)).mappings()
            return [Outcome(origin=r["origin"], status=r["status"], reason=r["reason"],
                            article_id=r["article_id"], n_events=r["n_events"]) for r in found]

    def events(self, *, country: str | None = None, event_type: str | None = None,
               sub_event_type: str | None = None, actor: str | None = None,
               date_from: date | str | None = None, date_to: date | str | None = None,
               historical: bool | None = False, text: str | None = None,
               article_id: str | None = None, limit: int | None = None, admin1: str | None = None,
               bbox: Sequence[float] | None = None, offset: int = 0, evidence: bool = True) -> list[Event]:
        """Events matching every filter given, by date (undated last), with their evidence.

        country: name or ISO alpha-2 code; admin1, event_type, sub_event_type: exact, any case;
        actor: substring of actor1, actor2 or their associates, any case; date_from/date_to:
        inclusive bounds on event_date; historical: False (default) leaves historical events
        out, True keeps only them, None keeps all; text: substring of notes or location;
        bbox: (west, south, east, north) in degrees, west > east crossing the antimeridian.
        Text filters match literally (% and _ are not wildcards). `limit` and `offset` page
        through the matches; evidence=False leaves each event's evidence list empty.
        """
        ev = schema.events
        conditions = _event_conditions(country=country, admin1=admin1, event_type=event_type,
                                       sub_event_type=sub_event_type, actor=actor, date_from=date_from,
                                       date_to=date_to, historical=historical, text=text,
                                       article_id=article_id, bbox=bbox)
        query = select(ev).where(*conditions).order_by(
            ev.c.event_date.nulls_last(), ev.c.article_id, ev.c.position)
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        return self._events(query, evidence)

    def count_events(self, **filters) -> int:
        """How many events match: the filters of events() (without limit, offset, evidence)."""
        query = select(func.count()).select_from(schema.events).where(*_event_conditions(**filters))
        with self.engine.connect() as conn:
            return conn.execute(query).scalar_one()

    def event(self, event_id: str) -> Event | None:
        """One event by id, with its evidence (historical or not), or None."""
        found = self._events(select(schema.events).where(schema.events.c.id == event_id))
        return found[0] if found else None

    def _events(self, query: Select, evidence: bool = True) -> list[Event]:
        with self.engine.connect() as conn:
            found = list(conn.execute(query).mappings())
            spans = self._evidence_by(conn, schema.evidence.c.event_id, [r["id"] for r in found]) if evidence else {}
        return [rows.event_from_row(r, spans.get(r["id"], [])) for r in found]

    @staticmethod
    def _evidence_by(conn: Connection, key_column, keys: list) -> dict[object, list[Evidence]]:
        """Evidence rows grouped by `key_column` (event_id or claim_id), in insertion order."""
        grouped: dict[object, list[Evidence]] = defaultdict(list)
        for start in range(0, len(keys), _CHUNK):
            query = (select(schema.evidence).where(key_column.in_(keys[start:start + _CHUNK]))
                     .order_by(schema.evidence.c.id))
            for row in conn.execute(query).mappings():
                grouped[row[key_column.name]].append(rows.evidence_from_row(row))
        return grouped

    def claims(self, *, article_id: str | None = None, event_id: str | None = None,
               subject: str | None = None, attribute: str | None = None,
               limit: int | None = None) -> list[Claim]:
        """Claims matching every filter given (subject: substring, any case), oldest first."""
        cl = schema.claims
        conditions = []
        if article_id:
            conditions.append(cl.c.article_id == article_id)
        if event_id:
            conditions.append(cl.c.event_id == event_id)
        if subject:
            conditions.append(_ci_contains(cl.c.subject, subject))
        if attribute:
            conditions.append(_ci_equals(cl.c.attribute, attribute))
        query = select(cl).where(*conditions).order_by(cl.c.id)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            found = list(conn.execute(query).mappings())
            spans = self._evidence_by(conn, schema.evidence.c.claim_id, [r["id"] for r in found])
        return [rows.claim_from_row(r, (spans.get(r["id"]) or [None])[0]) for r in found]

    def articles(self, ids: list[str] | None = None, *, limit: int | None = None, offset: int = 0) -> list[Article]:
        """Stored articles (all, or those with the given ids), in the order they were stored;
        `limit` and `offset` page through all of them (not through `ids`)."""
        query = select(schema.articles).order_by(schema.articles.c.ingested_at, schema.articles.c.id)
        with self.engine.connect() as conn:
            if ids is None:
                query = query.limit(limit).offset(offset or None)
                return [rows.article_from_row(r) for r in conn.execute(query).mappings()]
            found = []
            for start in range(0, len(ids), _CHUNK):
                chunk = query.where(schema.articles.c.id.in_(ids[start:start + _CHUNK]))
                found += [rows.article_from_row(r) for r in conn.execute(chunk).mappings()]
            return found

    def article_meta(self, ids: list[str] | None = None) -> dict[str, tuple[str | None, date | None]]:
        """Article id -> (source, published) of all stored articles or those with the given ids,
        without reading their texts."""
        c = schema.articles.c
        query = select(c.id, c.source, c.published)
        with self.engine.connect() as conn:
            if ids is None:
                return {r.id: (r.source, r.published) for r in conn.execute(query)}
            found = {}
            for start in range(0, len(ids), _CHUNK):
                chunk = query.where(c.id.in_(ids[start:start + _CHUNK]))
                found.update({r.id: (r.source, r.published) for r in conn.execute(chunk)})
            return found

    def article(self, article_id: str) -> Article | None:
        found = self.articles([article_id])
        return found[0] if found else None

    def reports(self, event_id: str) -> list[Article]:
        """The articles that report an event."""
        reports, arts = schema.event_reports, schema.articles
        query = (select(arts).join(reports, reports.c.article_id == arts.c.id)
                 .where(reports.c.event_id == event_id).order_by(arts.c.ingested_at, arts.c.id))
        with self.engine.connect() as conn:
            return [rows.article_from_row(r) for r in conn.execute(query).mappings()]

    def counts(self) -> dict[str, int]:
        """Row counts: articles, events, evidence, claims."""
        tables = {"articles": schema.articles, "events": schema.events,
                  "evidence": schema.evidence, "claims": schema.claims}
        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                    for name, t in tables.items()}
