"""warlog's spaCy components and the contract between them.

Each component has one job, is registered by name with spaCy (`nlp.add_pipe("warlog_places")`)
and writes its findings on the Doc, where later components read them:

    doc._.published      date | None   anchor for relative dates (set before the pipeline runs)
    doc._.article_id     str
    doc.spans["places"]  toponym spans;  span._.place  -> warlog.resolve.gazetteer.Place | None
    doc.spans["actors"]  actor mentions; span._.actor  -> warlog.resolve.actors.ActorRef
    doc.spans["dates"]   time expressions; span._.when -> warlog.resolve.dates.When
    doc.spans["tolls"]   casualty counts; span._.toll  -> warlog.nlp.tolls.Toll
    doc._.events         list[warlog.model.Event]   (warlog_events)
    doc._.claims         list[warlog.model.Claim]   (warlog_claims; warlog_control adds the
                         "control" claims: ground taken, lost, encircled, held or shared)
    doc._.country_context  list[str]   ISO alpha-2 codes the article is about, most salient first
    doc.spans["demonyms"]  "Syrian", "Iraqi": country context, not places; span._.place = the country
    doc.user_data["warlog_places_named_after"]  places named inside facility names ("the
                          Ouagadougou convention center"): toponyms for scoring, never event places
    doc.user_data["warlog_word_index"], ["warlog_sentences"], ["warlog_text"]  indexes built
                          once per document and shared by the components (warlog.nlp.doc_index)

Order in the pipeline: warlog_places, warlog_actors, warlog_dates, warlog_tolls,
warlog_events, warlog_claims, warlog_control (see warlog.nlp.pipeline.COMPONENTS).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span


def register_extensions() -> None:
    """Declare the custom attributes (idempotent)."""
    for name, default in [("published", None), ("article_id", ""), ("events", None),
                          ("claims", None), ("country_context", None)]:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("place", "actor", "when", "toll"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register_extensions()
