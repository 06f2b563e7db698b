"""Schema versions: an ordered list of migrations and the code that applies the missing ones.

Migration N (1-based) takes a database at version N-1 to version N. Opening a store
applies every missing migration in one transaction, so a failure leaves the database at
the version it had (SQLite and PostgreSQL both run DDL inside transactions). Processes
opening one fresh PostgreSQL database at once take turns: the later ones find it migrated.
Tables are created from `schema` in their current shape; a migration that adds columns
adds each one only where it is missing (a database created at a later version already
has it). A migration that changes or drops a column must first freeze the table's
earlier shape into the migration that created it.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from sqlalchemy import Connection, Engine, func, inspect, select, text

from warlog.store import schema
from warlog.store.engine import lock_writes


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer warlog than this one."""


def _v1_core_tables(conn: Connection) -> None:
    """Articles, events, their evidence and claims, and the ingest log."""
    for table in (schema.articles, schema.events, schema.claims, schema.evidence, schema.ingest_log):
        table.create(conn)


def _v2_reports_and_indexes(conn: Connection) -> None:
    """Events get many reporting articles (event_reports); lookup indexes."""
    schema.event_reports.create(conn)
    conn.execute(text("INSERT INTO event_reports (event_id, article_id) SELECT id, article_id FROM events"))
    for statement in (
        "CREATE INDEX ix_event_reports_article_id ON event_reports (article_id)",
        "CREATE INDEX ix_events_article_id ON events (article_id)",
        "CREATE INDEX ix_events_event_date ON events (event_date)",
        "CREATE INDEX ix_evidence_event_id ON evidence (event_id)",
        "CREATE INDEX ix_evidence_claim_id ON evidence (claim_id)",
        "CREATE INDEX ix_claims_article_id ON claims (article_id)",
    ):
        conn.execute(text(statement))


def _add_missing_columns(conn: Connection, table, names: list[str]) -> None:
    present = {c["name"] for c in inspect(conn).get_columns(table.name)}
    for name in names:
        if name not in present:
            column = table.c[name]
            conn.execute(text(f'ALTER TABLE {table.name} ADD COLUMN "{name}" '
                              f'{column.type.compile(dialect=conn.dialect)}'))


def _v3_report_tolls(conn: Connection) -> None:
    """Each report keeps its own toll; events get a UCDP-style best estimate."""
    _add_missing_columns(conn, schema.events, ["fatalities_best"])
    _add_missing_columns(conn, schema.event_reports,
                         ["fatalities", "fatalities_low", "fatalities_best", "fatalities_high", "injured"])
    conn.execute(text("UPDATE events SET fatalities_best = fatalities WHERE fatalities_low IS NOT NULL "
                      "AND fatalities_best IS NULL"))


MIGRATIONS: list[Callable[[Connection], None]] = [_v1_core_tables, _v2_reports_and_indexes, _v3_report_tolls]
LATEST = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    """The version recorded in the database (0 for an empty one)."""
    if not inspect(conn).has_table("schema_version"):
        return 0
    return conn.execute(select(func.max(schema.schema_version.c.version))).scalar() or 0


def migrate(engine: Engine, target: int | None = None) -> int:
    """Bring the database up to `target` (default: the latest version); return the version.

    Raises SchemaTooNewError for a database from a newer warlog, whatever the target.
    """
    target = LATEST if target is None else target
    with engine.begin() as conn:
        version = current_version(conn)
        if version < target:  # wait for any other process migrating, then look again
            lock_writes(conn)
            version = current_version(conn)
        if version > LATEST:
            raise SchemaTooNewError(
                f"database schema is version {version} but this warlog knows versions up to {LATEST}: "
                "upgrade warlog to open it")
        if version >= target:
            return version
        if version == 0:
            schema.schema_version.create(conn, checkfirst=True)
        for number in range(version + 1, target + 1):
            MIGRATIONS[number - 1](conn)
            conn.execute(schema.schema_version.insert().values(
                version=number, applied_at=datetime.now(timezone.utc)))
        return target
