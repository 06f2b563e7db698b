"""POST /api/articles (only with --allow-ingest): extract an article's events and store them.

The article goes through the same safe path as a batch: warlog.pipeline.extract_safely
(an article that breaks the pipeline gives its error, not a crash) and
warlog.batch.save_safely (one transaction: the article is stored whole or not at all).
"""
from __future__ import annotations

import json
import threading

from fastapi import APIRouter, Response

from warlog.api.models import IngestIn, IngestOut, Problem, ValidationProblem
from warlog.api.query import StoreDep
from warlog.ingest import read_bytes
from warlog.model import Outcome

router = APIRouter(prefix="/api/articles", tags=["ingest"])
_PIPELINE = threading.Lock()  # one extraction at a time: the spaCy pipeline is shared


def _failed(store, response: Response, status: int, outcome: Outcome) -> IngestOut:
    store.log_outcome(outcome)
    response.status_code = status
    return IngestOut(status=outcome.status, reason=outcome.reason, article_id=outcome.article_id)


@router.post("", response_model=IngestOut, status_code=201,
             summary="Extract and store an article (text or html; url, title, source, published optional)",
             responses={200: {"description": "The article was already stored", "model": IngestOut},
                        400: {"description": "Content-Length is not a number", "model": Problem},
                        413: {"description": "The body is over the size limit", "model": Problem},
                        422: {"description": "Invalid body, no English article text in it (status skipped), "
                                             "or the pipeline failed on it (status failed); `reason` says why",
                              "model": IngestOut | ValidationProblem},
                        500: {"description": "The store could not save it (status failed; nothing of it was "
                                             "written), or an unexpected error", "model": IngestOut | Problem}})
def post_article(body: IngestIn, store: StoreDep, response: Response) -> IngestOut:
    """Created (201) with the new event ids, or already stored (200, status duplicate)."""
    from warlog.batch import save_safely
    from warlog.pipeline import extract_safely

    fields = body.model_dump(exclude_none=True, mode="json")
    items = list(read_bytes(json.dumps(fields).encode("utf-8"), origin="api", kind="json"))
    article = items[0] if items else Outcome(origin="api", status="skipped", reason="empty")
    if isinstance(article, Outcome):
        return _failed(store, response, 422, article)
    with _PIPELINE:
        result = next(extract_safely([article]))
    outcome = save_safely(store, article, result)
    if outcome.status == "failed":
        return _failed(store, response, 422 if isinstance(result, Exception) else 500, outcome)
    store.log_outcome(outcome)
    response.status_code = 201 if outcome.status == "stored" else 200
    return IngestOut(status=outcome.status, reason=outcome.reason, article_id=outcome.article_id,
                     n_events=outcome.n_events,
                     event_ids=[e.id for e in result.events] if outcome.status == "stored" else [])
