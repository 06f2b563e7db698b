"""Casualty counts ("tolls") on the dependency parse: the spaCy component `warlog_tolls`.

A toll is a number phrase (warlog.resolve.numbers.find_quantities) that counts people and
hangs on a casualty predicate: killed, injured, abducted, arrested or displaced. The
number finds its people noun ("36 militiamen", "scores of detained soldiers") or stands
for them ("about 140 were wounded"); the predicate is found, in this order, in the noun
itself ("12 deaths"), after it ("militiamen killed", "people who were wounded"), above it
("the blast killed 12 soldiers", "36 people were killed", "leaving 7 dead", "the deaths
of 12"), before it ("12 wounded soldiers"), in a toll construction ("the death toll rose
to 40") or, when the parse fails, in the next few words. A count with no people noun of
its own ("others", "about 140") takes the victims of the toll before it in the sentence.
"No casualties" gives zero killed and zero injured; a non-zero number of "casualties"
(killed and wounded together) gives nothing.

Writes doc.spans["tolls"]; each span (label = kind) carries span._.toll, a `Toll`.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from warlog.nlp import register_extensions
from warlog.nlp.doc_index import doc_text
from warlog.nlp.toll_notes import recorded, shared_out
from warlog.nlp.toll_words import (
    CIVILIAN_MODS,
    COUNT_NOUNS,
    NON_STATE_MODS,
    SIDE_OF,
    STATE_MODS,
    TOLL_NOUNS,
    DocWords,
    kind_of,
    told_as_further,
)
from warlog.nlp.toll_words import (
    is_person as _is_person,
)
from warlog.resolve.numbers import Found, Quantity, find_quantities

KINDS = ("killed", "injured", "abducted", "arrested", "displaced")
INHERITING = {"other", "more"}
ARTICLES = frozenset({"a", "an"})
NOMINAL = {"NOUN", "PROPN"}
_AUX_GAP = {"who", "were", "was", "have", "has", "had", "been", "are", "is", "being", "reportedly",
            "also", "later", "all", "allegedly", "reported", "confirmed", "claimed", "said", "believed",
            "presumed", "known"}


@dataclass(frozen=True, slots=True)
class Toll:
    """One casualty count: how many people, of which side, suffered what."""

    kind: str  # killed | injured | abducted | arrested | displaced
    quantity: Quantity
    side: str  # civilians | state | non_state | unknown
    victim: str  # the people noun phrase ("detained Syrian soldiers"), "" when the text names none
    predicate: int  # doc index of the token the count hangs on (verb or noun)
    sentence: int  # index of the sentence in the doc
    start: int  # char offsets of the number phrase
    end: int
    further: bool = False  # told as victims beyond those counted before ("another man", "also killed")
    recorded: str = ""  # a coder's tally ("14 fatalities recorded"): "total", "split" (a day's or place's share), "rest"
    share: int = 1  # the toll is split over this many records ("fatalities split between A and B")


def _transitive_subject(token: Token) -> bool:
    """token is the doer of an active verb with an object: "12 soldiers killed 5 militants"."""
    return token.dep_ == "nsubj" and _has_object(token.head)


def _has_object(verb: Token) -> bool:
    """An active verb with an object, whose subject is the doer; not "fled their homes", not
    "lost their lives"."""
    return verb.lemma_ not in ("flee", "die", "perish") and any(
        c.dep_ in ("dobj", "obj") and c.lemma_.lower() not in ("life", "lives") for c in verb.children)


def _governed(g: Token) -> Token | None:
    """The casualty predicate that governs the phrase headed by g."""
    while g.dep_ == "conj" and g.head.pos_ in NOMINAL | {"NUM"}:
        g = g.head
    head = g.head
    if g.dep_ == "pobj" and head.lower_ == "of" and kind_of(head.head):
        return head.head  # "the deaths of 12 civilians"
    if g.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in TOLL_NOUNS | {"total"}:
        return _governed(head.head)  # "a total of 47 militiamen have been killed"
    if g.dep_ == "pobj" and head.lower_ in ("including", "with") and head.head is not head:
        host = head.head.head if head.head.lower_ == "along" else head.head  # "along with three civilians"
        if kind_of(host):
            return host
        if host.pos_ in NOMINAL:
            return next((c for c in host.rights if c.dep_ in ("acl", "relcl") and kind_of(c)), None) or _governed(host)
    if g.dep_ not in ("nsubj", "nsubjpass", "dobj", "obj", "attr", "oprd") or head is g:
        return None
    if kind_of(head) and not _transitive_subject(g):
        return head
    for c in head.children:  # "were found dead", "leaving 7 dead", "forced to flee", "among the dead were"
        if c.dep_ in ("xcomp", "oprd", "acomp", "ccomp") and kind_of(c) and c.i > g.i:
            return c
        if c.dep_ == "prep" and c.lower_ == "among":
            for p in c.children:
                if p.dep_ == "pobj" and kind_of(p):
                    return p
                for r in p.children if p.dep_ == "pobj" else ():  # "among those killed"
                    if r.dep_ in ("acl", "relcl") and kind_of(r):
                        return r
    return None


def _toll_noun(anchor: Token) -> Token | None:
    """'the death toll rose to 40', 'a toll of 40', 'death tolls ranging from 18 to 32'."""
    nouns = DocWords.of(anchor.doc).toll_nouns()
    if not nouns:
        return None
    t = anchor
    for _ in range(5):  # up the heads, to the root
        if t.head.i == t.i and t is not anchor:
            return None
        t = t.head
        if t.i in nouns and _toll_kind(t):
            return t
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i in nouns and _toll_kind(c):
                return c
    return None


_MODALS = frozenset({"could", "may", "might", "would"})


def _projected(toll: Token) -> bool:
    """Whether a toll noun's figure is a forecast: "the toll could rise to 50", "is expected
    to climb", "may reach 100"."""
    verb = toll.head
    if toll.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return True
    return verb.lemma_ in ("expect", "fear", "likely") or (verb.dep_ == "xcomp" and verb.head.lemma_ in ("expect", "fear"))


def _toll_kind(toll: Token) -> str | None:
    words = [c for c in toll.children if c.dep_ in ("compound", "amod")]
    words += [p for c in toll.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    for w in words:
        if w.lemma_.lower() in ("casualty", "death", "dead"):
            return "killed"
        if kind_of(w):
            return kind_of(w)
    return "killed" if toll.lemma_.lower() == "toll" else None


def _window(doc: Doc, first: int, last: int, sent: Span) -> tuple[Token, Token | None] | None:
    """Parse-free fallback, (predicate, people noun): "36 [IS militants] [were] killed", "killing 3"."""
    noun = None
    for j in range(last + 1, min(last + 7, sent.end)):
        tok = doc[j]
        if kind_of(tok):
            if tok.tag_ in ("VBN", "VBD", "JJ") and not _has_object(tok):
                return tok, noun  # (with an object the number is the doer: "12 soldiers killed 5 militants")
            break
        if _is_person(tok):
            noun = tok
        elif not (tok.pos_ in NOMINAL | {"ADJ"} or tok.lower_ in _AUX_GAP or tok.text.isupper()
                  or tok.lower_ == "," and j == last + 1):
            break
    before = doc[first - 1] if first > sent.start else None
    if before is not None and kind_of(before) and before.tag_ in ("VBG", "VBD", "VBN"):
        return before, noun
    return None


def _side(noun: Token) -> str:
    mods = {c.lower_ for c in noun.subtree if c.i < noun.i and c.dep_ in ("amod", "compound", "nmod", "poss")}
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            mods |= {t.lemma_.lower() for t in c.subtree}
    base = SIDE_OF.get(noun.lemma_.lower()) or SIDE_OF.get(noun.lower_) or "unknown"
    if mods & CIVILIAN_MODS and base == "unknown":
        return "civilians"
    if mods & NON_STATE_MODS and base in ("state", "unknown"):
        return "non_state"
    if mods & STATE_MODS and base == "unknown":
        return "state"
    return base


def _victim_text(noun: Token, skip: set[int]) -> str:
    lefts = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i not in skip]
    start = min((t.i for c in lefts for t in c.subtree if t.i not in skip), default=noun.i)
    end = noun.i + 1
    if noun.lemma_.lower() in ("member", "force", "unit"):
        end = max([t.i + 1 for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree],
                  default=end)
    return noun.doc[start:end].text


def _victim_noun(anchor: Token, core: set[int]) -> tuple[Token, Token] | None:
    """(people noun, head of the counted phrase) for a number token; None if it counts things."""
    head = anchor.head
    if head.lower_ == "death" and head.dep_ == "pobj" and head.head.lower_ == "to":
        # "hacked to death 11 villagers": the number counts the people after it, not the death
        after = anchor.doc[anchor.i + 1] if anchor.i + 1 < len(anchor.doc) else None
        return (after, after) if after is not None and _is_person(after) else None
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in GROUPS_OF:
        return head.head, head.head  # "a family of five": the family's members are counted
    if anchor.dep_ in ("nummod", "quantmod", "amod", "det", "compound", "nmod", "advmod") \
            and head.pos_ in NOMINAL and head.i not in core:
        if head.lemma_.lower() in COUNT_NOUNS or kind_of(head):
            return head, head
        if _is_person(head):  # "21 Border Guard fighter": a number before a singular noun is a name
            return (head, head) if head.tag_ in ("NNS", "NNPS") or anchor.lower_ in ("one", "1", "no", "a", "an") else None
        if head.tag_ == "NNS" and head.pos_ == "NOUN" or _plural_name(head):
            return head, head  # an unlisted plural: accepted for killed/injured only (see _kinds)
        return None
    for c in anchor.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if objs and _is_person(objs[0]):
                return objs[0], anchor  # "scores of detained Syrian soldiers", "one of the guards"
            if objs and objs[0].pos_ != "PRON":
                return None  # "one of the airstrikes", "tens of thousands of dollars"
    return anchor, anchor


GROUPS_OF = frozenset({"family", "household"})  # "a family of five"


def _counted_group(noun: Token) -> bool:
    """'a family of five': the number, not the article, counts."""
    return noun.lemma_.lower() in GROUPS_OF and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.like_num for p in c.children) for c in noun.children)


def _plural_name(token: Token) -> bool:
    """A plural demonym the tagger read as a singular name: "four Bangladeshis", "two Afghans"."""
    return token.tag_ == "NNP" and token.lower_.endswith("s") and not token.lower_.endswith("ss") \
        and token.text[:1].isupper() and not token.text.isupper()


def _own_subject(clause: Token) -> bool:
    """A relative clause with a subject of its own ("the nurses it captured"), not "who were hurt"."""
    return any(c.dep_ == "nsubj" and c.lower_ not in ("who", "that", "which") for c in clause.children)


def _predicate(noun: Token, governor: Token, anchor: Token, numeric: bool) -> Token | None:
    if governor is not noun and _governed(governor) is not None:
        return _governed(governor)  # "murdered three of the six men kidnapped"
    if noun is not anchor and noun.lemma_.lower() in COUNT_NOUNS | {"casualty"}:
        return noun
    for c in noun.rights:
        if c.dep_ in ("acl", "relcl", "amod", "appos") and kind_of(c):
            if c.dep_ == "relcl" and _own_subject(c) and _governed(governor) is not None:
                return _governed(governor)  # "executed two nurses it had captured": executed
            if c.dep_ == "relcl" and _has_object(c) and not _own_subject(c):
                continue  # "three soldiers who had arrested a smuggler": the doers
            return c
        if c.dep_ == "relcl":
            for d in c.children:
                if d.dep_ in ("xcomp", "oprd", "acomp") and kind_of(d):
                    return d
    pred = _governed(governor)
    if pred is not None:
        return pred
    for c in noun.lefts:
        if c.dep_ in ("amod", "compound") and kind_of(c) and c.i > anchor.i:
            return c
    if numeric:
        return _toll_noun(anchor)
    return None


def _kinds(pred: Token, noun: Token, anchor: Token, quantity: Quantity) -> list[str]:
    lemma = pred.lemma_.lower()
    if lemma == "casualty":
        return ["killed", "injured"] if quantity.best == 0 else []
    if pred.lemma_.lower() in TOLL_NOUNS:
        return [_toll_kind(pred) or "killed"]
    kind = kind_of(pred)
    unlisted = noun is not anchor and noun.pos_ in NOMINAL and not _is_person(noun) and noun.lemma_.lower() not in COUNT_NOUNS
    if kind is None or unlisted and (kind not in ("killed", "injured") or lemma == "lose"):
        return []
    return [kind]


@Language.component("warlog_tolls")
def tolls_component(doc: Doc) -> Doc:
    """Find the casualty counts of a parsed Doc; write doc.spans["tolls"]."""
    register_extensions()
    words = DocWords.of(doc)
    sent_starts = words.sentence_starts()
    sent_ends = sent_starts[1:] + [len(doc)]
    spans: list[Span] = []
    for found, anchor, core, numeric in _candidates(doc, words):
        sent_i = bisect_right(sent_starts, anchor.i) - 1
        sent = doc[sent_starts[sent_i]:sent_ends[sent_i]]
        picked = _victim_noun(anchor, core)
        if picked is None:
            continue
        noun, governor = picked
        pred = _predicate(noun, governor, anchor, numeric)
        # the parse-free window, unless the count sits in another noun's "of" phrase
        # ("the father of four boys, was shot dead": the boys were not shot)
        nested = governor.dep_ == "pobj" and governor.head.head.i not in core and governor.head.head.pos_ in NOMINAL
        if pred is None and numeric and (noun is anchor or _is_person(noun)) and not nested:
            first = doc.char_span(found.start, found.end, alignment_mode="expand").start
            hit = _window(doc, first, max(max(core), noun.i), sent)
            pred, noun = (hit[0], hit[1] or noun) if hit else (None, noun)
        if pred is None:
            continue
        if _widens(spans, doc, anchor, found, sent):
            continue
        toll_pred = pred.lemma_.lower() in TOLL_NOUNS
        if toll_pred and _projected(pred):
            continue  # "the death toll could rise to 50": a forecast, not a count
        for n, kind in enumerate(_kinds(pred, noun, anchor, found.quantity)):
            if noun is anchor or toll_pred or noun.lemma_.lower() in INHERITING | COUNT_NOUNS:
                side, victim = _inherited(spans, sent, doc, pred, kind)
            else:
                side, victim = _side(noun), _victim_text(noun, core)
            # span._ values are keyed by char offsets: a second kind on the same words
            # ("no casualties": killed 0, injured 0) takes the words up to its predicate
            end = found.end if n == 0 else max(found.end, pred.idx + len(pred))
            span = doc.char_span(found.start, end, label=kind, alignment_mode="expand")
            further = told_as_further(None if noun is anchor else noun, anchor if numeric else None, pred)
            span._.toll = Toll(kind, found.quantity, side, victim, pred.i, sent_i, found.start, end, further,
                               recorded(noun, doc) if anchor.like_num and kind == "killed" else "")
            spans.append(span)
    from warlog.nlp.tolls_implicit import (
        conjoined_singles,
        one_body,
        single_victims,
        unnumbered_losses,
        unnumbered_victims,
    )

    spans += unnumbered_losses(doc, sent_starts, {s.start for s in spans})
    spans += single_victims(doc, sent_starts, spans)
    spans += conjoined_singles(doc, sent_starts, spans)
    spans += one_body(doc, sent_starts, spans)
    spans += unnumbered_victims(doc, sent_starts, spans)
    doc.spans["tolls"] = shared_out(doc, sent_starts, sorted(spans, key=lambda s: s.start))
    return doc


def _widens(spans: list[Span], doc: Doc, anchor: Token, found: Found, sent: Span) -> bool:
    """"Eighteen civilians, possibly 25, died": the second figure widens the toll before it."""
    first = doc.char_span(found.start, found.end, alignment_mode="expand").start
    if first < sent.start + 2 or doc[first - 1].lower_ not in ("possibly", "perhaps", "maybe") or not spans:
        return False
    prev = spans[-1]
    if prev.start < sent.start or first - prev.end > 4 or found.quantity.high is None:
        return False
    for i, span in enumerate(spans):
        if span.start_char == prev.start_char:
            t = span._.toll
            q = t.quantity
            wide = Quantity(q.low, q.best, max(q.high or 0, found.quantity.high), False, doc_text(doc)[t.start:found.end])
            new = doc.char_span(t.start, found.end, label=span.label_, alignment_mode="expand")
            new._.toll = Toll(t.kind, wide, t.side, t.victim, t.predicate, t.sentence, t.start, found.end, t.further,
                              t.recorded)
            spans[i] = new
    return True


def _inherited(spans: list[Span], sent: Span, doc: Doc, pred: Token, kind: str) -> tuple[str, str]:
    """Victims for a count that names none: the toll before it in the sentence, else a people
    noun of the sentence hung on a predicate of the same kind ("civilians killed ... tolls of 18")."""
    for span in reversed(spans):
        if span.start >= sent.start and span._.toll.victim:
            return span._.toll.side, span._.toll.victim
    for t in sent:
        if t.pos_ in NOMINAL and _is_person(t) and t.lemma_.lower() not in INHERITING:
            for c in list(t.children) + [t.head]:
                if kind_of(c) == kind and c is not pred:
                    return _side(t), _victim_text(t, set())
    return "unknown", ""


def _candidates(doc: Doc, words: DocWords):
    """(Found, anchor token, core token indices, is a number) for number phrases and 'a soldier'."""
    out = []
    for found in find_quantities(doc_text(doc)):
        core = doc.char_span(found.core_start, found.core_end, alignment_mode="expand")
        if core is None or not len(core):
            continue
        idx = {t.i for t in core}
        anchor = next((t for t in core if t.head.i not in idx or t.head is t), core.root)
        out.append((found, anchor, idx, True))
    for t in (doc[i] for i in words.lower_positions(ARTICLES)):
        if t.dep_ == "det" and t.head.tag_ == "NN" and _is_person(t.head) \
                and t.head.lemma_.lower() not in INHERITING | {"police", "army", "military", "militia", "force"} \
                and not _counted_group(t.head):
            q = Quantity(1, 1, 1, True, t.text)
            out.append((Found(t.idx, t.idx + len(t), t.idx, t.idx + len(t), q), t, {t.i}, False))
    return sorted(out, key=lambda c: c[1].i)

