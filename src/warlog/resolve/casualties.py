"""Combining the casualty counts told about one event into its low / best / high figures.

Counts of different victims add up ("5 soldiers and 3 civilians were killed" = 8; "a soldier
and a policeman" = 2); the same count told again in another sentence is counted once. The best figure of each count is the
conservative one that the number parser gives (the low end of "ranging from 18 to 32", 12 for
"dozens"), which is what ACLED's `fatalities` column holds.
"""
from __future__ import annotations

from warlog.nlp.toll_words import TOLL_NOUNS

Range = tuple[int | None, int | None, int | None]  # low, best (conservative), high
_UPDATE_VERBS = frozenset({"rise", "climb", "increase", "jump", "reach", "mount", "soar"})


def _updates(span) -> bool:
    """Whether a count updates the toll told before: "the death toll rose to 15"."""
    pred = span.doc[span._.toll.predicate]
    return pred.lemma_.lower() in TOLL_NOUNS and pred.head.lemma_.lower() in _UPDATE_VERBS


def _add(ranges: list[Range]) -> Range | None:
    if not ranges:
        return None
    low = sum(r[0] if r[0] is not None else (r[1] or 0) for r in ranges)
    best = sum(r[1] if r[1] is not None else (r[0] or 0) for r in ranges)
    high = sum(r[2] if r[2] is not None else max(r[1] or 0, r[0] or 0) for r in ranges)
    return low, best, max(high, best)


def _subset(span) -> bool:
    """A count inside another: "four civilians including two children", "among them 3 women"."""
    tok = span.root
    for _ in range(3):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.lower_ == "among" and tok.head.lemma_ == "be":
            return False  # the whole: "two journalists were among [the 9 people killed]"
        if tok.lower_ in ("including", "among", "included") or tok.lower_ == "them" and tok.head.lower_ == "among":
            return True
        if tok.lemma_ == "be" and any(c.dep_ == "prep" and c.lower_ == "among" for c in tok.children):
            return True  # "two journalists were among the 9 people killed"
    return False


def tallied(spans) -> list:
    """The spans with a coder's tally standing for the counts beside it: "many dead (10
    fatalities recorded)" is 10; of a toll split by day ("2 fatalities recorded on 9 March and
    1 on 10 March") the first day's share is this record's; "remaining 26 fatalities
    recorded" is other records' share, never this one's."""
    spans = [s for s in spans if s._.toll.recorded != "rest"]
    tallies = [s for s in spans if s._.toll.recorded]
    if not tallies:
        return spans
    totals = [s for s in tallies if s._.toll.recorded == "total"]
    return [s for s in spans if s._.toll.kind != "killed"] + (totals or tallies[:1])


def is_tally(spans) -> bool:
    """Whether the killed counts of a sentence are all a coder's tallies."""
    killed = [s for s in spans if s._.toll.kind == "killed" and s._.toll.recorded != "rest"]
    return bool(killed) and all(s._.toll.recorded for s in killed)


def combine_tolls(spans) -> tuple[Range | None, Range | None, str | None]:
    """(killed, injured, victims side) from the toll spans of one event (span._.toll)."""
    spans = tallied(spans)
    by_kind: dict[str, list[Range]] = {"killed": [], "injured": []}
    seen: dict[tuple, int] = {}  # count -> the sentence it was first told in
    sides: list[str] = []
    for span in spans:
        toll = span._.toll
        if toll.kind not in by_kind or _subset(span):
            continue
        q = toll.quantity
        key = (toll.kind, q.low, q.best, q.high, toll.side)
        if seen.get(key, toll.sentence) != toll.sentence:
            continue  # told again later; in one sentence "a soldier and a policeman" are two
        seen.setdefault(key, toll.sentence)
        by_kind[toll.kind].append((q.low, q.best, q.high))
        if toll.kind == "killed" or not sides:
            sides.append(toll.side)
    side = "civilians" if "civilians" in sides else (sides[0] if sides else None)
    shares = max((s._.toll.share for s in spans if s._.toll.kind == "killed"), default=1)
    killed = _add(by_kind["killed"])
    if killed is not None and shares > 1:
        killed = tuple(_share(x, shares) for x in killed)
    return killed, _add(by_kind["injured"]), side


def _share(x: int | None, shares: int) -> int | None:
    """One record's share of a toll split over `shares` records: the larger share (ACLED
    codes 7 split over two days as 4 and 3)."""
    return None if x is None else -(-x // shares)


def _inside(x: int | None, r: Range) -> bool:
    return x is not None and (r[0] is None or r[0] <= x) and (r[2] is None or x <= r[2])


def _alternatives(a: Range, b: Range, a_exact: bool, b_exact: bool) -> Range:
    """Two tellings of one toll. When they agree (one's figure lies in the other's range) the
    exact one stands ("at least 30" ... "36" gives 36; "as many as 10" ... "5" gives 5), else
    the fuller; when they disagree ("four troops" ... "three troops"; "47" ... "13") the lower,
    the conservative figure ACLED codes."""
    lows = [x for x in (a[0], b[0]) if x is not None]
    highs = [x for x in (a[2], b[2]) if x is not None]
    bests = [x for x in (a[1], b[1]) if x is not None]
    if not bests:
        best = None
    elif not (_inside(a[1], b) or _inside(b[1], a)):
        best = min(bests)
    elif a_exact != b_exact and a[1] is not None and b[1] is not None:
        best = a[1] if a_exact else b[1]
    else:
        best = max(bests)
    high = max(highs) if highs and None not in (a[2], b[2]) else None
    return (min(lows) if lows else None, best, high)


def combine_across(spans) -> tuple[Range | None, Range | None]:
    """(killed, injured) of one event told over several sentences. A sentence's counts add to
    those before when they count other, named sides ("five soldiers died" ... "20 militants
    were killed") or are told as further victims ("another man was executed", "the blast also
    killed two children"); a toll told as risen ("the death toll rose to 15") replaces it;
    otherwise they tell the same toll again (see _alternatives)."""
    by_sentence: dict[int, list] = {}
    for span in spans:
        by_sentence.setdefault(span._.toll.sentence, []).append(span)
    out: dict[str, Range | None] = {"killed": None, "injured": None}
    sides: dict[str, set[str]] = {"killed": set(), "injured": set()}
    exact: dict[str, bool] = {"killed": True, "injured": True}
    for sent in sorted(by_sentence):
        figures = dict(zip(("killed", "injured"), combine_tolls(by_sentence[sent])[:2]))
        tally = is_tally(by_sentence[sent])
        told = tallied(by_sentence[sent])
        for kind, figure in figures.items():
            if figure is None:
                continue
            if kind == "killed" and tally:
                out[kind], exact[kind] = figure, True  # the coder's tally of what was told before
                continue
            if out[kind] is not None and all(_updates(s) for s in told if s._.toll.kind == kind):
                out[kind] = figure  # the toll as it now stands replaces the earlier one
                continue
            here = {s._.toll.side for s in told if s._.toll.kind == kind and not _subset(s)}
            is_exact = all(s._.toll.quantity.exact for s in told if s._.toll.kind == kind)
            if any(s._.toll.quantity.high is None for s in told if s._.toll.kind == kind):
                figure = (figure[0], figure[1], None)  # "at least 30": open above
            before = out[kind]
            further = all(s._.toll.further for s in told if s._.toll.kind == kind and not _subset(s))
            if before is None:
                out[kind] = figure
            elif further or "unknown" not in here | sides[kind] and not here & sides[kind]:
                out[kind] = _add([before, figure])
            else:
                out[kind] = _alternatives(before, figure, exact[kind], is_exact)
            sides[kind] |= here
            exact[kind] = exact[kind] and is_exact
    return out["killed"], out["injured"]
