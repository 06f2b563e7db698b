"""The arguments of an event on the dependency parse: who acted and on whom (where, when and
how many are `warlog.nlp.event_setting`).

Roles come from the trigger's own dependents first (subject, object, by-agent, passive
subject, "with/against/from/on" phrases, noun modifiers like "ISIS suicide bombings"), then
from the verb that governs an event noun ("the coalition carried out airstrikes", "forces were
stunned by renewed clashes"), and only then from the rest of the sentence.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span, Token

from warlog.nlp.doc_index import sentences

VERB_POS = {"VERB", "AUX"}
AGENT_DEPS = {"nsubj", "agent", "csubj"}
PATIENT_DEPS = {"dobj", "nsubjpass", "attr", "oprd"}
COUNTERPART_PREPS = {"with", "against", "between", "from", "on", "upon", "at", "targeting"}
NOUN_AGENT_DEPS = {"compound", "amod", "poss", "nmod"}
SUPPORT_VERBS = {"carry", "launch", "conduct", "stage", "mount", "wage", "fight", "unleash", "perform",
                 "claim", "step", "intensify", "lead", "fire", "detonate", "plant", "drop", "hurl", "throw"}
# Verbs whose subject undergoes the event named by their object: "civilians suffered an attack".
UNDERGO_VERBS = {"suffer", "face", "endure", "survive", "witness", "see", "report", "condemn", "deny",
                 "claim", "blame", "fear", "escape", "experience", "sustain"}
LOCATIVE_PREPS = {"in", "near", "at", "around", "outside", "inside", "into", "on", "across", "throughout",
                  "of", "within", "for", "to", "toward", "towards", "over", "along", "north", "south",
                  "east", "west", "off", "between", "by"}
NEAR_WORDS = {"near", "outside", "around", "outskirts", "north", "south", "east", "west", "northern",
              "southern", "eastern", "western", "northeast", "northwest", "southeast", "southwest",
              "within", "close", "km", "kilometers", "kilometres", "miles", "mile", "countryside",
              "vicinity", "suburb", "suburbs", "edge", "district", "neighborhood", "neighbourhood",
              "village", "villages", "area", "areas", "province", "parts"}


def _by_token(spans) -> dict[int, Span]:
    index = {}
    for span in spans:
        for i in range(span.start, span.end):
            index.setdefault(i, span)
    return index


def _spans_by_sentence(doc) -> dict[str, dict[int, list[Span]]]:
    """The doc's span groups indexed by the start of the sentence that holds each span, built
    once per doc: looking them up per sentence stays linear in the article's length."""
    index = doc.user_data.get("warlog_spans_by_sentence")
    if index is None:
        starts = [s.start for s in sentences(doc)]
        index = {}
        for group in ("actors", "places", "dates", "tolls"):
            grouped: dict[int, list[Span]] = {}
            for span in doc.spans.get(group, []):
                k = bisect_right(starts, span.start) - 1
                if k >= 0 and (k + 1 == len(starts) or span.end <= starts[k + 1]):
                    grouped.setdefault(starts[k], []).append(span)
            index[group] = grouped
        doc.user_data["warlog_spans_by_sentence"] = index
    return index


def names_nothing(sent: Span) -> bool:
    """Whether a sentence names no actor, place or casualty count (nothing an event could use)."""
    index = _spans_by_sentence(sent.doc)
    return not any(index[group].get(sent.start) for group in ("actors", "places", "tolls"))


class SentenceArgs:
    """Index of a sentence's actors, places, dates and tolls, for role lookups."""

    def __init__(self, sent: Span, sources: set[int]):
        by_sentence = _spans_by_sentence(sent.doc)
        mine = lambda group: by_sentence[group].get(sent.start, [])
        self.sent = sent
        self.sources = sources  # token indices of the sources of reported speech
        self.actors = [s for s in mine("actors") if s._.actor is not None]
        self.places = [s for s in mine("places") if s._.place is not None]
        self.dates = [s for s in mine("dates") if s._.when is not None]
        self.tolls = [s for s in mine("tolls") if s._.toll is not None]
        self.actor_at = _by_token(self.actors)
        self.backed = {s.start for s in self.actors if only_backed(s)}

    def actor_in(self, token: Token) -> Span | None:
        """The actor mention a phrase headed by `token` names (its head first, then its words)."""
        if token.i in self.actor_at:
            span = self.actor_at[token.i]
            return span if span.start not in self.backed else None
        for t in sorted(token.subtree, key=lambda t: (abs(t.i - token.i), t.i)):
            if t.i in self.actor_at and t.i not in self.sources:
                span = self.actor_at[t.i]
                if span._.actor.kind != "media" and span.start not in self.backed:
                    return span
        return None


BACKING_WORDS = {"support", "supporter", "back", "backing", "endorse", "solidarity", "link", "tie"}
RALLY_WORDS = {"rally", "march", "demonstrate", "demonstration", "protest", "vigil"}


def only_backed(span: Span) -> bool:
    """Whether an actor mention is only what others stand for, no side of the event: "a rally
    in support of the LNA", "marched for the army", "a crowd backing the junta", "the group,
    which is linked to al Qaeda"."""
    tok = span.root
    for _ in range(4):
        if tok.dep_ not in ("pobj", "prep", "dobj", "compound", "conj", "appos") or tok.head is tok:
            return False
        tok = tok.head
        if tok.lemma_ in BACKING_WORDS or tok.lemma_ in RALLY_WORDS and span.root.head.lower_ == "for":
            return True
    return False


def unnamed_of_named(agent: Span, patient: Span) -> bool:
    """Whether the second side of a clause is only unnamed gunmen or attackers where the
    attackers are a named armed group: in a sentence that names the attackers, they are them."""
    doer, other = agent._.actor, patient._.actor
    return other.kind == "unidentified" and doer.kind != "unidentified" and doer.inter in (2, 3, 4, 8) \
        and patient.root.dep_ in ("nsubj", "nsubjpass", "conj")


def _prep_objects(token: Token):
    for child in token.children:
        if child.dep_ in ("prep", "agent"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield child.lower_, obj
                    for conj in obj.conjuncts:
                        yield child.lower_, conj


def roles(trigger: Token, args: SentenceArgs, symmetric: bool = False) -> tuple[Span | None, Span | None]:
    """(agent, patient) actor mentions of a trigger, from its dependents and governor.

    `symmetric`: the event has participants rather than a doer and a target (a clash).
    """
    agent = patient = None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
    for child in trigger.children:
        found = args.actor_in(child) if child.dep_ in AGENT_DEPS | PATIENT_DEPS else None
        if found is None:
            continue
        if child.dep_ in AGENT_DEPS and child.dep_ != "agent" and agent is None and not passive:
            agent = found
        elif child.dep_ in PATIENT_DEPS and patient is None:
            patient = found
    for prep, obj in _prep_objects(trigger):
        found = args.actor_in(obj)
        if found is None:
            continue
        if prep == "between" and agent is None and symmetric:
            agent = found  # "clashes between X and Y": X one side, Y (its conjunct) the other
        elif prep == "by" and agent is None:
            agent = found
        elif prep in COUNTERPART_PREPS and patient is None and found is not agent:
            patient = found
    if agent is None and not passive:
        agent = _speaker_pronoun(trigger, args)
    if trigger.dep_ == "xcomp" and trigger.head.pos_ in VERB_POS and not any(
            c.dep_ == "dobj" for c in trigger.head.children):
        # "militants are reported to have seized the village", "troops tried to storm the town":
        # the subject of the verb it completes (a speaker or not) does it, or undergoes it
        subj = next((c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        found = args.actor_in(subj) if subj is not None else None
        if found is not None and passive and patient is None:
            patient = found
        elif found is not None and not passive and agent is None:
            agent = found
    if agent is None and trigger.dep_ == "conj" and trigger.head.pos_ in ("VERB", "AUX"):
        # "forces pushed into the city and retook the compound": the subject is shared
        agent = next((args.actor_in(c) for c in trigger.head.children if c.dep_ == "nsubj"), None)
    if trigger.dep_ in ("acl", "relcl") and trigger.tag_ in ("VBG", "VBN"):
        # "fighters retaking areas" (they act); "soldiers killed in the raid" (they suffer)
        found = args.actor_in(trigger.head)
        if trigger.tag_ == "VBG" and agent is None:
            agent = found
        elif trigger.tag_ == "VBN" and patient is None:
            patient = found
    if trigger.pos_ in ("NOUN", "PROPN"):
        for child in trigger.children:
            if child.dep_ in NOUN_AGENT_DEPS and agent is None:
                agent = args.actor_in(child)
        phrase = trigger
        while phrase.dep_ in ("compound", "amod") and phrase.head is not phrase:
            phrase = phrase.head  # "artillery shells", "suicide car bomb"
        head = phrase.head
        if agent is None and (phrase.dep_ == "dobj" and head.lemma_.lower() not in UNDERGO_VERBS
                              or phrase.dep_ in ("pobj", "nsubjpass") and head.lemma_ in SUPPORT_VERBS):
            # "Houthi fighters fired artillery shells", "the coalition carried out airstrikes"
            agent = next((args.actor_in(c) for c in head.children if c.dep_ == "nsubj"), None)
        if trigger.dep_ == "pobj":
            # "forces were stunned by clashes": in a fight they took part; "civilians killed
            # in airstrikes": they were hit.
            gov = head.head
            for c in gov.children:
                if c.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                found = args.actor_in(c)
                if symmetric and agent is None:
                    agent = found
                elif not symmetric and c.dep_ == "nsubjpass" and patient is None:
                    patient = found
    if agent is not None and patient is not None and agent.start == patient.start:
        patient = None
    return agent, patient


SPEAKER_PRONOUNS = {"it", "they", "we"}


def _speaker_pronoun(trigger: Token, args: SentenceArgs) -> Span | None:
    """'The army said it had retaken the town': a pronoun subject of what a speaker reports is
    the speaker, when the speaker is an actor."""
    subj = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    verb = trigger.head
    if subj is None or subj.lower_ not in SPEAKER_PRONOUNS or trigger.dep_ != "ccomp" or verb.pos_ not in VERB_POS:
        return None
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return args.actor_in(speaker) if speaker is not None else None


ALLY_VERBS = {"back", "support", "aid", "assist", "join", "accompany", "help", "reinforce", "arm"}
ALLY_PREPS = {"with", "alongside", "including"}


def associates(span: Span, args: SentenceArgs) -> list[Span]:
    """Actors acting with an actor: "the Syrian air force, backed by warplanes from its ally,
    Russia"; "army troops, alongside allied militias"; "Syrian and Russian jets"."""
    root, out = span.root, []
    heads = [c for c in root.children if c.dep_ == "acl" and c.lemma_.lower() in ALLY_VERBS
             or c.dep_ == "prep" and c.lower_ in ALLY_PREPS] + list(root.conjuncts)
    for head in heads:
        for t in head.subtree:
            found = args.actor_at.get(t.i)
            if found is not None and found is not span and found not in out and found._.actor.kind != "media" \
                    and found._.actor.name != span._.actor.name:
                out.append(found)
    return out


def sentence_actors(args: SentenceArgs, exclude: set[int], clause: Token | None = None) -> list[Span]:
    """Actor mentions of the sentence (of the event's clause when given) that are not
    sources of reported speech, in order."""
    seen, out = set(), []
    for span in args.actors:
        name = span._.actor.name
        if span.start in exclude or span.start in args.sources or name in seen or span._.actor.kind == "media" \
                or span.start in args.backed:
            continue
        if clause is not None and clause_hops(span.root, clause) > 1:
            continue
        seen.add(name)
        out.append(span)
    return out


def token_distance(span: Span, tokens: list[Token]) -> int:
    return min(abs(span.start - t.i) for t in tokens)


CLAUSE_EDGES = {"advcl", "acl", "relcl", "ccomp", "xcomp", "pcomp", "parataxis", "csubj"}


def event_clause(tokens: list[Token]) -> Token:
    """The verb whose clause tells the event: the trigger, or the verb it completes
    ("continued to hold off", "were stunned by clashes")."""
    tok = tokens[0]
    while tok.dep_ in ("xcomp", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "conj") and tok.head is not tok:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            break
    return tok


def clause_hops(token: Token, anchor: Token) -> int:
    """How many clause boundaries separate two tokens on the parse."""
    up = [token, *token.ancestors]
    anchor_up = [anchor, *anchor.ancestors]
    common = next((t for t in up if t in anchor_up), None)
    if common is None:
        return 9
    hops = 0
    for path in (up[:up.index(common)], anchor_up[:anchor_up.index(common)]):
        hops += sum(1 for t in path if t.dep_ in CLAUSE_EDGES)
    return hops
