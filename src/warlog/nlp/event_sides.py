"""Sides of an event that its note leaves unnamed or the parse loses, filled as a coder would
(used by warlog.nlp.coreference.complete_sides):

- the actors of "between X and Y" read on the surface when the parse hangs them elsewhere;
- the raider of an air strike told without one: aircraft or a state's forces named nearby,
  else the forces of the country struck (in most wars only states fly), and its unnamed
  target an unidentified armed group;
- a fight whose sides are never named (told by a word used only of fights, or deadly) is
  between unidentified armed groups.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from warlog.nlp.triggers import lexicon
from warlog.resolve.actors import ActorDictionary


def set_side(event, n: str, ref) -> None:
    """Make `ref` side `n` ("1" or "2") of an event."""
    setattr(event, "actor" + n, ref.name)
    setattr(event, "inter" + n, ref.inter)
    assoc = getattr(event, "assoc_actor_" + n)
    if assoc:  # a side named on its own is no longer its own ally
        kept = [a for a in assoc.split("; ") if a != ref.name]
        setattr(event, "assoc_actor_" + n, "; ".join(kept) or None)


def surface_pair(between: Token, spans: list[Span]) -> set[int]:
    """The roots of the actors of "between X and Y" read on the surface (the parse may hang Y,
    or X's "from IS", elsewhere): those after "between" up to the first "and" within a few
    words, and the first one after that "and" (or in the phrase it starts)."""
    doc = between.doc
    stop = min(between.i + 20, between.sent.end)
    join = next((t.i for t in doc[between.i + 1:stop] if t.lower_ == "and"), None)
    if join is None or any(t.text in (",", ";") for t in doc[between.i + 1:join]):
        return set()
    first = [s for s in spans if between.i < s.start and s.end <= join]
    after = {t.i for t in doc[join + 1].subtree} if join + 1 < len(doc) else set()  # "and units of the army"
    second = next((s for s in spans if 0 < s.start - join <= 2 or s.root.i in after and s.start > join), None)
    return {s.root.i for s in first} | {second.root.i} if first and second is not None else set()


STATE_INTERS = {1, 8}
AIR_PAIRS = {"strike", "strikes", "raid", "raids", "force", "forces", "attack", "attacks", "bombardment"}
COMBAT_WORDS = ("clash", "gunfire", "firefight", "gunfight", "gunbattle", "shootout", "shoot-out", "skirmish",
                "crossfire", "exchange of fire")


def surely_combat(ev) -> bool:
    """Whether a battle told with no side is surely a fight: said by a word only used of one
    ("clashes", "gunfire"), or deadly ("a custody battle", "fought to keep the boy" are not)."""
    return (ev.trigger or "").lower().startswith(COMBAT_WORDS) or bool(ev.fatalities)


@lru_cache(maxsize=1)
def _aircraft() -> frozenset[str]:
    """The lexicon's aircraft words and air-strike nouns ("air" counts only before strike, raid, force…)."""
    return lexicon().air_words | {"airstrike", "airstrikes"}


def flown(sent: Span) -> bool:
    """Whether a sentence tells of aircraft at work ("air raids", "warplanes"), outside names
    ("Andrews Air Force Base"): a bombing typed as an air strike without them is no raid."""
    aircraft = _aircraft()
    for tok in sent:
        if tok.ent_type_ in ("FAC", "ORG", "GPE", "LOC") and tok.text[:1].isupper():
            continue
        word = tok.lower_
        if word != "air" and word in aircraft or word == "air" and tok.i + 1 < sent.end and tok.nbor().lower_ in AIR_PAIRS:
            return True
    return False


def air_raider(ev, nearby: list[Span]) -> None:
    """The raider of an air strike its note leaves unnamed: aircraft named nearby ("aircraft from
    Misrata"), else, as in most wars only states fly, a state's forces named nearby, else the
    forces of the country struck ("Air raids were reported in Leithi"). (The unnamed target of a
    strike is then an unidentified armed group.)"""
    if ev.inter2 in STATE_INTERS:
        return  # (a strike on a state's forces: by its enemy, unnamed)
    air_words = lexicon().air_words
    flying = [s for s in nearby if any(t.lower_ in air_words for t in s)]  # "aircraft from Misrata"
    state = [s for s in nearby if s._.actor.inter in STATE_INTERS]
    raider = next((s._.actor for s in flying + state if s._.actor.name != ev.actor2), None)
    set_side(ev, "1", raider or ActorDictionary.load().generic_ref("military", ev.country_code, ""))
