"""The SQLAlchemy engine a Store runs on: a file path ("warlog.db") or a database URL.

SQLite: a path, ":memory:" or a sqlite:// URL. PostgreSQL: postgresql://user@host:port/db
(also postgres:// or postgresql+psycopg://), always through the psycopg 3 driver.
"""
from __future__ import annotations

import zlib
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.pool import StaticPool

# Schemes that name PostgreSQL without naming a driver.
_POSTGRES_SCHEMES = ("postgres", "postgresql")
# The key of the advisory lock that serialises writers of one PostgreSQL database.
_WRITE_LOCK = zlib.crc32(b"warlog.store.write")


def database_url(target: str | Path) -> str:
    """The URL for `target`: ":memory:" and paths become SQLite URLs, PostgreSQL URLs get psycopg 3."""
    spec = str(target)
    if "://" in spec:
        scheme, rest = spec.split("://", 1)
        if scheme.lower() in _POSTGRES_SCHEMES:
            return f"postgresql+psycopg://{rest}"
        return spec
    if spec == ":memory:":
        return "sqlite://"
    path = Path(spec).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def is_postgresql(conn: Connection | Engine) -> bool:
    return conn.dialect.name == "postgresql"


def lock_writes(conn: Connection) -> None:
    """Make writers of one database take turns, until `conn`'s transaction ends.

    PostgreSQL: a transaction-level advisory lock, so that two processes storing articles
    (or migrating) at once see each other's rows: the same article is then stored once and
    reported as a duplicate once, and two reports of one event become one event. SQLite
    locks the whole file for a writer on its own: nothing to do.
    """
    if is_postgresql(conn):
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITE_LOCK})


def shown_url(target: str | Path) -> str:
    """`target` fit to print: a database URL with its password masked."""
    text = str(target)
    if "://" not in text:
        return text
    from sqlalchemy.engine import make_url

    try:
        return make_url(text).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - not a URL SQLAlchemy reads: show no part of it that may hold a secret
        return text.split("://", 1)[0] + "://…"


def make_engine(target: str | Path) -> Engine:
    """An engine for `target`; SQLite gets foreign keys and transactional DDL.

    Python's sqlite3 driver commits before DDL on its own, which would let a failed
    migration leave half a schema behind; the listeners below hand transaction control
    to SQLAlchemy (the recipe of the SQLAlchemy SQLite dialect documentation).
    PostgreSQL runs DDL inside transactions as it is.
    """
    url = database_url(target)
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    in_memory = url in ("sqlite://", "sqlite:///:memory:")
    engine = (create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
              if in_memory else create_engine(url))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # no implicit BEGIN/COMMIT by the driver
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if not in_memory:
            # write-ahead log: readers (warlog serve) never wait on a batch writing, and a commit
            # is not a sync of the whole file; a killed process loses nothing committed
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine
