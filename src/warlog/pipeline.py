"""Articles in, Extractions out: the spaCy pipeline over a batch, then reconciliation.

`extract_many` streams: documents go through `nlp.pipe` in batches and each Extraction is
yielded as soon as its document is done, so a batch of any size runs in bounded memory.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from warlog.model import Article, Extraction
from warlog.reconcile import merge_within
from warlog.resolve.published import fill_published

MAX_CHARS = 1_000_000  # spaCy's own limit on one document


def _link_claims(extraction: Extraction) -> None:
    """A claim told in the sentence of an event is about that event."""
    by_sentence = {}
    for ev in extraction.events:
        for e in ev.evidence:
            if e.field == "event":
                by_sentence.setdefault(e.sentence, ev.id)
    for claim in extraction.claims:
        if claim.evidence is not None:
            claim.event_id = by_sentence.get(claim.evidence.sentence)


def _extraction(article: Article, doc, note: str | None) -> Extraction:
    out = Extraction(article=article, events=merge_within(doc._.events or []), claims=doc._.claims or [])
    if note:
        out.notes.append(note)  # the publication date was inferred from the text, or is unknown
    _link_claims(out)
    return out


def extract_many(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
    """Run the pipeline over articles, in order, yielding one Extraction per article."""
    from warlog.nlp.pipeline import get_nlp

    nlp = get_nlp()

    def docs(pending: list[tuple[Article, str | None]]):
        for article in articles:
            if len(article.text) > MAX_CHARS:
                raise ValueError(f"article {article.origin or article.id} is over {MAX_CHARS} characters")
            note = fill_published(article)  # never today: from the text, or left unknown
            doc = nlp.make_doc(article.text)
            doc._.published = article.published
            doc._.article_id = article.id
            pending.append((article, note))
            yield doc

    pending: list[tuple[Article, str | None]] = []
    for doc in nlp.pipe(docs(pending), batch_size=batch_size):
        article, note = pending.pop(0)
        yield _extraction(article, doc, note)


def extract_article(article: Article) -> Extraction:
    """The events and claims of one article."""
    return next(extract_many([article]))


# Written for warm-up: one short report that takes every component, the date parser included.
WARM_UP_TEXT = ("Gunmen attacked a police checkpoint outside Kirkuk on 12 March 2016, killing two officers "
                "and wounding three others, a provincial spokesman said on Monday.")


def warm_up() -> int:
    """Load the pipeline and its lazy resources (gazetteer, tables, date parser) in this process,
    before the first real article; returns the events of the warm-up report."""
    return len(extract_article(Article(text=WARM_UP_TEXT, published=date(2016, 3, 14))).events)


def extract_safely(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction | Exception]:
    """Like extract_many, but an article that breaks the pipeline yields its exception
    instead of ending the batch (its chunk is re-run one article at a time)."""
    chunk: list[Article] = []

    def flush() -> Iterator[Extraction | Exception]:
        try:
            done = list(extract_many(chunk, batch_size))
        except Exception:  # noqa: BLE001 - find which article it was, keep the others
            done = []
            for article in chunk:
                try:
                    done.append(extract_article(article))
                except Exception as error:  # noqa: BLE001
                    done.append(error)
        chunk.clear()
        yield from done

    for article in articles:
        chunk.append(article)
        if len(chunk) >= batch_size:
            yield from flush()
    if chunk:
        yield from flush()
