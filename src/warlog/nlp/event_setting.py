"""Where, when and how many: an event's place, date and tolls among those of its sentence.

The place is the town or region of the event's own clause (else the story's current place,
`PlaceContext`), with ACLED's precision; the date is the nearest time expression of its
clause that is not about someone else, a comparison ("the deadliest since 2019") or the
telling ("…, police said on Monday"); the tolls are those hung on its words.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from warlog.nlp.arguments import (LOCATIVE_PREPS, NEAR_WORDS, SentenceArgs, clause_hops, event_clause,
                                  token_distance)
from warlog.nlp.realis import told_about
from warlog.nlp.triggers import trigger_kind


def is_origin(span: Span) -> bool:
    """Whether a place is named as where someone comes from ("fighters from the town of X")."""
    tok = span.root
    for _ in range(6):
        if tok.dep_ == "pobj" and tok.head.lower_ == "from":
            return True
        if tok.dep_ not in ("pobj", "prep", "appos", "compound", "conj") or tok.head is tok:
            return False
        tok = tok.head
    return False


def best_place(tokens: list[Token], args: SentenceArgs) -> tuple[Span | None, int]:
    """The place span an event happened at, and ACLED geo_precision for it.

    Places of the event's own clause beat those of clauses nested in it ("…to retake the
    city west of Baghdad"); origins ("militias from Misrata") and the places inside a
    source's or an actor's name do not count; a country alone is a last resort.
    """
    clause = event_clause(tokens)
    scored = []
    for span in args.places:
        if any(i in args.sources for i in range(span.start, span.end)):
            continue
        if any(i in args.actor_at for i in range(span.start, span.end)):
            continue  # "Misrata hospital spokesman", "warplanes from its ally, Russia"
        if is_origin(span):
            continue  # "militias from the town of Misrata": where they came from
        first_prep = span.root.head.lower_ if span.root.dep_ == "pobj" else ""
        score = {"city": 1.0, "admin2": 0.8, "admin1": 0.5, "country": -1.0}.get(span._.place.kind, 0.3)
        score -= 0.8 * clause_hops(span.root, clause)
        score += 0.3 if first_prep in LOCATIVE_PREPS else 0.0
        score -= 0.03 * token_distance(span, tokens)
        scored.append((score, span))
    if not scored:
        return None, 0
    span = max(scored, key=lambda x: x[0])[1]
    return span, precision_of(span)


def precision_of(span: Span) -> int:
    """ACLED geo_precision: 1 the town itself, 2 near it or part of a region, 3 a region."""
    place = span._.place
    if place.kind in ("admin1", "country"):
        return 3
    window = span.doc[max(span.sent.start, span.start - 6):span.start]
    near = {t.lower_ for t in window} & NEAR_WORDS
    return 2 if near or place.kind == "admin2" else 1


def best_date(tokens: list[Token], args: SentenceArgs) -> Span | None:
    """The time expression of an event: the nearest one of its own clause or of the clause
    it hangs in; a date inside another clause ("two Italians who were kidnapped last July")
    dates that clause, not this event."""
    dated = [s for s in args.dates if s._.when.value is not None or s._.when.earliest is not None]
    clause = event_clause(tokens)
    near = [(clause_hops(s.root, clause), token_distance(s, tokens), s) for s in dated
            if not _about_someone_else(s.root, tokens, clause) and not _compared_with(s.root)
            and not _when_told(s.root, clause)]
    near = [x for x in near if x[0] <= 1]
    return min(near, key=lambda x: (x[0], x[1]))[2] if near else None


SPEECH_LEMMAS = {"say", "tell", "report", "announce", "confirm", "state", "add"}


def _when_told(token: Token, clause: Token) -> bool:
    """Whether a date is when the news was told, not when the event it reports happened:
    "a strike killed 30 people, rescuers said on Wednesday" (the speech's own date)."""
    above = {t.i: t for t in (clause, *clause.ancestors)}
    hit = next((t for t in token.ancestors if t.i in above), None)
    return hit is not None and hit.i != clause.i and hit.lemma_ in SPEECH_LEMMAS and clause.i not in (
        t.i for t in token.ancestors)


COMPARING_PREPS = {"since", "in", "for", "of", "ever"}
ORDINALS = {"first", "second", "third", "last", "latest", "only", "biggest", "largest", "worst", "deadliest"}


def _compared_with(token: Token) -> bool:
    """Whether a date is the yardstick of a superlative, not the event's time: "the deadliest
    since 2019", "the first attack on the base since 2014", "the worst in a decade"."""
    for _ in range(3):
        if token.dep_ != "pobj" or token.head.lower_ not in COMPARING_PREPS:
            return False
        word = token.head.head
        if word.tag_ in ("JJS", "RBS") or word.lower_ in ORDINALS or any(
                c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in ORDINALS) for c in word.children):
            return True
        token = word
    return False


def _about_someone_else(token: Token, tokens: list[Token], clause: Token) -> bool:
    """Whether `token` sits in a relative clause on a participant, not on the event's own words
    ("two Italians who were kidnapped last July"; but "the clashes, which began on Monday")."""
    own = {t.i for t in tokens} | {clause.i}
    above = {clause.i, *(t.i for t in clause.ancestors)}
    for t in [token, *token.ancestors]:
        if t.i in above:
            return False
        if t.dep_ == "acl" and t.tag_ == "VBG" and trigger_kind(t) is None:
            continue  # "hit a school sheltering families on Sunday": a state, the date is the strike's
        if t.dep_ in ("relcl", "acl") and t.head.i not in own:
            return True
    return False


def event_tolls(tokens: list[Token], args: SentenceArgs, alone: bool) -> list[Span]:
    """Casualty counts that belong to this event: hung on its words, or all when it is alone;
    never a count told of a deed someone is only suspected of ("arrested two men suspected
    of planting the bomb that killed 12": the arrest killed no one)."""
    tolls = [s for s in args.tolls if told_about(s.doc[s._.toll.predicate]) is None]
    if alone:
        return tolls
    mine = {t.i for tok in tokens for t in tok.subtree} | {t.i for t in tokens}
    out = []
    for span in tolls:
        pred = span._.toll.predicate
        if pred in mine or span.start in mine:
            out.append(span)
    return out


class PlaceContext:
    """The place a story is at, sentence by sentence: the last town or region it named.

    Sentences that name no place ("the militias were slowed by bombings") happen there.
    """

    def __init__(self) -> None:
        self.current: Span | None = None

    def update(self, args: SentenceArgs) -> None:
        for span in reversed(args.places):
            inside = any(i in args.sources or i in args.actor_at for i in range(span.start, span.end))
            if span._.place.kind != "country" and not inside:
                self.current = span  # (not "Levant" in "the Islamic State of Iraq and the Levant")
                return
