"""Token attributes of a document read once, for the place-finding rules.

The rules of the places component look at every token several times (is it a capitalised
proper noun, in which sentence, inside which entity...). Reading `doc[i].attr` builds a new
Token object each time, which costs more than the rules themselves; `TokenTable` reads the
attributes once with `Doc.to_array` into plain lists the rules index instead.
"""
from __future__ import annotations

import numpy as np
from spacy.attrs import (ENT_IOB, ENT_TYPE, IDX, IS_ALPHA, IS_LOWER, IS_PUNCT, IS_STOP, IS_UPPER, LENGTH,
                         POS, SENT_START, TAG, DEP)
from spacy.symbols import PROPN
from spacy.tokens import Doc
from warlog.nlp.doc_index import doc_text

_ATTRS = [IDX, LENGTH, POS, ENT_TYPE, ENT_IOB, IS_ALPHA, IS_UPPER, IS_LOWER, IS_PUNCT, IS_STOP, SENT_START, TAG, DEP]
_IOB_INSIDE = 1


class TokenTable:
    """Per-token lists: text, lower, propn, ent (label or ""), ent_inside, alpha, upper,
    lower_case, punct, stop, cap (first character upper case), possessive (tag POS), dep
    (label hash), sent_start, sent (index of the sentence's first token) and sent_end (end of it);
    ents, the entities."""

    __slots__ = ("doc", "n", "text", "lower", "propn", "ent", "ent_inside", "alpha", "upper", "lower_case",
                 "punct", "stop", "cap", "possessive", "sent_start", "sent", "sent_end", "start_char", "end_char",
                 "raw", "dep", "ents")

    def __init__(self, doc: Doc) -> None:
        self.doc, self.n = doc, len(doc)
        n = self.n
        strings = doc.vocab.strings
        self.raw = text = doc_text(doc)
        self.ents = doc.ents  # ... and Doc.ents builds its spans anew
        a = doc.to_array(_ATTRS).astype(np.int64) if n else np.zeros((0, len(_ATTRS)), dtype=np.int64)
        idx, length = a[:, 0].tolist(), a[:, 1].tolist()
        self.start_char = idx
        self.end_char = (a[:, 0] + a[:, 1]).tolist()
        self.text = [text[i:i + k] for i, k in zip(idx, length)]
        self.lower = [t.lower() for t in self.text]  # the LOWER attribute is the text lower-cased
        self.cap = [t[:1].isupper() for t in self.text]
        self.propn = (a[:, 2] == PROPN).tolist()
        self.ent = [strings[h] if h else "" for h in a[:, 3].tolist()]
        self.ent_inside = (a[:, 4] == _IOB_INSIDE).tolist()
        self.alpha, self.upper, self.lower_case, self.punct, self.stop = (a[:, k] != 0 for k in range(5, 10))
        self.alpha, self.upper, self.lower_case = self.alpha.tolist(), self.upper.tolist(), self.lower_case.tolist()
        self.punct, self.stop = self.punct.tolist(), self.stop.tolist()
        self.possessive = (a[:, 11] == strings["POS"]).tolist()
        self.dep = a[:, 12].tolist()  # hashes of the dependency labels
        starts = a[:, 10] == 1
        if n:
            starts[0] = True
        self.sent_start = starts.tolist()
        positions = np.arange(n)
        self.sent = np.maximum.accumulate(np.where(starts, positions, 0)).tolist() if n else []
        following = np.where(starts, positions, n)[1:]  # where the next sentence starts, from each token on
        self.sent_end = np.append(np.minimum.accumulate(following[::-1])[::-1], n).tolist() if n else []

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens start..end-1, as Span.text gives it."""
        return self.raw[self.start_char[start]:self.end_char[end - 1]]

    def name_word(self, i: int) -> bool:
        """A capitalised alphabetic word."""
        return self.alpha[i] and self.cap[i]
