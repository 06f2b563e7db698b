"""/api/articles: stored articles, and one with its text."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Path

from warlog.api.convert import article_out, article_summary
from warlog.api.models import ArticleOut, ArticlePage
from warlog.api.query import Limit, Offset, StoreDep

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("", response_model=ArticlePage, summary="Stored articles, in the order they were stored")
def list_articles(store: StoreDep, limit: Limit = 100, offset: Offset = 0) -> ArticlePage:
    found = store.articles()
    return ArticlePage(total=len(found), limit=limit, offset=offset,
                       items=[article_summary(a) for a in found[offset:offset + limit]])


@router.get("/{article_id}", response_model=ArticleOut, summary="One article with its text",
            responses={404: {"description": "No article has this id"}})
def get_article(store: StoreDep, article_id: str = Path(pattern=r"^[0-9a-f]{1,64}$")) -> ArticleOut:
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    return article_out(article, [e.id for e in store.events(article_id=article_id, historical=None)])
