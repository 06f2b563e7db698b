"""The `warlog_places` component: find toponyms, resolve each to a gazetteer place.

Toponyms come from the NER (GPE, LOC) and from a gazetteer matcher over runs of proper
nouns, since a small model misses many ("Manbij" as PRODUCT, "Misrata" as PERSON); see
place_spans.py. Once the article's places are resolved, a second pass (place_context.py)
finds towns of any size in its home divisions ("Clifton Forge" among Virginia places),
towns where only a place can stand, and names said again.
Demonyms and country adjectives ("Syrian", NORP) feed doc._.country_context and go to
doc.spans["demonyms"] (span._.place = the country), not to doc.spans["places"]. A place name
that only names a facility elsewhere keeps span._.place None in doc.spans["places"]; the
place it is named after is kept in doc.user_data[NAMED_AFTER_KEY] (for geoparsing, not events).
Names in a list closed by a plural division word are divisions ("Butler and Warren counties").
The rules read the document's tokens once, through a `TokenTable` (place_tokens.py).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from warlog.nlp import register_extensions
from warlog.nlp.actor_countries import actor_countries
from warlog.nlp.place_context import (
    local_places,
    repeated_names,
    slot_places,
    taken_tokens,
)
from warlog.nlp.place_cues import is_surname, surnames
from warlog.nlp.place_lists import container
from warlog.nlp.place_spans import (
    COMPASS,
    demonym_spans,
    feature,
    gazetteer_spans,
    only_feature_words,
    trim,
)
from warlog.nlp.place_tokens import TokenTable
from warlog.resolve.gazetteer import get_gazetteer
from warlog.resolve.gazetteer_names import WORDS
from warlog.resolve.places import Mention, resolve

NAME_PREFIXES = frozenset(WORDS["name_prefixes"])
NAMED_AFTER_KEY = "warlog_places_named_after"  # {(start_char, end_char): Place} of facility names
LEAD_CHARS = 400  # headline and lead: mentions there weigh double
_NER_PLACE = {"GPE", "LOC"}
_REGION_KINDS = ("country", "admin1", "admin2")  # kinds that contain towns


def _opens_a_longer_name(tt: TokenTable, span) -> bool:
    """'Abu' of 'Abu Grein', 'Bab' of 'the Bab Tajoura militia': a word that opens Arabic
    place names, followed by another capitalised word, is the start of a name the gazetteer
    lacks, not a place of its own."""
    nxt = span.end
    return len(span) == 1 and tt.lower[span.start] in NAME_PREFIXES and nxt < tt.n \
        and tt.cap[nxt] and tt.alpha[nxt] and not tt.upper[nxt]


def _word_of_a_group(span, groups: list[tuple[int, int, str]], gaz) -> bool:
    """A name inside an armed group's name with no reading in the group's country ("Abu" in
    "Abu Sayyaf"): a word of the group's name, not a place."""
    return any(start <= span.start and span.end <= end and len(span) < end - start
               and not any(p.country_code == country for p in gaz.lookup(span.text))
               for start, end, country in groups)


def _salience(start_char: int) -> float:
    return 2.0 if start_char < LEAD_CHARS else 1.0


@Language.component("warlog_places")
def warlog_places(doc: Doc) -> Doc:
    """Write doc.spans["places"], doc.spans["demonyms"] and doc._.country_context."""
    gaz = get_gazetteer()
    tt = TokenTable(doc)
    names = surnames(tt)
    demonyms: dict[str, float] = {}
    adjectives = demonym_spans(tt, gaz)
    in_demonym = taken_tokens(*adjectives)
    for span in adjectives:
        country = gaz.demonym_country(span.text)
        demonyms[country] = demonyms.get(country, 0.0) + _salience(span.start_char)
    spans = []
    for ent in tt.ents:
        if ent.label_ not in _NER_PLACE or any(k in in_demonym for k in range(ent.start, ent.end)):
            continue
        span = trim(tt, ent, gaz)
        if not len(span) or only_feature_words(span) or (len(span) == 1 and tt.lower[span.start] in COMPASS) \
                or _opens_a_longer_name(tt, span):
            continue
        text = tt.span_text(span.start, span.end)
        if is_surname(text, len(span), names, gaz.lookup(text)):
            continue  # a person's surname tagged as a place
        spans.append(span)
    taken = taken_tokens(*spans) | in_demonym
    votes, groups = actor_countries(doc)
    spans = sorted(spans + [s for s in gazetteer_spans(tt, taken, gaz, names)
                            if not _word_of_a_group(s, groups, gaz) and not _opens_a_longer_name(tt, s)],
                   key=lambda s: s.start)
    texts = [tt.span_text(span.start, span.end) for span in spans]
    readings = [gaz.lookup(text) for text in texts]
    regions = frozenset(k for k, places in enumerate(readings) if any(p.kind in _REGION_KINDS for p in places))
    mentions = [Mention(span.start_char, span.end_char, text, places, feature(tt, span.start, span.end),
                        container(tt, spans, k, regions), _salience(span.start_char))
                for k, (span, text, places) in enumerate(zip(spans, texts, readings))]
    for country, n in votes.items():  # "LNA forces", "the Shura Council": the country they fight in
        demonyms[country] = demonyms.get(country, 0.0) + n
    doc._.country_context = resolve(mentions, demonyms)
    taken = taken_tokens(*spans) | in_demonym
    local = local_places(tt, taken, gaz, names, mentions)
    taken |= taken_tokens(*(s for s, _ in local))
    local += slot_places(tt, taken, gaz, names, (doc._.country_context or [])[:2])
    taken |= taken_tokens(*(s for s, _ in local))
    local += repeated_names(tt, taken, gaz, spans + [s for s, _ in local], mentions + [m for _, m in local])
    if local:
        spans, mentions = map(list, zip(*sorted([*zip(spans, mentions), *local], key=lambda pair: pair[0].start)))
    named_after = {}
    for span, m in zip(spans, mentions):
        span._.place = m.choice
        if m.choice is None and m.named is not None:
            named_after[(span.start_char, span.end_char)] = m.named
    for span in adjectives:
        span._.place = gaz.demonym_place(span.text)
    doc.spans["places"] = spans
    doc.spans["demonyms"] = adjectives
    doc.user_data[NAMED_AFTER_KEY] = named_after
    return doc


def geoparse(doc: Doc, demonyms: bool = True) -> list[tuple[int, int, float | None, float | None]]:
    """(char start, char end, lat, lon) of each toponym, for the evaluator.

    With `demonyms`, country adjectives count as toponyms of their country, as in LGL's gold.
    A place name inside a facility's name ("Vancouver International Airport") is a toponym of
    that place here, though it does not place events (doc.user_data[NAMED_AFTER_KEY]).
    """
    groups = [doc.spans["places"]] + ([doc.spans["demonyms"]] if demonyms and "demonyms" in doc.spans else [])
    named_after = doc.user_data.get(NAMED_AFTER_KEY, {})
    out = []
    for group in groups:
        for span in group:
            place = span._.place or named_after.get((span.start_char, span.end_char))
            out.append((span.start_char, span.end_char, place.latitude if place else None,
                        place.longitude if place else None))
    return sorted(out)


register_extensions()
