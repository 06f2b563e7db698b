"""warlog: conflict news in, ACLED/UCDP-style event data out, with the evidence for every field."""
from __future__ import annotations

from datetime import date

from warlog.model import Article, Claim, Event, Evidence, Extraction

__version__ = "0.1.0"
__all__ = ["extract", "Article", "Claim", "Event", "Evidence", "Extraction", "__version__"]


def extract(text: str, published: date | str | None = None, **meta) -> Extraction:
    """Extract the events and claims of one article's text.

    `published` (a date or ISO string) anchors relative dates ("Tuesday", "last week").
    Further keyword arguments (url, source, title) are kept on the Article.
    """
    from warlog.pipeline import extract_article
    from warlog.ingest.dates import parse_published

    article = Article(text=text, published=parse_published(published), **meta)
    if article.published is not None:
        article.published_from = "argument"
    return extract_article(article)
