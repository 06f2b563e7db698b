"""Realis: whether an event word is told as having happened.

Negated, conditional, hypothetical, threatened, planned, predicted or purposive ("a campaign
to retake the city") actions are not events; neither is what happened to people before the
news ("executed four captured soldiers") nor what is told as background ("after the clashes").
"""
from __future__ import annotations

from itertools import islice

from spacy.tokens import Token

from warlog.nlp.targets import holds_people
from warlog.nlp.triggers import VERB_POS, Trigger, lexicon, trigger_kind

MODAL_AUX = {"would", "could", "might", "may", "should", "will", "shall", "'d", "'ll", "can", "must"}
# Infinitives under these verbs did happen: "continued to fight", "began to shell".
ASPECTUAL = {"continue", "begin", "start", "keep", "resume", "manage", "go", "proceed", "renew"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
# "X is reported/said/believed to have …" and "X appears to have …" tell what happened.
REPORTED_AS = {"report", "say", "believe", "think", "allege", "understand", "know", "claim", "confirm",
               "rumour", "rumor", "suspect", "presume", "estimate", "see"}
SEEMING = {"appear", "seem"}
# Adverbs that make a present-tense verb a habit, not news: "the army only targets terrorists".
HABITUAL = {"only", "routinely", "regularly", "often", "frequently", "usually", "always", "generally",
            "typically", "habitually", "rarely", "seldom", "sometimes", "normally"}
HELD_DEPS = {"amod", "acl", "relcl"}  # how what people had been through hangs on them
# Nouns whose "of" names what has not happened: "fears of renewed clashes", "the threat of attacks".
UNREAL_OF = {"fear", "threat", "risk", "prospect", "danger", "possibility", "warning", "spectre", "specter",
             "likelihood", "chance"}
# Words whose "of/for/with", describing someone, tells what they are alleged or known to have done
# before: "a commander suspected of carrying out two attacks", "a man wanted for the killing of".
ALLEGED_BY = {"suspect", "accuse", "convict", "charge", "sentence", "wanted", "indict", "notorious", "infamous"}
PATH_DEPS = {"pobj", "pcomp", "dobj", "prep", "conj", "compound", "amod", "nsubj", "nsubjpass", "relcl", "acl"}


def _governing_chain(token: Token, hops: int = 4):
    """The token's heads up the clause chain, with the relation that links each step."""
    current = token
    for _ in range(hops):
        if current.head is current:
            return
        yield current.dep_, current.head
        current = current.head


def _hedged_report(verb: Token) -> bool:
    """'are reported to have seized', 'is said to have fought', 'appear to have repelled': a
    report of what happened, not a plan."""
    lemma = verb.lemma_.lower()
    return lemma in SEEMING or lemma in REPORTED_AS and any(c.dep_ == "auxpass" for c in verb.children)


def _done_to(people: Token) -> bool:
    """Whether a phrase naming people is what an event word acts on: its object or passive
    subject, directly or through a count ("three of the six men")."""
    node = people
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in ("NUM", "PRON", "NOUN"):
        node = node.head.head
    if node.dep_ not in ("dobj", "nsubjpass", "pobj"):
        return False
    gov = node.head.head if node.dep_ == "pobj" else node.head
    return gov is not people and trigger_kind(gov) is not None


def _held(tok: Token) -> bool:
    """Whether a participle or relative clause tells what people an event acts on had been
    through before ("captured soldiers", "nurses it had seized", "men kidnapped in May")."""
    held = tok.dep_ == "amod" and tok.tag_ == "VBN" and (trigger_kind(tok.head.head) or _done_to(tok.head)) \
        or tok.dep_ in ("acl", "relcl") and tok.tag_ in ("VBN", "VBD") and _done_to(tok.head)
    return bool(held) and trigger_kind(tok) is not None and holds_people(tok.head)


def told_about(tok: Token) -> str | None:
    """The word a trigger hangs on through a preposition that makes it feared or alleged, not
    news: "fears of clashes" (not yet), "suspected of carrying out attacks" (another story)."""
    node = tok
    for _ in range(5):
        if node.dep_ not in PATH_DEPS or node.head is node:
            return None
        if node.dep_ == "prep" and node.lower_ in ("of", "for", "with"):
            word = node.head.lemma_.lower()
            alleged = word in ALLEGED_BY or node.head.lower_ in ALLEGED_BY
            # only when it describes someone ("a man wanted for"): "he was accused of" is the news
            if node.lower_ == "of" and word in UNREAL_OF and node.head.pos_ == "NOUN" \
                    or alleged and node.head.dep_ in ("acl", "amod", "appos"):
                return node.head.text
        node = node.head
    return None


def _habitual(verb: Token) -> bool:
    """'the army only targets terrorists', 'militants routinely attack convoys': a present-tense
    habit (the small model may tag the verb a plural noun), not something that happened."""
    present = verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "NNS" and any(c.dep_ == "nsubj" for c in verb.children)
    return present and any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in verb.children)


def _suffered(verb: Token) -> bool:
    """Whether a verb (or the verb it is coordinated with) is passive: "was shot and killed"."""
    for v in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
            return True
    return False


def realis(trigger: Trigger) -> tuple[bool, str]:
    """Whether the trigger is told as having happened, and if not, why."""
    lex = lexicon()
    tok = trigger.token
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in {"no", "any"}):
            return False, "negated"
        if child.dep_ in ("amod", "compound") and child.lower_ in lex.irrealis_modifiers:
            return False, f"not (yet) real ('{child.text} {tok.text}')"
        if child.dep_ == "aux" and child.lower_ in MODAL_AUX:
            return False, f"modal '{child.text}'"
        if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
            return False, "conditional"
    if _habitual(tok):
        return False, "habitual ('routinely attacks')"
    if tok.dep_ == "pcomp" and tok.head.lower_ == "before" and _suffered(tok.head.head):
        return False, "prevented ('was shot before detonating')"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and any(
            c.dep_ == "det" and c.lower_ == "no" for c in tok.head.head.children):
        return False, "negated"  # "no sign of fighting", "no reports of clashes"
    if tok.dep_ == "pobj" and (tok.head.lower_ in lex.background_preps or
                               tok.head.head.lemma_.lower() in lex.background_heads):
        return False, f"background ('{tok.head.text} the {tok.text}')"  # told as context, not news
    told = told_about(tok)
    if told is not None:
        return False, f"feared or alleged ('{told} … {tok.text}')"
    held = next((t for t in (tok, *islice(tok.ancestors, 4)) if t.dep_ in HELD_DEPS and _held(t)), None)
    if held is not None:
        # "executed four captured soldiers", "executed two nurses it had seized", "murdered three
        # of the men kidnapped when they stormed a post": the news is what was done to them now
        return False, f"what the people had been through ('{held.text} {held.head.text}')"
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ == "PRON":
        return False, f"who they are ('{tok.head.text} {tok.text}')"  # "those fighting with the army"
    if trigger.participant or trigger.kind in ("protest", "riot") and tok.dep_ == "acl":
        return True, ""  # the protesters were there ("students protesting"), whatever was planned for them
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
    # "claimed to have retaken the gate": a perfect infinitive under a saying verb is a past claim
    perfect = infinitive and any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
    for dep, head in _governing_chain(tok):
        hl = head.lemma_.lower()
        if not infinitive and head.pos_ in VERB_POS and any(c.dep_ == "aux" and c.tag_ == "TO" for c in head.children) \
                and head.dep_ in ("xcomp", "advcl", "acl", "relcl") and head.head.lemma_.lower() not in ASPECTUAL \
                and not _hedged_report(head.head):
            return False, f"purpose or intention ('to {head.text} … {tok.text}')"
        if infinitive and dep in ("xcomp", "acl", "advcl", "relcl", "ccomp", "pobj", "amod"):
            if hl in ASPECTUAL or _hedged_report(head) or perfect and hl in REPORTED_AS | SEEMING:
                infinitive = False  # "continued to shell": it happened
                continue
            return False, f"purpose or intention ('{head.text} to {tok.text}')"
        if hl in lex.irrealis_governors and dep in ("xcomp", "ccomp", "dobj", "nsubj", "acl", "pobj"):
            return False, f"irrealis governor '{head.text}'"
        if hl in lex.irrealis_objects and dep == "dobj":
            return False, f"'{head.text}' a weapon: it did not go off"
        if dep == "nsubj" and any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in head.children):
            return False, f"modal clause ('{head.text}')"
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in head.children):
            return False, "conditional clause"
        if any(c.dep_ == "neg" for c in head.children) and dep in ("xcomp", "dobj", "nsubjpass"):
            return False, f"negated governor '{head.text}'"
        if dep not in ("xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "acl"):
            break
    return True, ""
