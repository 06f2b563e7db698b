"""spaCy component "warlog_dates": find time expressions and resolve them in discourse order.

Candidates are the NER's DATE and TIME entities plus token patterns for forms the small model
misses or mis-bounds (quarters, "the latest period", "in the past", "current", "soon"). Extents
follow TimeML: a determiner or possessive that opens the noun phrase belongs to the expression
("the third quarter", "its fourth quarter"). An entity that does not resolve as a whole (e.g.
"18 to 32", "second month Wednesday") gives way to the pattern matches inside it.

Each expression is resolved with `warlog.resolve.dates.resolve` against the anchor (the
dateline's date when the text opens with one, else `doc._.published`), the tense of its
governing verb (warlog.nlp.date_tense), and the discourse so far (warlog.nlp.date_discourse):
the narrative date (NOT reset at paragraph breaks: "The next day, ..." often opens one), the
reference ("a year earlier", "later that year") and the reporting period ("the quarter").
Writes doc.spans["dates"], each span with span._.when (a When).
"""
from __future__ import annotations

import calendar

from spacy.attrs import ENT_IOB, ENT_TYPE, LOWER, ORTH, SHAPE
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

import warlog.nlp  # noqa: F401  (declares the Doc/Span extensions)
from warlog.nlp.date_extents import (
    TIME_NOUNS,
    anchored,
    counted,
    joined,
    with_determiner,
)
from warlog.nlp.date_discourse import DateDiscourse
from warlog.nlp.date_tense import governing_tense
from warlog.resolve.date_words import WEEKDAYS
from warlog.resolve.dates import resolve
from warlog.resolve.published import dateline_date
from warlog.resolve.relative_dates import UNDATED_COUNT

_WEEKDAYS = list(WEEKDAYS)  # monday … sunday
_MONTH_TEXT = [m for m in calendar.month_name if m] + [m for m in calendar.month_abbr if m] + \
    [m + "." for m in calendar.month_abbr if m] + ["Sept", "Sept."]
_UNITS = ["day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades"]
_POD = ["morning", "afternoon", "evening", "night"]
_NUM = {"LIKE_NUM": True}
_DAYNUM = {"TEXT": {"REGEX": r"^\d{1,2}(st|nd|rd|th)?$"}}
_YEAR = {"TEXT": {"REGEX": r"^(1[0-9]|20)\d\d$"}}
_MONTH = {"TEXT": {"IN": _MONTH_TEXT}, "POS": {"IN": ["PROPN", "NOUN"]}}
_DET = {"LOWER": {"IN": ["the", "its", "their", "a"]}, "OP": "?"}
_PERIOD_WORDS = ["latest", "year-ago", "year-earlier", "same", "comparable", "corresponding", "first",
                 "second", "third", "fourth", "fiscal", "flat", "year", "ago", "earlier", "-"]
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth"]
_IN_A_ROW = ["straight", "consecutive", "successive"]
_BEFORE_YEAR = {"in", "since", "between", "and", "of", "from", "until", "by", "during", "to", "before",
                "after", "through", "early", "late", "mid", "fiscal", "or"}

PATTERNS = {
    "weekday": [[{"LOWER": {"IN": ["last", "next", "this", "early", "late"]}, "OP": "?"},
                 {"LOWER": {"IN": _WEEKDAYS}}, {"LOWER": {"IN": _POD}, "OP": "?"}],
                [{"LOWER": "the"}, {"LOWER": {"IN": ["previous", "following"]}}, {"LOWER": {"IN": _WEEKDAYS}}]],
    "dayword": [[{"LOWER": {"IN": ["today", "yesterday", "tomorrow", "tonight", "overnight"]}}],
                [{"LOWER": {"IN": ["last", "this"]}}, {"LOWER": {"IN": _POD}}]],
    "period": [[{"LOWER": {"IN": ["earlier", "later", "early", "late"]}, "OP": "?"},
                {"LOWER": {"IN": ["last", "this", "next"]}},
                {"LOWER": {"IN": ["week", "month", "year", "weekend"]}}],
               [{"LOWER": "the"}, {"LOWER": "weekend"}]],
    "quarter": [[_DET, {"LOWER": {"IN": ["this", "last", "next"]}, "OP": "?"}, {"LOWER": "year", "OP": "?"},
                 {"LOWER": "'s", "OP": "?"}, {"LOWER": {"IN": _PERIOD_WORDS}, "OP": "*"}, {"TEXT": {"REGEX": r"^(19|20)\d\d$"}, "OP": "?"},
                 {"LOWER": {"IN": _PERIOD_WORDS}, "OP": "*"}, {"LOWER": {"IN": ["quarter", "period"]}}],
                [{"LOWER": "the"}, {"LOWER": {"IN": ["same", "comparable", "corresponding"]}},
                 {"LOWER": {"IN": ["quarter", "period"]}}, {"LOWER": "last"}, {"LOWER": "year"}]],
    "ago": [[{"LOWER": {"IN": ["a", "an"]}, "OP": "?"}, _NUM, {"LOWER": {"IN": _UNITS}},
             {"LOWER": {"IN": ["ago", "earlier", "later"]}}],
            [{"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"IN": _UNITS}},
             {"LOWER": {"IN": ["ago", "earlier", "later"]}}]],
    "calendar": [[_MONTH, _DAYNUM, {"ORTH": ",", "OP": "?"}, _YEAR],
                 [_MONTH, _DAYNUM], [_DAYNUM, _MONTH, _YEAR], [_DAYNUM, _MONTH],
                 [_MONTH, _YEAR], [{"LOWER": {"IN": ["mid", "early", "late"]}},
                                   {"ORTH": "-", "OP": "?"}, _MONTH],
                 [{"TEXT": {"REGEX": r"^(\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})$"}}]],
    "ref": [[{"LOWER": {"IN": ["now", "currently", "recently"]}, "POS": "ADV"}],
            [{"LOWER": "soon", "POS": "ADV"}],
            [{"LOWER": {"IN": ["current", "recent"]}, "DEP": "amod"}],
            [{"LOWER": "the"}, {"LOWER": {"IN": ["past", "future"]}, "POS": "NOUN", "DEP": "pobj"}],
            [{"LOWER": "the"}, {"LOWER": {"IN": ["near", "short"]}}, {"LOWER": {"IN": ["future", "term"]}}],
            [{"LOWER": "past"}, {"LOWER": "years"}],
            [{"LOWER": "this"}, {"POS": "ADJ", "OP": "?"}, {"LOWER": "moment"}]],
    "clock": [[{"TEXT": {"REGEX": r"^\d{1,2}(:\d\d)?$"}}, {"LOWER": {"IN": ["a.m.", "p.m.", "am", "pm"]}},
               {"TEXT": {"REGEX": r"^[A-Z]{2,4}$"}, "OP": "?"}, {"LOWER": {"IN": _WEEKDAYS}}]],
    "set": [[{"LOWER": {"IN": ["daily", "weekly", "monthly", "annually", "yearly", "nightly"]}}]],
    "nth_day": [[{"LOWER": "the"}, {"LOWER": {"IN": _ORDINALS}}, {"LOWER": {"IN": _IN_A_ROW}, "OP": "?"},
                 {"LOWER": "day"}]],
    "year_end": [[{"LOWER": "year"}, {"ORTH": {"IN": ["-", "'s"]}, "OP": "?"}, {"LOWER": "end"}]],
    "the_year": [[{"LOWER": "the"}, {"LOWER": "year"}]],
    "quarters": [[{"LOWER": {"IN": ["first", "last", "final"]}}, {"LOWER": {"IN": ["two", "three"]}},
                  {"LOWER": "quarters"}, {"LOWER": "of"}, _YEAR]],
    "holiday": [[{"LOWER": {"IN": ["last", "next", "this"]}, "OP": "?"},
                 {"LOWER": {"IN": ["thanksgiving", "easter", "christmas", "election"]}},
                 {"LOWER": {"IN": ["day", "week", "eve", "sunday"]}, "OP": "?"}]],
    "year": [[{"TEXT": {"REGEX": r"^(1[89]|20)\d\d$"}, "POS": "NUM"}],
             [{"LOWER": {"IN": ["mid", "early", "late"]}}, {"ORTH": "-", "OP": "?"}, _YEAR],
             [{"TEXT": {"REGEX": r"^(mid|early|late|pre|post)-(1[89]|20)\d\d$"}}]],
}


def _matcher(vocab, groups) -> Matcher:
    matcher = Matcher(vocab)
    for name in groups:
        matcher.add(name, PATTERNS[name], greedy="LONGEST")
    return matcher


# Every pattern holds a key token at most _REACH tokens from either end; the quarter patterns,
# which can open with a long run of modifiers ("the same fiscal 1989 third quarter"), end
# with theirs. Each Matcher runs only on the windows around its keys.
_LONG = ["quarter"]
_LONG_KEYS = {"quarter", "period"}
_KEY_LOWER = set(_WEEKDAYS) | set(_UNITS) | set(_POD) | {
    "today", "yesterday", "tomorrow", "tonight", "overnight", "weekend", "ago", "earlier", "later",
    "now", "currently", "recently", "soon", "current", "recent", "past", "future", "term", "daily",
    "weekly", "monthly", "annually", "yearly", "nightly", "end", "quarters", "thanksgiving", "easter",
    "christmas", "election", "moment"}
_KEY_SHAPES = {"dddd", "dddd-dd-dd", "xxx-dddd", "xxxx-dddd", "Xxx-dddd", "Xxxx-dddd"} | \
    {f"{'d' * a}/{'d' * b}/{'d' * c}" for a in (1, 2) for b in (1, 2) for c in (2, 3, 4)}
_REACH, _LONG_REACH = 4, 10


class _DateMatcher:
    """The patterns' Matchers, each run only on the windows of a doc around its key tokens."""

    def __init__(self, vocab):
        strings = vocab.strings
        self.short = _matcher(vocab, [name for name in PATTERNS if name not in _LONG])
        self.long = _matcher(vocab, _LONG)
        self.lower_keys = {strings.add(w) for w in _KEY_LOWER}
        self.long_keys = {strings.add(w) for w in _LONG_KEYS}
        self.orth_keys = {strings.add(w) for w in _MONTH_TEXT}
        self.shape_keys = {strings.add(w) for w in _KEY_SHAPES}

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        short, long = [], []
        for k, (lower, orth, shape) in enumerate(doc.to_array([LOWER, ORTH, SHAPE]).tolist()):
            if lower in self.lower_keys or orth in self.orth_keys or shape in self.shape_keys:
                short.append(k)
            elif lower in self.long_keys:
                long.append(k)
        return self._run(doc, self.short, short, _REACH) + self._run(doc, self.long, long, _LONG_REACH)

    @staticmethod
    def _run(doc: Doc, matcher: Matcher, keys: list[int], before: int) -> list[tuple[int, int, int]]:
        """`matcher`'s matches in the merged windows [key - before, key + _REACH] of the keys."""
        windows: list[tuple[int, int]] = []
        for k in keys:
            start, end = max(0, k - before), min(len(doc), k + _REACH + 1)
            if windows and start <= windows[-1][1]:
                start = windows.pop()[0]
            windows.append((start, end))
        return [(key, start + s, start + e) for start, end in windows
                for key, s, e in matcher(doc[start:end])]


def _keep_match(span: Span) -> bool:
    """Drop pattern hits that are not time expressions in context."""
    doc, last = span.doc, span[-1]
    word = span[0].lower_
    if word == "soon":    # "as soon as", "soon after": a relation, not a time
        return not ((span.start > 0 and doc[span.start - 1].lower_ == "as") or
                    (span.end < len(doc) and doc[span.end].lower_ in ("after", "before", "as")))
    if word in ("current", "recent"):   # "the current quarter" is resolved as a whole elsewhere
        return span.start == 0 or doc[span.start - 1].lower_ not in ("then", "most") \
            and last.head.lower_ not in TIME_NOUNS
    if last.lower_ == "period":
        return any(t.lower_ not in ("the", "its", "their", "a", "period") for t in span)
    after = doc[span.end] if span.end < len(doc) else None
    if last.lower_ == "day" and len(span) > 2 and span[-2].lower_ in _ORDINAL_WORDS:
        return _is_today_counted(span)      # "It is the third day of ...": today; else no date
    if _in_range_compound(span):
        return False        # "quarter-to-quarter comparison", "month-on-month": a modifier
    if [t.lower_ for t in span] == ["the", "year"]:    # "for the year", "the year ended Sept. 30"
        return (span.start > 0 and doc[span.start - 1].lower_ in ("for", "of", "through", "during")) or \
            (after is not None and after.lower_ in ("ended", "ending"))
    if last.lower_ == "end" and after is not None and after.pos_ == "NOUN":
        return False        # "year-end results": a modifier
    if len(span) == 1 and span[0].like_num:   # a bare year: only after a word that takes a date
        return span.start > 0 and doc[span.start - 1].lower_ in _BEFORE_YEAR
    return True


_RANGE_WORDS = ("to", "over", "on", "by")


def _in_range_compound(span: Span) -> bool:
    """Whether the span is one end of a hyphenated "X-to-X" compound ("quarter-to-quarter")."""
    doc, start, end = span.doc, span.start, span.end
    return (end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in _RANGE_WORDS) or \
        (start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in _RANGE_WORDS)


def _parts(span: Span) -> list[Span]:
    """Sub-spans to try when an entity does not resolve whole ("its fourth quarter")."""
    return [span.doc[span.start + i:span.end] for i in range(1, min(len(span), 4))] + \
        [span.doc[span.start:span.end - i] for i in range(1, min(len(span), 3))]


def _end_date(doc: Doc, i: int) -> int:
    """The end of a written date starting at token i ("Sept. 30", "Aug. 26, 1989"), or i."""
    j = i
    while j < len(doc) and j - i < 5 and (doc[j].like_num or doc[j].text in _MONTH_TEXT or
                                          (doc[j].text == "," and j + 1 < len(doc) and _is_year(doc[j + 1]))):
        j += 1
    return j if any(doc[k].text in _MONTH_TEXT for k in range(i, j)) else i


def _is_year(tok) -> bool:
    return tok.is_digit and len(tok) == 4


_ORDINAL_WORDS = {*_ORDINALS, *_IN_A_ROW, "the"}


def _is_today_counted(span: Span) -> bool:
    """"It is [the third day] of protests", "Today is [the eighth day] of the siege": an ordinal
    day said, in the present, of today."""
    if span[-1].lower_ != "day" or len(span) < 2:
        return False
    root = span.root
    if root.dep_ != "attr" or root.head.lemma_ != "be" or root.head.tag_ != "VBZ":
        return False
    if not all(t.lower_ in _ORDINAL_WORDS or (t.text[:-2].isdigit() and t.lower_[-2:] in ("st", "nd", "rd", "th"))
               for t in span[:-1]) or not any(t.lower_ != "the" for t in span[:-1]):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("it", "today", "this") for c in root.head.children)


def _context_text(span: Span, tense: str | None = None) -> str:
    """The expression's text, with the clause it counts from: "one month after <event>", the
    ordinal day that is today ("It is the third day of the strike"), the
    month of a second day ("April 24 and 25"), the
    day a period ended ("the quarter ended Sept. 30"), "in" before a count in a clause that
    looks ahead ("will be redeemed in five years")."""
    doc = span.doc
    if _is_today_counted(span):
        return "today"
    if len(span) == 1 and span[0].is_digit and len(span[0]) <= 2 and span.start >= 3 and \
            doc[span.start - 1].lower_ in ("and", "or", "to", "-", "through") and doc[span.start - 2].is_digit \
            and doc[span.start - 3].text in _MONTH_TEXT:
        return f"{doc[span.start - 3].text} {span.text}"      # "April 24 and [25]": the same month
    if span.end + 1 < len(doc) and doc[span.end].lower_ in ("ended", "ending") and \
            span[-1].lower_ in ("quarter", "year", "half") and (end := _end_date(doc, span.end + 1)) > span.end + 1:
        return doc[span.start:end].text
    is_count = counted(span)
    if is_count and span.end + 1 < len(doc) and doc[span.end].lower_ in ("after", "before") \
            and not doc[span.end + 1].is_punct:
        end = span.end + 1
        while end < len(doc) and not doc[end].is_punct and not doc[end].is_sent_start:
            end += 1
        return doc[span.start:end].text
    if span.start > 0 and doc[span.start - 1].lower_ == "since":
        return "since " + span.text
    if is_count and span[0].lower_ != "the" and tense == "future" and span.start > 0 and \
            doc[span.start - 1].lower_ == "in":
        return "in " + span.text
    if span.start > 1 and doc[span.start - 1].lower_ == "in" and doc[span.start - 2].lower_ in ("earlier", "later"):
        return f"{doc[span.start - 2].lower_} in {span.text}"      # "later in the day"
    return span.text


_MATCHERS: dict[int, _DateMatcher] = {}


@Language.component("warlog_dates")
def warlog_dates(doc: Doc) -> Doc:
    """Find and resolve the document's time expressions into doc.spans["dates"]."""
    key = id(doc.vocab)
    if key not in _MATCHERS:
        _MATCHERS[key] = _DateMatcher(doc.vocab)
    return _find(doc, _MATCHERS[key])


def _time_entities(doc: Doc) -> list[Span]:
    """The NER's DATE and TIME entities, read from the token arrays (doc.ents builds a span for
    every entity of every type)."""
    date_types = (doc.vocab.strings["DATE"], doc.vocab.strings["TIME"])
    found: list[Span] = []
    start = end = None
    for i, (iob, ent_type) in enumerate(doc.to_array([ENT_IOB, ENT_TYPE]).tolist()):
        if ent_type not in date_types:
            continue
        if start is not None and (i != end or iob == 3):      # 3: the B of a new entity
            found.append(Span(doc, start, end))
            start = None
        if start is None:
            start = i
        end = i + 1
    if start is not None:
        found.append(Span(doc, start, end))
    return found


def _candidates(doc: Doc, matcher: _DateMatcher) -> list[tuple[Span, list[Span]]]:
    matches = [with_determiner(Span(doc, s, e, label="DATE")) for _, s, e in matcher(doc)]
    matches = [m for m in matches if _keep_match(m)]
    candidates = []
    for ent in _time_entities(doc):
        ent = with_determiner(ent)
        wider = [m for m in matches if m.start <= ent.start and m.end >= ent.end and len(m) > len(ent)]
        if wider:
            ent = max(wider, key=len)
        inside = [m for m in matches if m.start >= ent.start and m.end <= ent.end]
        if any(m.start == ent.start and m.end == ent.end for m in inside):
            inside = []
        candidates.append((ent, sorted(inside, key=len, reverse=True) + _parts(ent)))
    covered = {i for ent, _ in candidates for i in range(ent.start, ent.end)}
    candidates += [(m, []) for m in filter_spans(matches) if not covered & set(range(m.start, m.end))]
    return anchored(sorted(candidates, key=lambda c: c[0].start))


def _tense(span: Span) -> str | None:
    """The governing tense; a past tense becomes a "limit" after "by", "through", "to" and "until": a
    limit set in the past may still lie ahead ("extended the loans through January"), though a
    weekday so told is the last one ("bought from Sept. 14 to Thursday"). An effective date is
    "open" ("a new pact effective June 1")."""
    tense = governing_tense(span)
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if tense == "past" and before in ("through", "by", "to", "until", "till"):
        return "limit"
    if before == "effective" and tense != "future":   # "effective Feb. 1": either side of the report
        return "open"
    return tense


# Place nouns that a date names when it comes first: "6th of October Bridge", "November 7 Square".
NAMED_BY_DATES = {"neighborhood", "neighbourhood", "district", "street", "square", "bridge", "avenue", "road",
                  "camp", "hospital", "stadium", "mosque", "brigade", "battalion", "university", "city", "airport"}


def _names_a_place(span: Span) -> bool:
    """Whether a date-looking span is the first part of a name ("the 7 October Neighborhood")."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    after = doc[span.end]
    return after.is_title and after.lower_ in NAMED_BY_DATES and any(t.like_num for t in span)


def _find(doc: Doc, matcher: _DateMatcher) -> Doc:
    head = doc[:120].text if doc._.published is not None else ""    # doc.text walks every token
    anchor = dateline_date(head, doc._.published) or doc._.published
    chosen: list[Span] = []
    told = DateDiscourse(anchor)
    for span, fallbacks in _candidates(doc, matcher):
        taken: set[int] = set()
        if _names_a_place(span):
            continue            # "the 7 October Neighborhood", "26 July Avenue": a name, not a time
        for cand in [span] + fallbacks:
            if taken & set(range(cand.start, cand.end)) or any(t.lower_ in ("ended", "ending") for t in cand):
                continue        # "the quarter ended Sept. 30" is two expressions, resolved together
            tense = _tense(cand)
            when = resolve(_context_text(cand, tense), anchor, narrative=told.narrative,
                           tense=tense, reference=told.reference_for(cand))
            if when is None or (when.note == UNDATED_COUNT and cand is span and joined(span, fallbacks)):
                continue        # "Eight trading days after [Oct. 12]": the parts, each on its own
            out = Span(doc, cand.start, cand.end, label="DATE")
            out._.when = when
            chosen.append(out)
            taken |= set(range(cand.start, cand.end))
            told.tell(cand, when, tense)
            if cand is span:
                break
    doc.spans["dates"] = filter_spans(chosen)
    return doc


def timexes(doc: Doc) -> list[tuple[int, int, str]]:
    """(start_char, end_char, TIMEX3 value) of the dates, refs and sets ("daily": P1D, which
    TimeML sometimes types DATE); durations are left out."""
    return [(s.start_char, s.end_char, s._.when.timex) for s in doc.spans.get("dates", [])
            if s._.when is not None and s._.when.kind in ("date", "ref", "set")]
