"""/api/articles: stored articles, and one with its text."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request

from warlog.api.convert import article_out, article_summary
from warlog.api.models import ArticleOut, ArticlePage
from warlog.api.query import INVALID, NOT_FOUND, Limit, Offset, StoreDep
from warlog.api.routers.events import ID_PATTERN, next_page

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("", response_model=ArticlePage, summary="Stored articles, in the order they were stored",
            responses=INVALID)
def list_articles(request: Request, store: StoreDep, limit: Limit = 100, offset: Offset = 0) -> ArticlePage:
    """Articles without their text; `next` links the next page."""
    total = store.counts()["articles"]
    items = store.articles(limit=limit, offset=offset) if offset < total else []
    return ArticlePage(total=total, limit=limit, offset=offset, next=next_page(request, total, limit, offset),
                       items=[article_summary(a) for a in items])


@router.get("/{article_id}", response_model=ArticleOut, summary="One article with its text",
            responses=NOT_FOUND | INVALID)
def get_article(store: StoreDep, article_id: Annotated[str, Path(pattern=ID_PATTERN,
                                                                 description="warlog's article id (hex)")]
                ) -> ArticleOut:
    """The article's text, verbatim (escaping it is the page's job), and the ids of its events."""
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    events = store.events(article_id=article_id, historical=None, evidence=False)
    return article_out(article, [e.id for e in events])
