"""Event coreference inside an article: mentions that point back at an event already told.

Reports come back to their event: "the blast", "the attack", "both assaults", "This was one
of two coordinated attacks" add tolls and actors to it, not a new event; and
"ISIL claimed responsibility for the attack" / "sources attributed the attack to X" name its
perpetrator. Kept apart from the events component so each has one job.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Span, Token

from warlog.incidents import part_of
from warlog.nlp.actor_allies import actors_by_sentence, add_allies
from warlog.nlp.actor_parse import paragraph_starts
from warlog.nlp.arguments import SentenceArgs, only_backed
from warlog.nlp.doc_index import matching_positions, sentences, tokens_within
from warlog.nlp.event_setting import SPEECH_LEMMAS
from warlog.nlp.event_sides import air_raider, flown, set_side, surely_combat, surface_pair
from warlog.reconcile import compatible, is_unknown, merge, same_actor
from warlog.resolve.actors import ActorDictionary

BACK_DETERMINERS = {"the", "this", "that", "these", "those", "both", "its", "their", "such"}
RESPONSIBILITY_VERBS = {"claim", "accept", "admit", "take", "bear", "assume"}
ATTRIBUTION_VERBS = {"attribute", "blame", "link", "tie", "pin"}
RESPONSIBILITY_WORDS = ATTRIBUTION_VERBS | {"responsibility"}
DEMONSTRATIVES = {"this", "it", "that"}
RECENT_SENTENCES = 6  # how far back a definite mention may point


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("no", "none") and c.dep_ in ("det", "nsubj")
               for c in [*token.children, *(c for ch in token.children if ch.dep_ == "nsubj" for c in ch.subtree)])


def responsibility(args: SentenceArgs) -> tuple[bool, Span | None]:
    """(whether the sentence is about who did it, the actor it names if any)."""
    about = False
    sent = args.sent
    for tok in tokens_within(sent, matching_positions(sent.doc, "responsibility", RESPONSIBILITY_WORDS)):
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
    found = identified_perpetrator(args)
    return (True, found) if found is not None else (about, None)


PERPETRATOR_NOUNS = {"gunman", "gunmen", "attacker", "attackers", "assailant", "assailants", "kidnapper",
                     "kidnappers", "abductor", "abductors", "perpetrator", "perpetrators", "culprit", "culprits",
                     "bomber", "bombers", "assassin", "assassins", "shooter", "shooters", "raider", "raiders"}


def identified_perpetrator(args: SentenceArgs) -> Span | None:
    """The group unnamed attackers are said to belong to: "the gunmen were members of IS", "the
    attackers are believed to be al-Shabaab fighters", "the kidnappers were affiliated with X"."""
    sent = args.sent
    for tok in tokens_within(sent, matching_positions(sent.doc, "perpetrators", PERPETRATOR_NOUNS)):
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        verb = tok.head
        be = verb if verb.lemma_ == "be" else next(
            (c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ == "be"), None)
        if be is None or _negated(verb) or _negated(be):
            continue
        for part in be.children:
            found = args.actor_in(part) if part.dep_ in ("attr", "acomp") else None
            if found is not None and not is_unknown(found._.actor.name) \
                    and found._.actor.inter != 7 and not (found.start <= tok.i < found.end):
                return found
    return None


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


AIM_LEMMAS = {"target", "aim"}


def tells_aim(tokens: list[Token], event, earlier) -> bool:
    """Whether an event told only as what a side aimed at ("the military said it had targeted
    militants in a command centre", after its strike on a school) is that side's account of its
    strike just told: no date, place or toll of its own, and the same doer."""
    return (earlier is not None and bool(earlier.actor1 and event.actor1)
            and all(t.pos_ == "VERB" and t.lemma_ in AIM_LEMMAS for t in tokens)
            and not any(e.field in ("date", "location", "fatalities", "injured") for e in event.evidence)
            and same_actor(earlier.actor1, event.actor1))


def antecedent(events: list, sent_i: int, like=None):
    """The event a back-reference in sentence `sent_i` points at: the latest one told shortly
    before, or with `like` (the mention as an event) the latest of its type ("the raids" are the
    air strikes, not the town seized in between), when there is one."""
    recent = []
    for ev in reversed(events):
        told = max((e.sentence for e in ev.evidence if e.field == "event"), default=-99)
        if 0 <= sent_i - told <= RECENT_SENTENCES and told < sent_i:
            recent.append(ev)
    if like is not None:
        same = next((ev for ev in recent if ev.event_type == like.event_type), None)
        if same is not None:
            return same
    return recent[0] if recent else None


def fold(earlier, later):
    """An event and a later mention of it as one; a generic first telling ("assailants
    attacked the village") takes the more telling type of the mention ("the suicide blast");
    unnamed attackers of the mention ("troops killed all five attackers") are the armed group
    the first telling named as the attacker."""
    later = _attackers_named(earlier, later)
    merged = merge(earlier, later)
    if earlier.sub_event_type in ("Attack", "Armed clash") and later.event_type == "Explosions/Remote violence":
        merged.event_type, merged.sub_event_type = later.event_type, later.sub_event_type
        merged.civilian_targeting = later.civilian_targeting or earlier.event_type == "Violence against civilians"
    return merged


def _attackers_named(earlier, later):
    """`later` with its unidentified side read as the non-state attacker `earlier` names."""
    if earlier.inter1 not in (2, 3, 4) or is_unknown(earlier.actor1):
        return later
    for n, other in (("1", later.actor2), ("2", later.actor1)):
        if is_unknown(getattr(later, "actor" + n)) and not (other and same_actor(other, earlier.actor1)):
            return replace(later, **{"actor" + n: earlier.actor1, "inter" + n: earlier.inter1})
    return later


def attribute(event, actor) -> None:
    """Name the perpetrator of an event told without one: it takes the place of an
    unidentified group in either role ("security forces killed two suicide bombers" … "ISIL
    claimed responsibility"), else the empty first role; a side already named stays where it is."""
    if any(same_actor(actor.name, x) for x in (event.actor1, event.actor2) if x):
        return
    if event.event_type == "Violence against civilians" and event.inter1 in CIVILIAN_SIDE and (
            event.actor2 is None or event.actor2 == event.actor1):
        # "A child was killed and his mother injured in the assault": the victims, done to
        event.actor2, event.inter2 = event.actor1, event.inter1
        event.actor1, event.inter1 = actor.name, actor.inter
        return
    for n in ("1", "2"):
        name = getattr(event, "actor" + n)
        if is_unknown(name):
            setattr(event, "actor" + n, actor.name)
            setattr(event, "inter" + n, actor.inter)
            return
    if event.actor1 is None:
        event.actor1, event.inter1 = actor.name, actor.inter


ARMED_INTERS = {1, 2, 3, 4, 8}
NOTE_REACH = 2  # how many sentences away, in the same paragraph, a missing side may be named


def _sides_between(sent: Span, spans: list[Span]) -> list:
    """The distinct armed actors of "between X and Y" phrases of a sentence, in order."""
    found = []
    for tok in sent:
        if tok.lower_ != "between":
            continue
        inside = {t.i for t in tok.subtree} | surface_pair(tok, spans)
        for span in spans:
            ref = span._.actor
            if span.root.i in inside and ref.inter in ARMED_INTERS and all(ref.name != r.name for r in found):
                found.append(ref)
    named = [r for r in found if not is_unknown(r.name)]  # "between gunmen from IS and army units"
    return named if len(named) >= 2 else found


def complete_sides(events: list, doc) -> None:
    """Fill the sides an event's own clause left unnamed, as a coder reading the whole note would:
    the two sides of "fighting ... between X and Y" anywhere in its sentence; else the nearest
    fitting actor named in the same paragraph (at most NOTE_REACH sentences away): an armed
    actor for a battle's or an attack's missing side, the civilians for the victims of
    violence against civilians."""
    sents = sentences(doc)
    breaks = paragraph_starts(doc)
    paragraphs = [bisect_right(breaks, s.start_char) for s in sents]
    by_sent = actors_by_sentence(doc)
    def speaking(span: Span) -> bool:
        """Whether an actor mention only says where the news comes from: "according to X" (a
        subject that says it did something, "the air force said it struck …", may still be a side)."""
        root = span.root
        if any(t.lower_ == "according" for t in root.ancestors):
            return True
        # "Al-Shabaab fighters attacked a hotel ..., police said": telling of others' deeds
        # (not "the Taliban said one of its fighters blew himself up": its own)
        return root.dep_ == "nsubj" and root.head.lemma_ in SPEECH_LEMMAS and any(
            c.dep_ == "ccomp" and any(g.dep_ == "nsubj" and not any(t.pos_ == "PRON" for t in g.subtree)
                                      for g in c.children)
            for c in root.head.children)

    for i, original in enumerate(events):
        told = [e.sentence for e in original.evidence if e.field == "event"]
        arrest = original.sub_event_type == "Arrests"
        if original.is_historical or not told or (original.event_type not in FILLED_TYPES and not arrest):
            continue
        ev = replace(original)
        here = told[0]
        names = lambda: {x for x in (ev.actor1, ev.actor2) if x}  # noqa: E731
        if ev.event_type == "Battles":
            sides = next((found for k in dict.fromkeys(told)  # "The fighting was between X and Y", told later
                          if len(found := _sides_between(sents[k], by_sent.get(k, []))) >= 2), [])
            # the sides a clause gave yield to those of "between X and Y" when a side is missing,
            # is the civilians hit, or is not among them while the other is (a parse gone astray)
            among = [any(same_actor(r.name, x) for r in sides[:2]) for x in (ev.actor1, ev.actor2) if x]
            if len(sides) >= 2 and (len(among) < 2 or 7 in (ev.inter1, ev.inter2) or sum(among) == 1):
                for n, ref in zip(("1", "2"), sides[:2]):
                    set_side(ev, n, ref)
        if ev.event_type == "Battles":
            for n in ("1", "2"):  # armed groups fight battles; "nine people were killed" is its toll
                if getattr(ev, "inter" + n) in CIVILIAN_SIDE and _only_people(
                        getattr(ev, "actor" + n), [s for k in set(told) for s in by_sent.get(k, [])]):
                    setattr(ev, "actor" + n, None)
                    setattr(ev, "inter" + n, None)
                    ev.evidence = [e for e in ev.evidence if e.field != "actor" + n]
        near = sorted((k for k in by_sent if abs(k - here) <= NOTE_REACH and paragraphs[k] == paragraphs[here]),
                      key=lambda k: (abs(k - here), k < here))
        if arrest:  # who arrested is named in the sentence of the arrest, or not at all
            near = [here] if here in by_sent else []
        # an air strike told as part of an event before it ("clashes, with air strikes") is no
        # event of its own (warlog.incidents folds it in): its sides are that event's
        air = ev.sub_event_type == "Air/drone strike" and flown(sents[here]) \
            and not any(part_of(o, ev) for o in events[:i])
        if air and ev.actor1 is None:
            air_raider(ev, [s for k in near for s in by_sent[k] if not speaking(s) and not only_backed(s)])
        for n in ("1", "2") if not arrest else ("1",):
            if getattr(ev, "actor" + n) is not None:
                continue
            wanted = ARMED_INTERS if n == "1" else {"Violence against civilians": CIVILIAN_SIDE, "Battles": ARMED_INTERS}.get(
                ev.event_type, ARMED_INTERS | CIVILIAN_SIDE)
            taken = names() | set((ev.assoc_actor_1 or "").split("; ")) | set((ev.assoc_actor_2 or "").split("; "))
            # unnamed attackers told elsewhere are the side already known, not its opponent
            anonymous_ok = not names()
            ref = next((s._.actor for k in near for s in by_sent[k] if s._.actor.inter in wanted
                        and (anonymous_ok or not is_unknown(s._.actor.name))
                        and not speaking(s) and not only_backed(s)
                        and not any(same_actor(s._.actor.name, t) for t in taken if t)),
                       None)
            if ref is not None:
                set_side(ev, n, ref)
        if air and ev.actor2 is None and ev.actor1 is not None or ev.event_type == "Battles" and ev.actor1 is None \
                and ev.actor2 is None and surely_combat(ev):  # (a fight of sides never named: unidentified groups)
            # (a strike on a village, market or school with no one named there hit its people)
            hit = "civilians" if air and ev.civilian_targeting else "unidentified"
            set_side(ev, "2" if ev.actor1 else "1", ActorDictionary.load().generic_ref(hit, ev.country_code, ""))
        elif ev.sub_event_type in PLANTED and ev.actor1 is None:
            # a bomb whose planters no one names ("an IED struck an army convoy"): ACLED codes an
            # unidentified armed group as its first side, the victims as the second
            set_side(ev, "1", ActorDictionary.load().generic_ref("unidentified", ev.country_code, ""))
        # never keep apart the records of one event (tested as merge_within merges them)
        joined = [o for o in events if o is not original and compatible(o, original, one_story=True)]
        if all(compatible(o, ev, one_story=True) for o in joined):
            events[i] = ev
    add_allies(events, doc, by_sent)


CIVILIAN_SIDE = {7}
PLANTED = {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"}  # weapons anyone may use
PEOPLE_WORDS = {"people", "person", "persons", "individual", "individuals", "others", "casualties"}


def _only_people(name: str, spans: list[Span]) -> bool:
    """Whether the words of the event's sentences that name a side civilians only count people
    ("nine people were killed"), who in a battle may be fighters as well as bystanders."""
    words = [s[-1].lower_ for s in spans if s._.actor.name == name]
    return bool(words) and all(w in PEOPLE_WORDS for w in words)
FILLED_TYPES = {"Battles", "Violence against civilians", "Explosions/Remote violence"}
