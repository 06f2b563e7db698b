"""Casualty counts told without a number: "heavy losses" (ACLED reads 10), "a councillor was
murdered", "he was found dead" (one). Called by the warlog_tolls component after the counts
that have numbers, so a count is never taken twice."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from warlog.nlp.tolls import COUNT_NOUNS, Toll, _is_person, _side, kind_of
from warlog.resolve.numbers import Quantity


HEAVY = {"heavy", "high", "many", "large", "huge", "significant", "considerable", "severe", "massive"}
LOSS_NOUNS = {"casualty", "loss", "fatality", "death"}
# ACLED's reading of an unnumbered "heavy casualties": 10, with no upper bound.
UNNUMBERED = Quantity(10, 10, None, False, "")


def unnumbered_losses(doc: Doc, sent_starts: list[int], taken: set[int]) -> list[Span]:
    """'Heavy casualties', 'heavy losses': a toll with no number, read as ACLED reads it."""
    out = []
    for t in doc:
        if t.lemma_.lower() not in LOSS_NOUNS or t.i in taken:
            continue
        mod = next((c for c in t.children if c.dep_ == "amod" and c.lower_ in HEAVY), None)
        if mod is None or any(c.like_num for c in t.children):
            continue
        start, end = min(mod.idx, t.idx), t.idx + len(t)
        span = doc.char_span(start, end, label="killed", alignment_mode="expand")
        quantity = Quantity(UNNUMBERED.low, UNNUMBERED.best, None, False, span.text)
        span._.toll = Toll("killed", quantity, "unknown", "", t.i, bisect_right(sent_starts, t.i) - 1, start, end)
        out.append(span)
    return out


SINGLE_PRONOUNS = {"he", "she", "him", "her"}


def single_victims(doc: Doc, sent_starts: list[int], spans: list[Span]) -> list[Span]:
    """One person killed or hurt, told without a number: "a councillor was murdered", "killing
    a university administrator", "he was found dead", "Ahmed Idris was shot dead"."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    predicates = {s._.toll.predicate for s in spans}
    out = []
    for pred in doc:
        kind = kind_of(pred)
        if kind not in ("killed", "injured") or pred.pos_ not in ("VERB", "AUX", "ADJ") or pred.i in predicates:
            continue
        roles = ("nsubjpass",) if pred.tag_ == "VBN" or pred.pos_ == "ADJ" else ("dobj",)
        if pred.lower_ == "dead" and pred.head.lemma_ in ("find", "leave", "shoot"):
            pred, roles = pred.head, ("nsubjpass", "dobj")  # "was found dead", "left him dead"
        holders = [pred]
        if not any(c.dep_ in roles for c in pred.children) and pred.dep_ in ("xcomp", "oprd", "ccomp"):
            holders.append(pred.head)  # "a councillor was reported to have been murdered"
            roles = roles + ("nsubjpass", "nsubj")
        for victim in (c for h in holders for c in h.children if c.dep_ in roles):
            single = victim.tag_ in ("NN", "NNP") and victim.lemma_.lower() not in COUNT_NOUNS \
                and not any(c.like_num or c.lower_ in ("no", "any", "some") for c in victim.children) \
                and (_is_person(victim) or victim.ent_type_ == "PERSON" or any(
                    c.dep_ == "det" and c.lower_ in ("a", "an") for c in victim.children))
            if not single and victim.lower_ not in SINGLE_PRONOUNS:
                continue
            phrase = doc[min(t.i for t in victim.subtree):victim.i + 1]
            if any(t.i in taken for t in phrase) or any(c.dep_ == "conj" for c in victim.children):
                continue
            quantity = Quantity(1, 1, 1, True, phrase.text)
            span = doc.char_span(phrase.start_char, phrase.end_char, label=kind, alignment_mode="expand")
            side = _side(victim) if _is_person(victim) else "unknown"
            span._.toll = Toll(kind, quantity, side, phrase.text, pred.i, bisect_right(sent_starts, pred.i) - 1,
                               phrase.start_char, phrase.end_char)
            out.append(span)
            taken |= set(range(span.start, span.end))
    return out