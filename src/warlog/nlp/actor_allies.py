"""Co-belligerents named in one breath with a side: its associated actors.

"clashes between the army and IS and Ansar al-Sharia", "air strikes against IS, Ansar al-Sharia
and the BRSC", "al-Shabaab and Hizbul Islam fighters overran the base": the groups listed with a
side fight on that side. ACLED keeps them as assoc_actor_1 / assoc_actor_2. The list is read on
the surface (actor mentions joined by commas, "and", "as well as", "along with", brackets), as
the small parser often attaches such lists to the wrong head; a list that reaches the other side
("between X and Y") stops there.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span

from warlog.nlp.doc_index import sentences
from warlog.nlp.speech import source_tokens
from warlog.reconcile import is_unknown, same_actor

# what may stand between two listed actors, once punctuation and "the" are left out
LIST_LINKS = {"", "and", "as well as", "along with", "together with", "alongside", "and allied",
              "and their allies", "and its allies", "and allied forces of"}
BRACKETS = {"(", ")", "[", "]", ","}


def _link(doc, left: Span, right: Span) -> str | None:
    """How two actor mentions next to each other are joined: "comma", "and", or None (not a list)."""
    gap = doc[left.end:right.start]
    if len(gap) > 5:
        return None
    words = " ".join(t.lower_ for t in gap if t.lower_ not in BRACKETS and t.lower_ != "the")
    if words not in LIST_LINKS:
        return None
    return "comma" if not words and any(t.text == "," for t in gap) else ("and" if words else "bracket")


def actor_lists(sent: Span, spans: list[Span]) -> list[list[Span]]:
    """Runs of actor mentions that form one list in the sentence, each of two or more mentions.
    A run joined by commas alone ("According to the army, IS fighters…") is no list: one needs an
    "and" (or the like) somewhere in it."""
    doc = sent.doc
    sources = source_tokens(sent)
    mentions = sorted((s for s in spans if s.root.i not in sources), key=lambda s: s.start)
    runs, run, links = [], [], []

    def close() -> None:
        # "X, Y and Z": an "and" inside the run, or right after it when Z is no known actor
        after = doc[run[-1].end].lower_ if len(run) > 1 and run[-1].end < sent.end else ""
        if len(run) > 1 and ("and" in links or after in ("and", "as")):
            runs.append(run)

    for span in mentions:
        link = _link(doc, run[-1], span) if run and span.start >= run[-1].end else None
        if link is not None:
            run.append(span)
            links.append(link)
            continue
        if run:
            close()
        run, links = [span], []
    if run:
        close()
    return runs


def _allies_in(run: list[Span], name: str, other: str | None) -> list[str]:
    """The names listed with `name` in a run, walking out from it both ways until the other side."""
    found: list[str] = []
    for k, span in enumerate(run):
        if span._.actor.name != name:
            continue
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(run):
                ally = run[j]._.actor.name
                if other is not None and same_actor(ally, other):
                    break
                if not same_actor(ally, name) and not is_unknown(ally) and ally not in found:
                    found.append(ally)
                j += step
    return found


def actors_by_sentence(doc) -> dict[int, list[Span]]:
    """Sentence number -> the resolved actor mentions in it (news media left out), in order."""
    starts = [s.start for s in sentences(doc)]
    by_sent: dict[int, list[Span]] = {}
    for span in doc.spans.get("actors", []):
        if span._.actor is not None and span._.actor.kind != "media":
            by_sent.setdefault(bisect_right(starts, span.start) - 1, []).append(span)
    return by_sent


def add_allies(events: list, doc, by_sent: dict[int, list[Span]]) -> None:
    """Give each side of an event the actors its sentence lists along with it, as associates
    (`by_sent`: actors_by_sentence(doc))."""
    if sum(map(len, by_sent.values())) < 2:
        return
    sents = sentences(doc)
    runs_of: dict[int, list[list[Span]]] = {}
    for ev in events:
        if ev.is_historical:
            continue
        told = next((e.sentence for e in ev.evidence if e.field == "event"), None)
        if told is None or len(by_sent.get(told, [])) < 2:
            continue
        if told not in runs_of:
            runs_of[told] = actor_lists(sents[told], by_sent[told])
        for n, other in (("1", ev.actor2), ("2", ev.actor1)):
            name = getattr(ev, "actor" + n)
            if name is None:
                continue
            # a side is never its own ally, nor its opponent's (the parse may have said so)
            have = [a for a in (getattr(ev, "assoc_actor_" + n) or "").split("; ")
                    if a and not same_actor(a, name) and not (other and same_actor(a, other))]
            for run in runs_of[told]:
                for ally in _allies_in(run, name, other):
                    if ally not in have and not (other and same_actor(ally, other)):
                        have.append(ally)
            setattr(ev, "assoc_actor_" + n, "; ".join(have) or None)
