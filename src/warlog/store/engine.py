"""The SQLAlchemy engine a Store runs on: a file path ("warlog.db") or a database URL."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import StaticPool


def database_url(target: str | Path) -> str:
    """The URL for `target`: URLs pass through, ":memory:" and paths become SQLite URLs."""
    text = str(target)
    if "://" in text:
        return text
    if text == ":memory:":
        return "sqlite://"
    path = Path(text).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def make_engine(target: str | Path) -> Engine:
    """An engine for `target`; SQLite gets foreign keys and transactional DDL.

    Python's sqlite3 driver commits before DDL on its own, which would let a failed
    migration leave half a schema behind; the listeners below hand transaction control
    to SQLAlchemy (the recipe of the SQLAlchemy SQLite dialect documentation).
    """
    url = database_url(target)
    if not url.startswith("sqlite"):
        return create_engine(url)
    in_memory = url in ("sqlite://", "sqlite:///:memory:")
    engine = (create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
              if in_memory else create_engine(url))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # no implicit BEGIN/COMMIT by the driver
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine
