"""Event triggers: the words on the parse that signal an event.

A trigger is a verb or an event noun of the lexicon (data/triggers.yaml), single word or
phrasal ("hold off", "push into", "air strike", "suicide bombing"). Whether it really
happened is `warlog.nlp.realis`; what it was aimed at, `warlog.nlp.targets`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Span, Token

from warlog.nlp.doc_index import matching_positions, tokens_within

VERB_POS = {"VERB", "AUX"}
NOUN_POS = {"NOUN", "PROPN"}
# A vehicle full of explosives under these verbs had a driver: "rammed a car bomb into the gate".
WORN = {"belt", "vest", "jacket"}  # explosives carried on the body
DRIVEN_INTO = {"drive", "ram", "crash", "plough", "plow", "smash", "send", "steer", "speed", "hurl"}


@dataclass(frozen=True, slots=True)
class Lexicon:
    entries: dict[str, dict]
    explosive_modifiers: frozenset[str]
    explosive_carriers: frozenset[str]
    irrealis_governors: frozenset[str]
    irrealis_objects: frozenset[str]
    modified_not_events: frozenset[str]
    targets: dict[str, frozenset[str]]
    air_words: frozenset[str]
    background_preps: frozenset[str]
    background_heads: frozenset[str]
    irrealis_modifiers: frozenset[str]
    weapon_verbs: frozenset[str]
    projectile_words: frozenset[str]
    buildings: frozenset[str]
    key_words: frozenset[str]  # every word of every entry: a token none of whose forms is one triggers nothing


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = yaml.safe_load(resources.files("warlog.data").joinpath("triggers.yaml").read_text("utf-8"))
    return Lexicon(
        entries=data["triggers"],
        explosive_modifiers=frozenset(data["explosive_modifiers"]),
        explosive_carriers=frozenset(data["explosive_carriers"]),
        irrealis_governors=frozenset(data["irrealis_governors"]),
        irrealis_objects=frozenset(data["irrealis_objects"]),
        modified_not_events=frozenset(data["modified_not_events"]),
        targets={k: frozenset(v) for k, v in data["targets"].items()},
        air_words=frozenset(data["air_words"]),
        background_preps=frozenset(data["background_preps"]),
        background_heads=frozenset(data["background_heads"]),
        irrealis_modifiers=frozenset(data["irrealis_modifiers"]),
        weapon_verbs=frozenset(data["weapon_verbs"]),
        projectile_words=frozenset(data["projectile_words"]),
        buildings=frozenset(data["buildings"]),
        key_words=frozenset([w for key in data["triggers"] for w in key.split()] + data["weapon_verbs"]),
    )


@dataclass(slots=True)
class Trigger:
    token: Token  # the head word of the trigger
    key: str  # lexicon entry it matched ("air strike", "retake")
    kind: str  # fight, territory, air, ... (see triggers.yaml)
    strength: float
    participant: bool = False  # names the people of the event ("protesters")

    @property
    def sent(self) -> Span:
        return self.token.sent


# The small model leaves some verb forms unlemmatised ("retook", "encircled" tagged ADJ).
IRREGULAR = {"took": "take", "taken": "take", "retook": "retake", "retaken": "retake", "overran": "overrun",
             "shot": "shoot", "fought": "fight", "struck": "strike", "blew": "blow", "blown": "blow",
             "held": "hold", "withdrew": "withdraw", "withdrawn": "withdraw", "overtook": "overtake",
             "slain": "slay", "slew": "slay", "stole": "steal", "stolen": "steal", "beaten": "beat",
             "caught": "catch", "ran": "run", "set": "set", "hit": "hit", "seen": "see", "drove": "drive"}


def base_forms(token: Token) -> tuple[str, ...]:
    """The token's lemma and the dictionary forms its inflection may stand for."""
    return _forms(token.lower_, token.lemma_.lower())


@lru_cache(maxsize=65536)
def _forms(word: str, lemma: str) -> tuple[str, ...]:
    forms = [lemma, IRREGULAR.get(word, word)]
    for suffix in ("ed", "ing", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            forms += [stem, stem + "e"]
            if len(stem) > 3 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # kidnapped -> kidnap
    return tuple(dict.fromkeys(forms))


def _pos_ok(token: Token, pos: str) -> bool:
    if pos == "verb":
        participle = token.pos_ == "ADJ" and token.lower_.endswith("ed")
        return token.pos_ in VERB_POS or token.tag_.startswith("VB") or participle
    if pos == "noun":
        return token.pos_ in NOUN_POS or token.tag_.startswith("NN")
    return token.pos_ in VERB_POS | NOUN_POS


def _keys(token: Token, forms: tuple[str, ...]) -> list[str]:
    """Lexicon keys this token (with these base forms) could be, most specific (phrasal) first."""
    keys = []
    for child in token.children:
        if child.dep_ == "prep":  # "agreed to a truce" reads as "agree truce" first, then "agree to"
            keys += [f"{f} {g.lemma_.lower()}" for g in child.children if g.dep_ == "pobj" for f in forms[:2]]
        if child.dep_ in ("prt", "prep", "dobj", "nsubjpass", "oprd", "acomp", "advmod", "compound", "amod"):
            if child.dep_ == "prep" and abs(child.i - token.i) > 2:
                continue  # "took place ... over salaries" is no "take over"
            c = child.lemma_.lower()
            keys += [f"{f} {c}" if child.i > token.i else f"{c} {f}" for f in forms[:2]]
    return keys + list(forms)


def _explosive_vehicle(token: Token, lex: Lexicon) -> bool:
    """'explosives-packed vehicles', 'car laden with explosives', 'a bomb-rigged truck'."""
    if token.lemma_.lower() not in lex.explosive_carriers:
        return False
    words = {t.lower_ for c in token.children if c.dep_ in ("amod", "compound", "acl", "prep")
             for t in c.subtree}
    words |= {p for w in words for p in w.split("-")}
    return bool(words & lex.explosive_modifiers)


@lru_cache(maxsize=65536)
def _may_trigger(word: str) -> bool:
    """Whether a token with this form or lemma could be a trigger (any base form in the lexicon)."""
    lex = lexicon()
    return not lex.key_words.isdisjoint(_forms(word, word)) or word in lex.explosive_carriers


def _weapon_strike(token: Token, forms: tuple[str, ...], lex: Lexicon) -> str | None:
    """The kind of a 'strike'/'hit' verb done by an aircraft (air) or a projectile (shell):
    "Turkish drones struck Kobani", "the convoy was hit by a missile"; None otherwise."""
    if lex.weapon_verbs.isdisjoint(forms) or not _pos_ok(token, "verb"):
        return None
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    doers += [o for c in token.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    for doer in doers:
        word = doer.lower_
        if word in lex.air_words:
            return "air"
        if word in lex.projectile_words:
            return "shell"
    return None


def find_triggers(sent: Span) -> list[Trigger]:
    """Every lexicon trigger of a sentence (realis or not; see `realis`)."""
    lex = lexicon()
    found = []
    for token in tokens_within(sent, matching_positions(sent.doc, "triggers", _may_trigger)):
        forms = base_forms(token)
        if lex.key_words.isdisjoint(forms) and token.lemma_.lower() not in lex.explosive_carriers:
            continue
        if token.is_punct or token.is_space:
            continue
        if token.dep_ == "compound" and token.head.lemma_.lower() in lex.modified_not_events:
            continue  # "riot police", "bomb squad"
        if _explosive_vehicle(token, lex):
            # worn, or driven into its target, it is a suicide attack; left to blow up, a bomb (the
            # words "suicide" or "self-detonated" still make it one: see event_types.classify)
            worn = token.lemma_.lower() in WORN
            kind = "suicide" if worn or token.head.lemma_.lower() in DRIVEN_INTO else "ied"
            found.append(Trigger(token, "explosive vehicle", kind, 0.8))
            continue
        struck_by = _weapon_strike(token, forms, lex)
        if struck_by is not None:
            found.append(Trigger(token, "weapon strike", struck_by, 0.8))
            continue
        for key in _keys(token, forms):
            entry = lex.entries.get(key)
            if entry and entry.get("intransitive") and any(c.dep_ == "dobj" for c in token.children):
                continue
            if entry and _pos_ok(token, entry["pos"]):
                found.append(Trigger(token, key, entry["kind"], float(entry["strength"]),
                                     bool(entry.get("participant"))))
                break
    return found


def trigger_kind(token: Token) -> str | None:
    """The lexicon kind a word is a trigger of (territory, siege, transfer, fight...), if any."""
    entries = lexicon().entries
    for key in _keys(token, base_forms(token)):
        entry = entries.get(key)
        if entry and _pos_ok(token, entry["pos"]):
            return entry["kind"]
    return None
