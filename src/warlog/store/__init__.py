"""warlog's store: SQLite by default (a file path), PostgreSQL by URL. See Store."""
from __future__ import annotations

from warlog.store.db import Store
from warlog.store.migrations import LATEST as SCHEMA_VERSION
from warlog.store.migrations import SchemaTooNewError

__all__ = ["Store", "SchemaTooNewError", "SCHEMA_VERSION"]
