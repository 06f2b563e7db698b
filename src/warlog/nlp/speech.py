"""Reported speech: who says what ("…, a hospital spokesman said", "according to activists").

Both the events component (a source is not a party to the event) and the claims component
(a claim needs its source) read this.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from warlog.nlp.doc_index import matching_positions, tokens_within

REPORTING_VERBS = {"say", "tell", "claim", "report", "announce", "state", "add", "confirm", "estimate",
                   "allege", "accuse", "deny", "insist", "warn", "explain", "note", "tweet", "write",
                   "post", "document", "record", "assert", "acknowledge", "admit", "declare", "reveal",
                   "quote", "cite", "indicate", "believe"}
# Verbs that report only with a figure as object: "activists gave conflicting casualty counts".
FIGURE_VERBS = {"give", "put", "provide", "release", "publish", "raise", "update", "revise"}
FIGURE_NOUNS = {"count", "counts", "toll", "tolls", "figure", "figures", "tally", "estimate", "estimates",
                "number", "numbers", "casualty"}

SPEECH_WORDS = REPORTING_VERBS | FIGURE_VERBS


@dataclass(slots=True)
class Speech:
    verb: Token  # the reporting verb ("said") or "according"
    source: Span  # who says it
    content: list[Token]  # the tokens of what is said (the rest of the sentence when unclear)


def _phrase(token: Token) -> Span:
    """The noun phrase headed by `token`, without trailing relative clauses and appositions."""
    keep = [t for t in token.subtree if t.i <= token.i or t.dep_ in ("compound", "flat", "appos") or
            t.head.i == token.i and t.dep_ in ("prep",) and t.lower_ == "of"]
    # extend over an apposition's words ("Col. Garver, the spokesman for the coalition")
    right = max(t.i for t in keep)
    for child in token.children:
        if child.dep_ in ("appos", "prep") and child.i > token.i:
            right = max(right, max(t.i for t in child.subtree))
    left = min(t.i for t in keep)
    return token.doc[left:right + 1]


def _according_to(sent: Span):
    for tok in tokens_within(sent, matching_positions(sent.doc, "according", {"according"})):
        if tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            obj = next((c for c in tok.nbor().children if c.dep_ == "pobj"), None)
            if obj is not None:
                yield Speech(tok, _phrase(obj), [t for t in sent if t.i not in {x.i for x in obj.subtree}
                                                  and t.i not in (tok.i, tok.i + 1)])


RELATIVE = {"who", "that", "which", "whom"}
PERSONAL = {"he", "she", "they", "we", "i"}


def _speaker(subj: Token, previous: Span | None) -> Span:
    """Who a subject names: a relative pronoun its antecedent ("an elder who said"), a
    personal pronoun the last named source ("…, he said")."""
    if subj.lower_ in RELATIVE and subj.head.dep_ == "relcl":
        return _phrase(subj.head.head)
    if subj.lower_ in PERSONAL and previous is not None:
        return previous
    return _phrase(subj)


def speeches(sent: Span, previous: Span | None = None) -> list[Speech]:
    """Every reporting clause of a sentence with its source and content; `previous` is the
    last named source before the sentence, for "he said"."""
    out = list(_according_to(sent))
    for tok in tokens_within(sent, matching_positions(sent.doc, "speech", SPEECH_WORDS)):
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        figure = lemma in FIGURE_VERBS and any(
            c.dep_ == "dobj" and ({t.lower_ for t in c.subtree} & FIGURE_NOUNS) for c in tok.children)
        if lemma not in REPORTING_VERBS and not figure:
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        subj = min(subjects, key=lambda c: abs(c.i - tok.i)) if subjects else None  # the parse may give two
        if subj is None or subj.pos_ == "PRON" and subj.lower_ in ("it", "this", "that"):
            continue
        source = _speaker(subj, previous)
        src_ids = {t.i for t in source}
        content = [c for c in tok.children if c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis")]
        content_tokens = [t for c in content for t in c.subtree]
        if tok.dep_ in ("parataxis", "ccomp") or not content_tokens:
            # "36 people were killed, a spokesman said": the speech is the rest of the sentence
            content_tokens = [t for t in sent if t.i not in src_ids and t.i != tok.i]
        out.append(Speech(tok, source, content_tokens))
    return out


def source_tokens(sent: Span) -> set[int]:
    """Token indices that name a source of reported speech in the sentence."""
    return {t.i for sp in speeches(sent) for t in sp.source}
