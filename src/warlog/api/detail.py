"""One event in full: its export row, evidence, claims and the articles reporting it."""
from __future__ import annotations

from warlog import export
from warlog.api.convert import article_text, claim_out, event_summary, evidence_out
from warlog.api.models import EventDetail
from warlog.model import Article, Event
from warlog.store import Store


def articles_of(store: Store, event: Event) -> list[Article]:
    """The articles reporting an event, and any other article its evidence quotes."""
    reports = store.reports(event.id)
    known = {a.id for a in reports}
    missing = [i for i in export.article_ids_of(event) if i not in known]
    return reports + (store.articles(missing) if missing else [])


def event_detail(store: Store, event: Event, articles: list[Article] | None = None) -> EventDetail:
    articles = articles_of(store, event) if articles is None else articles
    return EventDetail(
        event=event_summary(event), row=export.event_row(event, {a.id: a for a in articles}),
        evidence=[evidence_out(ev) for ev in event.evidence],
        claims=[claim_out(c) for c in store.claims(event_id=event.id)],
        reports=[article_text(a) for a in articles])
