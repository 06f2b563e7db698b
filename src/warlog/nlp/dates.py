"""spaCy component "warlog_dates": find time expressions and resolve them in discourse order.

Candidates are the NER's DATE and TIME entities plus token patterns for forms the small model
misses or mis-bounds. An entity that does not resolve as a whole (e.g. "18 to 32", "second
month Wednesday") gives way to the pattern matches inside it. Each expression is resolved with
`warlog.resolve.dates.resolve` against `doc._.published`, the tense of its governing verb and the
narrative date: the last day-precise date resolved so far in the document. The narrative date is
NOT reset at paragraph breaks: news paragraphs are one or two sentences and "The next day, ..."
often opens a new one.
Writes doc.spans["dates"], each span with span._.when (a When).
"""
from __future__ import annotations

import calendar

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

import warlog.nlp  # noqa: F401  (declares the Doc/Span extensions)
from warlog.resolve.dates import DAY, resolve

_WEEKDAYS = [d.lower() for d in calendar.day_name]
_MONTH_TEXT = [m for m in calendar.month_name if m] + [m for m in calendar.month_abbr if m] + \
    [m + "." for m in calendar.month_abbr if m] + ["Sept", "Sept."]
_UNITS = ["day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades"]
_POD = ["morning", "afternoon", "evening", "night"]
_NUM = {"LIKE_NUM": True}
_DAYNUM = {"TEXT": {"REGEX": r"^\d{1,2}(st|nd|rd|th)?$"}}
_YEAR = {"TEXT": {"REGEX": r"^(1[0-9]|20)\d\d$"}}
_MONTH = {"TEXT": {"IN": _MONTH_TEXT}, "POS": {"IN": ["PROPN", "NOUN"]}}

PATTERNS = {
    "weekday": [[{"LOWER": {"IN": ["last", "next", "this", "early", "late"]}, "OP": "?"},
                 {"LOWER": {"IN": _WEEKDAYS}}, {"LOWER": {"IN": _POD}, "OP": "?"}]],
    "dayword": [[{"LOWER": {"IN": ["today", "yesterday", "tomorrow", "tonight", "overnight"]}}],
                [{"LOWER": {"IN": ["last", "this"]}}, {"LOWER": {"IN": _POD}}]],
    "period": [[{"LOWER": {"IN": ["earlier", "later", "early", "late"]}, "OP": "?"},
                {"LOWER": {"IN": ["last", "this", "next"]}},
                {"LOWER": {"IN": ["week", "month", "year", "weekend"]}}],
               [{"LOWER": "the"}, {"LOWER": "weekend"}]],
    "ago": [[{"LOWER": {"IN": ["a", "an"]}, "OP": "?"}, _NUM, {"LOWER": {"IN": _UNITS}},
             {"LOWER": {"IN": ["ago", "earlier", "later"]}}],
            [{"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"IN": _UNITS}},
             {"LOWER": {"IN": ["ago", "earlier", "later"]}}]],
    "calendar": [[_MONTH, _DAYNUM, {"ORTH": ",", "OP": "?"}, _YEAR],
                 [_MONTH, _DAYNUM], [_DAYNUM, _MONTH, _YEAR], [_DAYNUM, _MONTH],
                 [_MONTH, _YEAR], [{"LOWER": {"IN": ["mid", "early", "late"]}},
                                   {"ORTH": "-", "OP": "?"}, _MONTH],
                 [{"TEXT": {"REGEX": r"^(\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})$"}}]],
    "ref": [[{"LOWER": {"IN": ["now", "currently", "recently"]}, "POS": "ADV"}]],
}


def _matcher(vocab) -> Matcher:
    matcher = Matcher(vocab)
    for name, patterns in PATTERNS.items():
        matcher.add(name, patterns, greedy="LONGEST")
    return matcher


_INTENT = {"plan", "expect", "intend", "hope", "aim", "want", "schedule", "set", "promise",
           "vow", "threaten", "prepare", "agree", "decide", "seek", "pledge"}


def governing_tense(span: Span) -> str | None:
    """'past', 'present' or 'future' from the verb that governs the expression, if any.

    Infinitives and bare participles take the tense of the verb they hang from, except that
    "plans/expects/... to <verb>" looks ahead."""
    tok = span.root
    for _ in range(8):
        while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
            tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes}
        if words & {"will", "shall", "'ll", "wo"}:
            return "future"
        if any(a.tag_ == "MD" for a in auxes):   # would, could, may: hypothetical or ahead
            return "past" if words & {"have"} else "future"
        if (tok.tag_ == "VB" or (tok.tag_ == "VBG" and not auxes)) and tok.head.i != tok.i:
            if "to" in words and tok.head.lemma_ in _INTENT:
                return "future"
            tok = tok.head
            continue
        tags = {tok.tag_} | {a.tag_ for a in auxes}
        if "VBD" in tags or (tok.tag_ == "VBN" and (not auxes or words & {"has", "have", "had"})):
            return "past"
        if tags & {"VBZ", "VBP"}:
            return "present"
        return None
    return None


def _strip_the(span: Span) -> Span:
    """Drop a leading determiner ("the weekend" keeps its article: it carries the meaning)."""
    if len(span) > 1 and span[0].lower_ == "the" and span[1].lower_ not in ("weekend", "day", "past", "future"):
        return span.doc[span.start + 1:span.end]
    return span


def _parts(span: Span) -> list[Span]:
    """Sub-spans to try when an entity does not resolve whole ("its fourth quarter")."""
    return [span.doc[span.start + i:span.end] for i in range(1, min(len(span), 4))] + \
        [span.doc[span.start:span.end - i] for i in range(1, min(len(span), 3))]


def _context_text(span: Span) -> str:
    """The expression's text, with the clause it counts from: "one month after <event>"."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].lower_ in ("after", "before") \
            and not doc[span.end + 1].is_punct:
        end = span.end + 1
        while end < len(doc) and not doc[end].is_punct and not doc[end].is_sent_start:
            end += 1
        return doc[span.start:end].text
    if span.start > 0 and doc[span.start - 1].lower_ == "since":
        return "since " + span.text
    return span.text


_MATCHERS: dict[int, Matcher] = {}


@Language.component("warlog_dates")
def warlog_dates(doc: Doc) -> Doc:
    """Find and resolve the document's time expressions into doc.spans["dates"]."""
    key = id(doc.vocab)
    if key not in _MATCHERS:
        _MATCHERS[key] = _matcher(doc.vocab)
    return _find(doc, _MATCHERS[key])


def _find(doc: Doc, matcher: Matcher) -> Doc:
    anchor = doc._.published
    matches = [Span(doc, s, e, label="DATE") for _, s, e in matcher(doc)]
    candidates = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        ent = _strip_the(ent)
        inside = [m for m in matches if m.start >= ent.start and m.end <= ent.end] or _parts(ent)
        candidates.append((ent, inside))
    covered = {i for ent, _ in candidates for i in range(ent.start, ent.end)}
    candidates += [(m, []) for m in matches if not covered & set(range(m.start, m.end))]
    chosen: list[Span] = []
    narrative = None
    for span, fallbacks in sorted(candidates, key=lambda c: c[0].start):
        taken: set[int] = set()
        for cand in [span] + fallbacks:
            if taken & set(range(cand.start, cand.end)):
                continue
            when = resolve(_context_text(cand), anchor, narrative=narrative,
                           tense=governing_tense(cand))
            if when is None:
                continue
            out = Span(doc, cand.start, cand.end, label="DATE")
            out._.when = when
            chosen.append(out)
            taken |= set(range(cand.start, cand.end))
            if when.kind == "date" and when.precision == DAY and when.value is not None:
                narrative = when.value
            if cand is span:
                break
    doc.spans["dates"] = filter_spans(chosen)
    return doc


def timexes(doc: Doc) -> list[tuple[int, int, str]]:
    """(start_char, end_char, TIMEX3 value) of the DATE-type expressions (dates and refs)."""
    return [(s.start_char, s.end_char, s._.when.timex) for s in doc.spans.get("dates", [])
            if s._.when is not None and s._.when.kind in ("date", "ref")]
