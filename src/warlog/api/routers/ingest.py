"""POST /api/articles (only with --allow-ingest): extract an article's events and store them."""
from __future__ import annotations

import json
import threading

from fastapi import APIRouter, Response

from warlog.api.models import IngestIn, IngestOut
from warlog.api.query import StoreDep
from warlog.ingest import read_bytes
from warlog.model import Outcome

router = APIRouter(prefix="/api/articles", tags=["ingest"])
_PIPELINE = threading.Lock()  # one extraction at a time: the spaCy pipeline is shared


@router.post("", response_model=IngestOut, status_code=201,
             summary="Extract and store an article (text or html; url, title, source, published optional)",
             responses={200: {"description": "The article was already stored", "model": IngestOut},
                        413: {"description": "The body is over the size limit"},
                        422: {"description": "Invalid body, or no article text in it"}})
def post_article(body: IngestIn, store: StoreDep, response: Response) -> IngestOut:
    from warlog.pipeline import extract_article

    fields = body.model_dump(exclude_none=True, mode="json")
    items = list(read_bytes(json.dumps(fields).encode("utf-8"), origin="api", kind="json"))
    item = items[0] if items else Outcome(origin="api", status="skipped", reason="empty")
    if isinstance(item, Outcome):
        store.log_outcome(item)
        response.status_code = 422
        return IngestOut(status=item.status, reason=item.reason)
    with _PIPELINE:
        extraction = extract_article(item)
    outcome = store.save(extraction)
    store.log_outcome(outcome)
    response.status_code = {"stored": 201, "duplicate": 200}.get(outcome.status, 500)
    return IngestOut(status=outcome.status, reason=outcome.reason, article_id=outcome.article_id,
                     n_events=outcome.n_events,
                     event_ids=[e.id for e in extraction.events] if outcome.status == "stored" else [])
