"""The `warlog_places` component: find toponyms, resolve each to a gazetteer place.

Toponyms come from the NER (GPE, LOC) and from a gazetteer matcher over runs of proper
nouns, since a small model misses many ("Manbij" as PRODUCT, "Misrata" as PERSON).
A gazetteer-only match must be proper nouns, not a month or a number, not a demonym, and
big enough (a division, or a town of `MIN_POPULATION`; more inside a person's name).
Demonyms and country adjectives ("Syrian", NORP) feed doc._.country_context and go to
doc.spans["demonyms"] (span._.place = the country), not to doc.spans["places"].
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from warlog.nlp import register_extensions
from warlog.resolve.gazetteer import get_gazetteer
from warlog.resolve.gazetteer_names import WORDS, loose_key, name_key
from warlog.resolve.places import Mention, resolve

MAX_TOKENS = 5
MIN_POPULATION = 5000  # gazetteer-only city matches of several words
MIN_POPULATION_ONE_WORD = 10_000  # ... of one word, known by its own name
MIN_POPULATION_IN_PERSON = 100_000  # ... inside a PERSON entity ("Misrata hospital spokesman")
LEAD_CHARS = 400  # headline and lead: mentions there weigh double
_NER_PLACE = {"GPE", "LOC"}
_BLOCKING = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP", "EVENT",
             "WORK_OF_ART", "LAW", "LANGUAGE"}
_KIND_WORDS = {kind: {name_key(w) for w in WORDS[f"{kind}_words"]} for kind in ("admin1", "admin2", "city", "country")}
_FACILITY = [name_key(w).split() for w in WORDS["facility_words"]]
_LEADING = {"the", "The"}


def _after_feature(doc: Doc, end: int) -> str | None:
    """Kind named by the words right after a toponym ("... province", "... air base")."""
    words = [t.lower_ for t in doc[end:end + 2] if t.is_alpha]
    if not words or doc[end].is_punct:
        return None
    for kind, vocab in _KIND_WORDS.items():
        if words[0] in vocab:
            return kind
    if any(words[:len(f)] == f for f in _FACILITY):
        return "facility"
    return None


def _before_feature(doc: Doc, start: int) -> str | None:
    """Kind named just before: "the town of X", "the province of X"."""
    if start >= 2 and doc[start - 1].lower_ == "of":
        for kind, vocab in _KIND_WORDS.items():
            if doc[start - 2].lower_ in vocab:
                return kind
    return None


def _only_feature_words(span: Span) -> bool:
    return all(any(t.lower_ in vocab for vocab in _KIND_WORDS.values()) for t in span)


def _trim(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and (span.doc[start].text in _LEADING or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    return span.doc[start:end]


def _gazetteer_spans(doc: Doc, taken: set[int], gaz) -> list[Span]:
    """Longest runs of proper nouns that name a big enough gazetteer place."""
    found, i = [], 0
    while i < len(doc):
        tok = doc[i]
        if i in taken or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ in _BLOCKING:
            i += 1
            continue
        for j in range(min(len(doc), i + MAX_TOKENS), i, -1):
            span = doc[i:j]
            if any(t.pos_ != "PROPN" or t.i in taken or t.ent_type_ in _BLOCKING for t in span):
                continue
            if gaz.demonym_country(span.text) or not _big_enough(span, gaz.lookup(span.text)):
                continue
            if i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper():
                continue  # the tail of a longer name: "Main Street", "Medical Center"
            found.append(span)
            i = j - 1
            break
        i += 1
    return found


def _big_enough(span: Span, candidates) -> bool:
    if not candidates:
        return False
    if any(p.kind in ("country", "admin1", "continent") for p in candidates):
        return True
    if span.text.endswith("."):  # "Gen.", "Col.": titles, not places
        return False
    if any(t.ent_type_ == "PERSON" for t in span) or (span.start == span.sent.start and len(span) == 1):
        key = loose_key(name_key(span.text))  # and by its own name, not an alternate one
        return any(p.population >= MIN_POPULATION_IN_PERSON and loose_key(name_key(p.name)) == key
                   for p in candidates)
    if len(span) > 1:
        return any(p.population >= MIN_POPULATION for p in candidates)
    key = loose_key(name_key(span.text))
    return any(p.population >= MIN_POPULATION_ONE_WORD and loose_key(name_key(p.name)) == key for p in candidates)


def _container(doc: Doc, spans: list[Span], k: int) -> int | None:
    """Index of the span that contains spans[k]: "X, Y", "X in Y", "Y's [adj] city of X"."""
    span = spans[k]
    if k + 1 < len(spans):
        nxt = spans[k + 1]
        between = doc[span.end:nxt.start].text.strip()
        if between in (",", "in", ", in") and nxt.sent == span.sent:
            return k + 1
    if k > 0:
        prev = spans[k - 1]
        gap = doc[prev.end:span.start]
        if prev.sent == span.sent and 1 <= len(gap) <= 5 and gap[0].tag_ == "POS" \
                and all(t.is_lower or t.tag_ == "POS" for t in gap):
            return k - 1
    return None


@Language.component("warlog_places")
def warlog_places(doc: Doc) -> Doc:
    """Write doc.spans["places"], doc.spans["demonyms"] and doc._.country_context."""
    gaz = get_gazetteer()
    spans, demonym_spans, demonyms = [], [], {}
    for ent in doc.ents:
        country = gaz.demonym_country(ent.text) if ent.label_ in ("NORP", "GPE") and len(ent) == 1 else None
        if country and not gaz.lookup(ent.text):
            demonym_spans.append(ent)
            demonyms[country] = demonyms.get(country, 0.0) + (2.0 if ent.start_char < LEAD_CHARS else 1.0)
        elif ent.label_ in _NER_PLACE and len(_trim(ent)) and not _only_feature_words(_trim(ent)):
            spans.append(_trim(ent))
    taken = {t.i for s in spans for t in s} | {t.i for s in demonym_spans for t in s}
    spans = sorted(spans + _gazetteer_spans(doc, taken, gaz), key=lambda s: s.start)
    mentions = []
    for k, span in enumerate(spans):
        feature = _after_feature(doc, span.end) or _before_feature(doc, span.start)
        if feature is None and span.end < len(doc) and doc[span.end].ent_type_ == "FAC" \
                and doc[span.end].ent_iob_ == "I":
            feature = "facility"  # the first words of a facility's name
        mentions.append(Mention(span.start_char, span.end_char, span.text, gaz.lookup(span.text), feature,
                                _container(doc, spans, k), 2.0 if span.start_char < LEAD_CHARS else 1.0))
    doc._.country_context = resolve(mentions, demonyms)
    for span, m in zip(spans, mentions):
        span._.place = m.choice
    for span in demonym_spans:
        span._.place = gaz.country(gaz.demonym_country(span.text))
    doc.spans["places"] = spans
    doc.spans["demonyms"] = demonym_spans
    return doc


def geoparse(doc: Doc, demonyms: bool = True) -> list[tuple[int, int, float | None, float | None]]:
    """(char start, char end, lat, lon) of each toponym, for the evaluator.

    With `demonyms`, country adjectives count as toponyms of their country, as in LGL's gold.
    """
    groups = [doc.spans["places"]] + ([doc.spans["demonyms"]] if demonyms and "demonyms" in doc.spans else [])
    out = []
    for group in groups:
        for span in group:
            place = span._.place
            out.append((span.start_char, span.end_char, place.latitude if place else None,
                        place.longitude if place else None))
    return sorted(out)


register_extensions()
