"""warlog's HTTP API (FastAPI): `create_app(db, allow_ingest=False)`; `warlog serve` runs it."""
from warlog.api.app import create_app

__all__ = ["create_app"]
