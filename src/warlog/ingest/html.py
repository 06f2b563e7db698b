"""HTML pages: trafilatura finds the main text and the page's metadata."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import trafilatura

from warlog.ingest.dates import parse_published
from warlog.ingest.text import PageText, clean_paragraphs

# Only dates the page states (meta tags, visible dateline): never today's date as a guess.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


@dataclass(slots=True)
class HtmlPage:
    """Main text and metadata of one HTML page."""

    page: PageText
    url: str | None = None
    source: str | None = None  # site name, else host name
    published: date | None = None


def extract_html(html: str, url: str | None = None) -> HtmlPage | None:
    """Main text and metadata of an HTML page, or None when it has no main text."""
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, date_extraction_params=_DATE_PARAMS,
        )
    except Exception:  # noqa: BLE001 - lxml and trafilatura raise many kinds on malformed pages
        doc = None
    if doc is None or not (doc.text or "").strip():
        return None
    page = clean_paragraphs(doc.text.split("\n"), title=doc.title)
    if not page.paragraphs:
        return None
    try:
        published = parse_published(doc.date) if doc.date else None
    except ValueError:
        published = None
    return HtmlPage(
        page=page,
        url=doc.url or url,
        source=doc.sitename or doc.hostname,
        published=published or page.published,
    )
