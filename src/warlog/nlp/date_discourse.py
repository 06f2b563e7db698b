"""What relative time expressions count from while a document is read, in order.

Three things are kept: the narrative date (the last day-precise date told: "two days
earlier", "the next morning"), the reference (the last dated expression of any granularity:
"a year earlier", "later that year") and the reporting period (the last quarter or half told
that has ended: "the quarter", "the 1988 quarter" refer back to it even when a month, a year
or a duration has been mentioned in between; naming it again makes it the reference again).

What does not move them: an expression that refers back itself, a period closed by a date
("the quarter ended Sept. 30"), an outlook ("fourth-quarter results will suffer"), a quarter
told only as a contrast ("After a flat second quarter, sales rebounded"), a night that spans
two days ("overnight"), and a duration that only modifies a noun ("a two-year boom").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span

from warlog.resolve.date_words import DAY, When
from warlog.resolve.periods import ANAPHORIC, reference_period

# prepositions that set a quarter against the story's own period: "after a flat second quarter"
_CONTRAST = {"after", "before", "following", "unlike", "than"}
_PERIOD_TIMEX = re.compile(r"\d{4}-[QH]\d")


def _in_contrast(span: Span) -> bool:
    """Whether the expression is the object of a preposition of contrast ("After [a weak
    second quarter], ...", "unlike [the first half]")."""
    root = span.root
    return root.dep_ in ("pobj", "dobj") and root.head.lower_ in _CONTRAST and root.head.i < span.start


def _modifies_noun(span: Span) -> bool:
    """Whether the expression only modifies a noun ("a [two-year] boom", "a [five-year] plan")."""
    root = span.root
    return root.dep_ in ("amod", "compound", "nmod") and root.head.pos_ in ("NOUN", "PROPN") \
        and not span.start <= root.head.i < span.end


def _names_quarter(span: Span) -> bool:
    return any(t.lower_ in ("quarter", "quarter's") for t in span)


@dataclass
class DateDiscourse:
    """The discourse state of one document's dates (see the module docstring)."""
    anchor: date | None
    narrative: date | None = None
    reference: When | None = None
    period: When | None = None

    def reference_for(self, span: Span) -> When | None:
        """The reference `span` counts from: the reporting period for a quarter named while the
        last expression told was not a quarter or half ("the quarter", "the 1988 quarter")."""
        if self.period is not None and reference_period(self.reference) is None and _names_quarter(span):
            return self.period
        return self.reference

    def tell(self, span: Span, when: When, tense: str | None) -> None:
        """Move the narrative date, the reference and the reporting period past `span`."""
        doc, anchor = span.doc, self.anchor
        closes_period = span.start > 0 and doc[span.start - 1].lower_ in ("ended", "ending")
        quarterly = _PERIOD_TIMEX.fullmatch(when.timex) is not None
        ahead = quarterly and anchor is not None and when.earliest is not None and \
            (when.earliest > anchor or (tense == "future" and when.latest > anchor))   # an outlook
        if self.period is not None and when.timex == self.period.timex and not closes_period:
            self.reference = self.period        # "the latest quarter": the reporting period again
        elif when.kind == "date" and when.value is not None and when.note != ANAPHORIC and not closes_period \
                and not ahead:
            if quarterly and _in_contrast(span):
                return
            self.reference = when
            if quarterly and (anchor is None or when.latest <= anchor):   # a period reported: ended
                self.period = when
            if when.precision == DAY and when.earliest == when.latest:
                self.narrative = when.value
        elif when.kind == "duration" and not _modifies_noun(span):
            self.reference = None
