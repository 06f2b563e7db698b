"""The `warlog_paragraphs` component: a blank line ends a sentence.

Runs before the parser, which keeps boundaries already set: headlines, datelines and
paragraphs never run into the next sentence.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("warlog_paragraphs")
def warlog_paragraphs(doc: Doc) -> Doc:
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            token.is_sent_start = True
    return doc
