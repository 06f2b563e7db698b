"""/api/codebook and /api/counts: what the columns mean, and what the store holds."""
from __future__ import annotations

from fastapi import APIRouter, Request

from warlog.api.models import ColumnDoc, Counts
from warlog.api.query import StoreDep
from warlog.columns import ACLED_COLUMNS, WARLOG_COLUMNS

router = APIRouter(prefix="/api", tags=["meta"])


def codebook() -> list[ColumnDoc]:
    """Every output column, in export order, with its description."""
    acled = {name for name, _ in ACLED_COLUMNS}
    return [ColumnDoc(name=n, description=d, acled=n in acled) for n, d in ACLED_COLUMNS + WARLOG_COLUMNS]


@router.get("/codebook", response_model=list[ColumnDoc], summary="Every output column and what it holds")
def get_codebook() -> list[ColumnDoc]:
    return codebook()


@router.get("/counts", response_model=Counts, summary="Rows in the store; whether ingest is open")
def get_counts(store: StoreDep, request: Request) -> Counts:
    return Counts(**store.counts(), allow_ingest=request.app.state.allow_ingest)
