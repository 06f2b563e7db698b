"""Per-document indexes built once and shared: the sentences, and which tokens carry a word.

Reading every token's strings in every sentence, once per rule, is most of what a rule
component costs. Components that only care about some words — "according",
a reporting verb, an event trigger — ask this index for the tokens carrying them instead,
and the document is walked once, by whichever component asks first.

    doc.user_data["warlog_word_index"]  lowercase form or lemma -> token indices
    doc.user_data["warlog_sentences"]   list(doc.sents), once the parse has set them
    doc.user_data["warlog_text"]        doc.text, joined once
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Set as AbstractSet

from spacy.tokens import Doc, Span, Token

INDEX_KEY = "warlog_word_index"
SENTENCES_KEY = "warlog_sentences"
TEXT_KEY = "warlog_text"


def doc_text(doc: Doc) -> str:
    """The document's text (spaCy joins the tokens anew on every `doc.text`)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences as a list (spaCy rebuilds `doc.sents` on every access)."""
    sents = doc.user_data.get(SENTENCES_KEY)
    if sents is None:
        sents = doc.user_data[SENTENCES_KEY] = list(doc.sents)
    return sents


def word_index(doc: Doc) -> dict[str, list[int]]:
    """Lowercase form and lowercase lemma -> the indices of the tokens that carry it, in order."""
    index = doc.user_data.get(INDEX_KEY)
    if index is None:
        index = {}
        for token in doc:
            lower, lemma = token.lower_, token.lemma_.lower()
            index.setdefault(lower, []).append(token.i)
            if lemma != lower:
                index.setdefault(lemma, []).append(token.i)
        doc.user_data[INDEX_KEY] = index
    return index


def matching_positions(doc: Doc, key: str, wanted: Callable[[str], bool] | AbstractSet[str]) -> list[int]:
    """Sorted indices of the tokens with a form or lemma in the set `wanted` (looked up) or for
    which `wanted(word)` holds (tested on every distinct word); computed once per document
    under `key` (a fixed `wanted`, so the answer is stable)."""
    cache = doc.user_data.get(f"{INDEX_KEY}:{key}")
    if cache is None:
        index = word_index(doc)
        if isinstance(wanted, AbstractSet):
            cache = sorted({i for w in wanted for i in index.get(w, ())})
        else:
            cache = sorted({i for w, ids in index.items() if wanted(w) for i in ids})
        doc.user_data[f"{INDEX_KEY}:{key}"] = cache
    return cache


def tokens_within(span: Span, ids: list[int]) -> list[Token]:
    """The tokens of `span` among the sorted indices `ids`."""
    doc, start = span.doc, bisect_left(ids, span.start)
    end = bisect_left(ids, span.end, lo=start)
    return [doc[i] for i in ids[start:end]]
