"""Cheap per-document facts the actor finder reads: noun-chunk starts and paragraph starts.

Both give the same answers as the obvious spaCy calls (`doc.noun_chunks`, a regex over
`doc.text`) without building a `Token` for every word of the article: only the tokens
asked about, or the whitespace tokens, are looked at.
"""
from __future__ import annotations

from bisect import bisect_right

import numpy
from spacy.attrs import IDX, IS_SPACE
from spacy.tokens import Doc, Token

# spaCy's English noun_chunks: the dependency labels of a chunk's root
CHUNK_DEPS = {"oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT"}
CHUNK_POS = {"NOUN", "PROPN", "PRON"}
PARAGRAPHS_KEY = "warlog_paragraph_starts"


class ChunkStarts:
    """Where the noun chunk rooted at a token starts, as `doc.noun_chunks` would cut it."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.roots: dict[int, bool] = {}

    def _dep_fits(self, tok: Token) -> bool:
        if tok.dep_ in CHUNK_DEPS:
            return True
        if tok.dep_ != "conj":
            return False
        head = tok.head
        while head.dep_ == "conj" and head.head.i < head.i:
            head = head.head
        return head.dep_ in CHUNK_DEPS

    def is_root(self, i: int) -> bool:
        """Whether spaCy yields a chunk rooted at token i: a noun with a chunk label whose
        left edge holds no earlier chunk root (spaCy skips chunks that would nest)."""
        known = self.roots.get(i)
        if known is None:
            tok = self.doc[i]
            known = tok.pos_ in CHUNK_POS and self._dep_fits(tok) and not any(
                self.is_root(k) for k in range(tok.left_edge.i, i))
            self.roots[i] = known
        return known

    def start(self, tok: Token) -> int:
        """The chunk's first token index, or the token's own when it roots no chunk."""
        return tok.left_edge.i if self.is_root(tok.i) else tok.i


def paragraph_starts(doc: Doc) -> list[int]:
    """Character offsets where a paragraph begins after a blank line (cached on the doc):
    the first token after a run of whitespace holding two or more line breaks."""
    starts = doc.user_data.get(PARAGRAPHS_KEY)
    if starts is not None:
        return starts
    starts = []
    table = doc.to_array([IDX, IS_SPACE])
    spaces = numpy.flatnonzero(table[:, 1]).tolist()
    k = 0
    while k < len(spaces):
        first = last = spaces[k]
        while k + 1 < len(spaces) and spaces[k + 1] == last + 1:
            k += 1
            last = spaces[k]
        gap = (doc[first - 1].whitespace_ if first > 0 else "") + "".join(
            doc[i].text_with_ws for i in range(first, last + 1))
        if gap.count("\n") >= 2 and last + 1 < len(doc):
            starts.append(int(table[last + 1, 0]))
        k += 1
    doc.user_data[PARAGRAPHS_KEY] = starts
    return starts


class MarkIndex:
    """The places named in a document (character offset, ISO), sorted, grouped by paragraph,
    with the sentence bounds, so each mention finds its neighbours without a scan."""

    def __init__(self, doc: Doc, marks: list[tuple[int, str]]) -> None:
        from warlog.nlp.doc_index import sentences

        self.para_starts = paragraph_starts(doc)
        self.offsets = [m[0] for m in marks]
        self.by_paragraph: dict[int, list[tuple[int, str]]] = {}
        for mark in marks:
            self.by_paragraph.setdefault(bisect_right(self.para_starts, mark[0]), []).append(mark)
        self.sents = sentences(doc) if doc.has_annotation("SENT_START") else []
        self.sent_starts = [s.start for s in self.sents]

    def in_paragraph(self, offset: int) -> list[tuple[int, str]]:
        return self.by_paragraph.get(bisect_right(self.para_starts, offset), [])

    def sentence_bounds(self, span) -> tuple[int, int]:
        """(start, end) characters of the sentence a span starts in (the span's own without a parse)."""
        if not self.sents:
            return span.start_char, span.end_char
        sent = self.sents[bisect_right(self.sent_starts, span.start) - 1]
        return sent.start_char, sent.end_char
