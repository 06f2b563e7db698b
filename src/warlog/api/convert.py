"""From warlog's records (model.py) to the API's response models."""
from __future__ import annotations

from dataclasses import asdict

from warlog.api.models import (
    ArticleOut,
    ArticleSummary,
    ArticleText,
    ClaimOut,
    EventSummary,
    EvidenceOut,
)
from warlog.model import Article, Claim, Event, Evidence


def evidence_out(evidence: Evidence) -> EvidenceOut:
    return EvidenceOut(**asdict(evidence))


def event_summary(event: Event) -> EventSummary:
    return EventSummary.model_validate(event)


def claim_out(claim: Claim) -> ClaimOut:
    return ClaimOut(subject=claim.subject, attribute=claim.attribute, value=claim.value, source=claim.source,
                    date=claim.date, event_id=claim.event_id,
                    evidence=evidence_out(claim.evidence) if claim.evidence else None)


def article_summary(article: Article) -> ArticleSummary:
    return ArticleSummary(id=article.id, title=article.title, url=article.url, source=article.source,
                          published=article.published, published_from=article.published_from,
                          length=len(article.text))


def article_text(article: Article) -> ArticleText:
    return ArticleText(**article_summary(article).model_dump(), text=article.text)


def article_out(article: Article, event_ids: list[str]) -> ArticleOut:
    return ArticleOut(**article_text(article).model_dump(), event_ids=event_ids)
