"""Event coders' notes on a toll, which their notes (ACLED's among them) carry beside the
report's own words: a tally of the figure coded ("14 fatalities recorded") and a toll split
over several records ("fatalities split between Al Hawari and Mreisa", "between 3 events")."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from warlog.nlp.doc_index import matching_positions

RECORDED_NOUNS = frozenset({"fatality", "death", "casualty"})
REST = frozenset({"remaining", "other", "further", "additional", "rest"})


def recorded(noun: Token, doc: Doc) -> str:
    """A coder's tally of the toll, as event coders note it ("14 fatalities recorded", "2
    fatalities recorded on 9 March and 1 on 10 March", "remaining 26 fatalities recorded on 5
    March", "30 recorded in Wishka, 7 in Buayrat"): "total" when it is this record's figure,
    "split" when it is told for a day or place of its own (a toll split over several records),
    "rest" when it is the others' share; else ""."""
    if noun.lemma_.lower() not in RECORDED_NOUNS:
        return ""
    verb = noun.head if noun.head.lemma_.lower() == "record" else \
        next((c for c in noun.children if c.lemma_.lower() == "record"), None)
    if verb is None:
        return ""
    if noun.head.lower_ in REST or any(c.lower_ in REST for c in noun.children):
        return "rest"
    told_for = [c for c in verb.children if c.dep_ == "prep"]
    bounds = list(doc.spans.get("dates", ())) + list(doc.spans.get("places", ()))
    split = any(c.left_edge.i <= b.start <= c.right_edge.i for c in told_for for b in bounds)
    return "split" if split else "total"


SPLIT_WORDS = frozenset({"split", "divided", "shared", "distributed"})
SPLIT_NOUNS = RECORDED_NOUNS | {"fatalities", "deaths", "casualties"}
MAX_SHARES = 10
BACK = 3  # a note applies to the counts told up to this many sentences before it
UNITS = frozenset({"event", "events", "location", "locations", "day", "days", "record", "records", "place",
                   "places", "area", "areas", "town", "towns"})
STOPS = frozenset({"(", ")", ";", ".", ":", "[", "]"})


def _shares(verb: Token) -> int:
    """How many records a split note divides a toll over: "between 3 events" is 3, "between
    Al Hawari and Mreisa" and "between 20 and 21 February" are 2; 0 when it does not say.
    Read from the words, not the parse, which hangs "between 20 and 21" on the numbers."""
    doc, end = verb.doc, verb.sent.end
    at = next((i for i in range(verb.i + 1, min(verb.i + 3, end)) if doc[i].lower_ in ("between", "across", "among")),
              None)
    if at is None:
        return 0
    words = []
    for t in doc[at + 1:end]:
        if t.text in STOPS:
            break
        words.append(t)
    if len(words) >= 2 and words[0].like_num and words[1].lower_ in UNITS:
        n = int(words[0].text) if words[0].text.isdigit() else 0
    elif any(t.lower_ == "and" for t in words):
        n = 1 + sum(t.lower_ in ("and", ",") for t in words)
    else:
        n = 0
    return n if 2 <= n <= MAX_SHARES else 0


def shared_out(doc: Doc, sent_starts: list[int], spans: list[Span]) -> list[Span]:
    """The toll spans, those a split note divides marked with their share count: the counts
    of the note's own sentence, or else of the nearest sentence before it that has some."""
    notes = [doc[i] for i in matching_positions(doc, "toll_split", SPLIT_WORDS)]
    if not notes or not spans:
        return spans
    for verb in notes:
        if not any(t.lower_ in SPLIT_NOUNS or t.lemma_.lower() in SPLIT_NOUNS for t in verb.sent):
            continue
        n = _shares(verb)
        if not n:
            continue
        sent = bisect_right(sent_starts, verb.i) - 1
        told = sorted({s._.toll.sentence for s in spans if sent - BACK <= s._.toll.sentence <= sent
                       and s._.toll.kind == "killed"})
        if not told:
            continue
        target = sent if sent in told else told[-1]
        for k, span in enumerate(spans):
            toll = span._.toll
            if toll.sentence == target and toll.kind == "killed" and not toll.recorded:
                shared = doc.char_span(span.start_char, span.end_char, label=span.label_)
                shared._.toll = replace(toll, share=n)
                spans[k] = shared
    return spans
