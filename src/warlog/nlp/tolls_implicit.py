"""Casualty counts told without a number: "heavy losses" (ACLED reads 10), "a councillor was
murdered", "he was found dead" (one). Called by the warlog_tolls component after the counts
that have numbers, so a count is never taken twice."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from warlog.nlp.toll_words import DocWords, told_as_further
from warlog.nlp.tolls import COUNT_NOUNS, TOLL_NOUNS, Toll, _is_person, _side
from warlog.resolve.numbers import Quantity

HEAVY = {"heavy", "high", "many", "large", "huge", "significant", "considerable", "severe", "massive"}
LOSS_NOUNS = frozenset({"casualty", "loss", "fatality", "death"})
# verbs whose object is losses dealt or taken: "left casualties", "inflicted losses"
CAUSING = {"leave", "cause", "inflict", "suffer", "sustain", "incur", "result", "take"}
# determiners that point back at victims already counted, or deny any
NOT_NEW = {"the", "these", "those", "both", "all", "no", "any", "each", "every", "this", "that", "either", "neither"}
# ACLED's reading of an unnumbered "heavy casualties": 10, with no upper bound.
UNNUMBERED = Quantity(10, 10, None, False, "")


def _caused_losses(t) -> bool:
    """'left casualties among the ranks', 'resulted in deaths': losses with no number told as dealt."""
    if t.tag_ != "NNS" or any(c.dep_ == "det" or c.dep_ == "neg" for c in t.children):
        return False
    verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "in" else t.head
    return t.dep_ in ("dobj", "obj", "pobj") and verb.lemma_.lower() in CAUSING \
        and not any(c.dep_ == "neg" for c in verb.children)


def unnumbered_losses(doc: Doc, sent_starts: list[int], taken: set[int]) -> list[Span]:
    """'Heavy casualties', 'heavy losses', 'left casualties': a toll with no number, read as ACLED reads it."""
    out = []
    for t in (doc[i] for i in DocWords.of(doc).lemma_positions(LOSS_NOUNS)):
        if t.i in taken or any(c.like_num for c in t.children):
            continue
        mod = next((c for c in t.children if c.dep_ == "amod" and c.lower_ in HEAVY), None)
        if mod is None and not _caused_losses(t):
            continue
        start, end = min(mod.idx if mod is not None else t.idx, t.idx), t.idx + len(t)
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
    for i, kind in DocWords.of(doc).kinds.items():
        pred = doc[i]
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
            single = victim.tag_ in ("NN", "NNP") and victim.lemma_.lower() not in COUNT_NOUNS | TOLL_NOUNS | {"total"} \
                and not any(c.like_num or c.lower_ in ("no", "any", "some") for c in victim.children) \
                and (_is_person(victim) or victim.ent_type_ == "PERSON" or any(
                    c.dep_ == "det" and c.lower_ in ("a", "an") for c in victim.children))
            if not single and victim.lower_ not in SINGLE_PRONOUNS and not _one_misparsed(victim, holders):
                continue
            phrase = doc[min(t.i for t in victim.subtree):victim.i + 1]
            if any(t.i in taken for t in phrase):
                continue
            quantity = Quantity(1, 1, 1, True, phrase.text)
            span = doc.char_span(phrase.start_char, phrase.end_char, label=kind, alignment_mode="expand")
            side = _side(victim) if _is_person(victim) else "unknown"
            span._.toll = Toll(kind, quantity, side, phrase.text, pred.i, bisect_right(sent_starts, pred.i) - 1,
                               phrase.start_char, phrase.end_char, told_as_further(victim, None, pred))
            out.append(span)
            taken |= set(range(span.start, span.end))
    return out


def _one_misparsed(victim, holders) -> bool:
    """A singular subject the tagger garbled ("An alleged IS 'senior commander' Abu Ali was
    found dead": IS read as a verb heads the phrase): one person when the verb is singular
    ("was") and the phrase holds a person word or a person's name."""
    if victim.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or victim.dep_ != "nsubjpass":
        return False
    if not any(c.dep_ == "auxpass" and c.lower_ == "was" for h in holders for c in h.children):
        return False
    return any(_is_person(t) or t.ent_type_ == "PERSON" for t in victim.subtree)


BODIES = frozenset({"body", "corpse"})
# what is done with a dead person's body: "the body of a teacher was found", "dumped a corpse"
BODY_VERBS = {"find", "discover", "recover", "retrieve", "dump", "exhume", "pull", "identify", "bury",
              "return", "hand", "dig", "wash", "leave", "throw", "burn", "mutilate", "deliver", "collect"}


def one_body(doc: Doc, sent_starts: list[int], spans: list[Span]) -> list[Span]:
    """A body found, told without a number: "the body of a kidnapped boy was found", "his corpse
    was dumped by the road" (one killed). Not "a UN body", "a body of water": the body must be
    what such a verb is done to."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for i in DocWords.of(doc).lemma_positions(BODIES):
        body = doc[i]
        verb = body.head
        if i in taken or body.tag_ != "NN" or body.dep_ not in ("nsubjpass", "dobj", "obj") \
                or verb.lemma_.lower() not in BODY_VERBS:
            continue
        if not any(c.dep_ in ("det", "poss") and c.lower_ not in NOT_NEW - {"the", "this", "that"}
                   for c in body.children):
            continue  # "no body was found", "each body"
        owner = next((p for c in body.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"), None)
        if owner is not None and not (_is_person(owner) or owner.ent_type_ == "PERSON" or owner.pos_ == "PROPN"
                                      or owner.lower_.endswith("old") or any(
                                          c.dep_ == "det" and c.lower_ in ("a", "an") for c in owner.children)):
            continue  # "the body of the car"; not "the body of a missing teacher", "of a 12-year-old"
        phrase = doc[min(t.i for t in body.subtree if t.i <= i):i + 1]
        if any(t.i in taken for t in phrase):
            continue
        span = doc.char_span(phrase.start_char, phrase.end_char, label="killed", alignment_mode="expand")
        side = _side(owner) if owner is not None and _is_person(owner) else "unknown"
        span._.toll = Toll("killed", Quantity(1, 1, 1, True, phrase.text), side, phrase.text, i,
                           bisect_right(sent_starts, i) - 1, phrase.start_char, phrase.end_char)
        out.append(span)
        taken |= set(range(span.start, span.end))
    return out


def unnumbered_victims(doc: Doc, sent_starts: list[int], spans: list[Span]) -> list[Span]:
    """People killed told in the plural with no number ("killing their fighters", "militants
    were killed"): ACLED's placeholder of 10 (low 2, no upper bound). Not when a determiner
    points back at people already counted ("the soldiers were killed")."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    predicates = {s._.toll.predicate for s in spans if s._.toll.kind == "killed"}
    out = []
    for i, kind in DocWords.of(doc).kinds.items():
        pred = doc[i]
        if kind != "killed" or pred.pos_ not in ("VERB", "AUX") or pred.i in predicates:
            continue
        if any(c.dep_ == "neg" for c in pred.children):
            continue
        roles = ("nsubjpass",) if pred.tag_ == "VBN" else ("dobj", "obj")
        for victim in (c for c in pred.children if c.dep_ in roles):
            if victim.tag_ != "NNS" or victim.pos_ != "NOUN" or not _is_person(victim) or victim.i in taken:
                continue
            if any(c.like_num or c.dep_ in ("nummod", "quantmod") or c.dep_ in ("det", "predet", "amod")
                   and c.lower_ in NOT_NEW | {"other", "more"} for c in victim.children):
                continue
            phrase = doc[min(t.i for t in victim.subtree if t.i <= victim.i):victim.i + 1]
            if any(t.i in taken for t in phrase):
                continue
            quantity = Quantity(2, UNNUMBERED.best, None, False, phrase.text)
            span = doc.char_span(phrase.start_char, phrase.end_char, label="killed", alignment_mode="expand")
            span._.toll = Toll("killed", quantity, _side(victim), phrase.text, pred.i,
                               bisect_right(sent_starts, pred.i) - 1, phrase.start_char, phrase.end_char)
            out.append(span)
            taken |= set(range(span.start, span.end))
    return out


def conjoined_singles(doc: Doc, sent_starts: list[int], spans: list[Span]) -> list[Span]:
    """One more victim for each single person coordinated with a counted one: "a nurse and
    her son were killed" (2), "the commander and four other members were killed" (5)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for span in list(spans):
        toll = span._.toll
        if toll.kind not in ("killed", "injured"):
            continue
        noun = span.root if span.root.pos_ in ("NOUN", "PROPN") else span.root.head
        for other in noun.conjuncts:
            if other.i in taken or other.tag_ not in ("NN", "NNP") or other.lemma_.lower() in COUNT_NOUNS:
                continue
            if not (_is_person(other) or other.ent_type_ == "PERSON") \
                    or any(c.like_num or c.lower_ in NOT_NEW - {"the", "this", "that"} for c in other.children):
                continue
            first = min(t.i for t in other.subtree if t.i <= other.i)
            phrase = doc[first:other.i + 1]
            if any(t.i in taken for t in phrase):
                continue
            one = doc.char_span(phrase.start_char, phrase.end_char, label=toll.kind, alignment_mode="expand")
            one._.toll = Toll(toll.kind, Quantity(1, 1, 1, True, phrase.text), _side(other), phrase.text,
                              toll.predicate, toll.sentence, phrase.start_char, phrase.end_char, toll.further)
            out.append(one)
            taken |= set(range(one.start, one.end))
    return out
