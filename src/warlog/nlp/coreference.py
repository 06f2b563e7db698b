"""Event coreference inside an article: mentions that point back at an event already told.

Reports come back to their event: "the blast", "the attack", "both assaults", "This was one
of two coordinated attacks" add tolls and actors to it, not a new event; and
"ISIL claimed responsibility for the attack" / "sources attributed the attack to X" name its
perpetrator. Kept apart from the events component so each has one job.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from warlog.nlp.arguments import SentenceArgs

BACK_DETERMINERS = {"the", "this", "that", "these", "those", "both", "its", "their", "such"}
RESPONSIBILITY_VERBS = {"claim", "accept", "admit", "take", "bear", "assume"}
ATTRIBUTION_VERBS = {"attribute", "blame", "link", "tie", "pin"}
DEMONSTRATIVES = {"this", "it", "that"}
RECENT_SENTENCES = 6  # how far back a definite mention may point


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("no", "none") and c.dep_ in ("det", "nsubj")
               for c in [*token.children, *(c for ch in token.children if ch.dep_ == "nsubj" for c in ch.subtree)])


def responsibility(args: SentenceArgs) -> tuple[bool, Span | None]:
    """(whether the sentence is about who did it, the actor it names if any)."""
    about = False
    for tok in args.sent:
        lemma = tok.lemma_.lower()
        if lemma == "responsibility" and tok.head.lemma_.lower() in RESPONSIBILITY_VERBS:
            about = True
            verb = tok.head
            if _negated(verb):
                continue
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            found = args.actor_in(subj) if subj is not None else None
            if found is not None:
                return True, found
        elif lemma in ATTRIBUTION_VERBS and tok.pos_ == "VERB":
            about = True
            blamed = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]  # "X were blamed"
            for who in blamed:
                found = args.actor_in(who)
                if found is not None and not _negated(tok):
                    return True, found
            for prep in tok.children:
                if prep.dep_ in ("prep", "agent") and prep.lower_ in ("to", "on", "by"):
                    for obj in prep.children:
                        found = args.actor_in(obj)
                        if found is not None and not _negated(tok):
                            return True, found
    return about, None


EFFECT_NOUNS = {"explosion", "blast", "detonation", "fire", "blaze"}


def is_back_reference(tokens: list[Token]) -> bool:
    """Whether an event word points back at an event already told ("the blast", "both assaults",
    "This was one of two coordinated attacks", "a massive explosion" after a bombing)."""
    for tok in tokens:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.lemma_.lower() in EFFECT_NOUNS:
            return True  # what an attack did, heard or seen: the attack itself
        if any(c.dep_ in ("det", "poss", "predet") and c.lower_ in BACK_DETERMINERS for c in tok.children):
            return True
        root = tok.sent.root
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if root.lemma_ == "be" and subj is not None and subj.lower_ in DEMONSTRATIVES and tok in root.subtree:
            return True
    return False


def antecedent(events: list, sent_i: int):
    """The event a back-reference in sentence `sent_i` points at: the latest one told shortly before."""
    for ev in reversed(events):
        told = max((e.sentence for e in ev.evidence if e.field == "event"), default=-99)
        if 0 <= sent_i - told <= RECENT_SENTENCES and told < sent_i:
            return ev
    return None


def fold(earlier, later):
    """An event and a later mention of it as one; a generic first telling ("assailants
    attacked the village") takes the more telling type of the mention ("the suicide blast")."""
    from warlog.reconcile import merge

    merged = merge(earlier, later)
    if earlier.sub_event_type in ("Attack", "Armed clash") and later.event_type == "Explosions/Remote violence":
        merged.event_type, merged.sub_event_type = later.event_type, later.sub_event_type
        merged.civilian_targeting = later.civilian_targeting or earlier.event_type == "Violence against civilians"
    return merged


def attribute(event, actor) -> None:
    """Name the perpetrator of an event told without one: it takes the place of an
    unidentified group in either role ("security forces killed two suicide bombers" … "ISIL
    claimed responsibility"), else the empty first role."""
    for n in ("1", "2"):
        name = getattr(event, "actor" + n)
        if name is not None and name.startswith("Unidentified"):
            setattr(event, "actor" + n, actor.name)
            setattr(event, "inter" + n, actor.inter)
            return
    if event.actor1 is None:
        event.actor1, event.inter1 = actor.name, actor.inter
