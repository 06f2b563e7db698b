"""TimeML extents of time expressions in a parsed doc: which tokens an expression spans.

`with_determiner` trims or extends a found span to the TimeML extent (the opening article is
in, a possessive marker is out); `anchored` joins a count to the time expression it counts
from ("the day before [last Tuesday]") so that the two resolve as one.
"""
from __future__ import annotations

from spacy.tokens import Span

TIME_NOUNS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "quarter",
              "quarters", "decade", "decades", "period", "times", "fiscal", "half"}


def with_determiner(span: Span) -> Span:
    """TimeML extent: the article that opens the expression's noun phrase belongs to it ("the
    third quarter"), a possessive does not ("its [fourth quarter]") unless it is a time noun
    ("[year's end]"), nor the article of a noun
    the expression only modifies ("a [third-quarter] loss"). Nor does a closing possessive
    marker: "[December]'s figures", "[last Friday]'s vote"."""
    doc, start, end = span.doc, span.start, span.end
    while end - start > 1 and doc[end - 1].tag_ == "POS":
        end -= 1
    while start < end - 1 and ((doc[start].dep_ == "poss" and doc[start].lower_ not in TIME_NOUNS) or
                               (doc[start].dep_ == "det" and doc[start].head.i not in range(start, end))):
        start += 1
    while start > 0 and doc[start - 1].dep_ == "det" and doc[start - 1].head.i in range(start, end) \
            and doc[start - 1].lower_ in ("the", "a", "an"):
        start -= 1
    year_last = doc[end - 1].is_digit and len(doc[end - 1]) == 4
    after = doc[end + 1] if year_last and end + 1 < len(doc) and doc[end].text == "," else \
        doc[end] if end < len(doc) else None
    if doc[start].lower_ == "the" and after is not None and after.pos_ == "NOUN" and after.is_lower \
            and any(t.is_digit for t in doc[start:end]):
        start += 1          # "the [Aug. 7, 1998] bombing": the article is the noun's
    return doc[start:end]


def counted(span: Span) -> bool:
    """"the day", "two weeks", "a month": a count of days, weeks, months or years."""
    return span[-1].lower_.rstrip("s") in ("day", "week", "month", "year") and \
        (span[0].like_num or span[0].lower_ in ("a", "an", "the", "one", "few", "several"))


def joined(span: Span, fallbacks: list[Span]) -> bool:
    """Whether `span` is a count joined by `anchored` to the expression it counts from."""
    return bool(fallbacks) and fallbacks[0].start == span.start and fallbacks[0].end < span.end - 1 \
        and counted(fallbacks[0])


def anchored(candidates: list[tuple[Span, list[Span]]]) -> list[tuple[Span, list[Span]]]:
    """Join a count to the time expression it counts from into one TIMEX3 ("the day before
    [last Tuesday]'s hearing", "two weeks after [the March 3] vote"); each part stays a fallback."""
    out: list[tuple[Span, list[Span]]] = []
    k = 0
    while k < len(candidates):
        span, fallbacks = candidates[k]
        if k + 1 < len(candidates) and counted(span):
            nxt, nxt_fallbacks = candidates[k + 1]
            doc, gap = span.doc, nxt.start - span.end
            if 1 <= gap <= 2 and doc[span.end].lower_ in ("before", "after") and \
                    (gap == 1 or doc[span.end + 1].lower_ == "the"):
                out.append((doc[span.start:nxt.end], [span, *fallbacks, nxt, *nxt_fallbacks]))
                k += 2
                continue
        out.append((span, fallbacks))
        k += 1
    return out
