"""Which way a time expression looks: the tense of the clause that governs it.

"Rebels shelled the town Tuesday" (past: the last Tuesday), "talks will resume Friday" and
"leaders meet Monday" (ahead: the next one), "Wednesday's ruling" (done: the last one).
"""
from __future__ import annotations

from spacy.tokens import Span

# verbs whose object is ahead in time whatever their own tense ("planned a rally Saturday")
_AHEAD_LEMMAS = {"plan", "schedule", "expect", "slate", "postpone", "delay", "set"}
# verbs that set a limit: "until <date>" after them is a deadline, usually still ahead
_DEADLINE_LEMMAS = _AHEAD_LEMMAS | {"extend", "give", "adjourn", "defer", "suspend", "grant", "allow"}
# "plans/expects/... to <verb> Friday": the infinitive looks ahead
_INTENT = _AHEAD_LEMMAS | {"intend", "hope", "aim", "want", "promise", "vow", "threaten", "prepare",
                           "agree", "decide", "seek", "pledge"}
# present-tense reporting verbs tell of something already said or done ("officials say Tuesday")
_REPORTING = {"say", "tell", "report", "announce", "claim", "confirm", "state", "add", "note"}
# verbs whose past is spelled as the present: a "VBP" tag on them is a guess ("stocks hurt the index")
_SAME_PAST = {"hit", "hurt", "cut", "put", "set", "let", "cost", "quit", "shut", "spread", "beat", "bid",
              "burst", "cast", "split", "shed", "upset", "bet", "broadcast", "forecast", "thrust", "rid"}
_QUOTES = {"``", "`", "''", '"', "\u201c", "\u201d"}


def governing_tense(span: Span) -> str | None:
    """'past', 'present', 'future' or 'open' from the verb that governs the expression, if any.

    Infinitives and bare participles take the tense of the verb they hang from, except that
    "plans/expects/... to <verb>" and "is to <verb>" look ahead. A possessive ("Friday's vote")
    names something done; "as early as Friday" looks ahead. could/should/must leave the direction
    open (None); "would" looks ahead (reported future: "said he would travel Thursday"). So does
    a verb inside a quotation the date is outside of, and a present tag on a verb whose past is
    spelled the same ("hurt", "cut"). A plan told in the past ("set Friday as the deadline",
    "planned a march Saturday") is open: the day planned may have come or not."""
    doc = span.doc
    if span.start >= 3 and doc[span.start - 3].lower_ == "as" and doc[span.start - 1].lower_ == "as" \
            and doc[span.start - 2].lower_ in ("soon", "early", "late"):
        return "future"
    if span[-1].tag_ == "POS" or (span.end < len(span.doc) and span.doc[span.end].tag_ == "POS"):
        return "past"
    tok = span.root
    for _ in range(8):
        while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
            tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        lo, hi = sorted((tok.i, span.start if tok.i < span.start else span.end - 1))
        if any(t.text in _QUOTES for t in doc[lo:hi]):
            return None        # the verb speaks inside a quotation the date stands outside of
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes}
        if words & {"will", "shall", "'ll", "wo", "may", "might", "can", "ca", "would", "'d"}:
            return "past" if "have" in words else "future"
        if any(a.tag_ == "MD" for a in auxes):   # could, should, must: open
            return "past" if "have" in words else None
        if tok.lemma_ in _DEADLINE_LEMMAS and doc[span.start - 1].lower_ in ("until", "till") and span.start > tok.i:
            return "future"                   # "extended the deadline until Tuesday"
        if tok.lemma_ in _AHEAD_LEMMAS and tok.dep_ not in ("acl", "relcl", "amod", "advcl") \
                and span.start > tok.i:       # "planned a march Saturday", not "On Friday, they planned"
            return "open" if tok.tag_ == "VBD" and not auxes else "future"
        if words & {"has", "have", "had", "'ve"}:
            return "past"
        if (tok.tag_ == "VB" or (tok.tag_ == "VBG" and not auxes)) and tok.head.i != tok.i:
            if "to" in words and (tok.head.lemma_ in _INTENT or tok.head.lemma_ == "be"):
                return "future"
            tok = tok.head
            continue
        tags = {tok.tag_} | {a.tag_ for a in auxes}
        if "VBD" in tags or (tok.tag_ == "VBN" and (not auxes or words & {"has", "have", "had"})):
            return "past"
        if tok.tag_ == "VBP" and tok.lemma_ in _SAME_PAST and not auxes:
            return None
        if tags & {"VBZ", "VBP"}:
            return "past" if tok.lemma_ in _REPORTING else "present"
        return None
    return None
