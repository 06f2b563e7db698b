"""What an event word was aimed at: civilians, forces, people, or materiel (data/triggers.yaml
`targets`), and the phrase that names it."""
from __future__ import annotations

from spacy.tokens import Token

from warlog.nlp.toll_words import is_person
from warlog.nlp.triggers import lexicon

COLLECTIVES = {"group", "number", "dozen", "dozens", "couple", "pair", "handful", "score", "scores", "band"}


def target_class(token: Token | None) -> str | None:
    """What an event word was aimed at: civilian, military, person, materiel (or None)."""
    if token is None:
        return None
    lemma = token.lemma_.lower()
    said = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
    if token.pos_ == "PROPN" and said is not None:
        return target_class(said)  # a name the text says what it is of: "Al Buayrat, a small village"
    if token.ent_type_ == "PERSON" and not any(s.start <= token.i < s.end for s in token.doc.spans.get("places", [])):
        return "person"  # (not a town the model took for a person: "seized Lyman")
    for cls in ("materiel", "military", "civilian", "person"):
        if lemma in lexicon().targets[cls] or token.lower_ in lexicon().targets[cls]:
            return cls
    return None


def holds_people(token: Token | None) -> bool:
    """Whether a phrase headed by `token` names people ("two medical workers", "five soldiers")."""
    if token is None:
        return False
    token = _collective_head(token)
    return target_class(token) == "person" or is_person(token)


def target_of(token: Token) -> Token | None:
    """The head word of what an event word was aimed at: its object, passive subject, or
    'on/against/at X' ("an attack on a checkpoint", "a man was seized")."""
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    if token.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in token.children):
        return target_of(token.head)  # "the manager was reported to have been seized"
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "against", "at", "upon", "into"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):  # not "on Sunday"
                return obj
    if token.dep_ in ("acl", "relcl", "amod") and token.tag_ == "VBN":
        return token.head  # "a checkpoint attacked by gunmen", "three captured soldiers"
    return None


def _collective_head(token: Token) -> Token:
    """'a group of fans' -> fans: the people a collective noun counts."""
    if token.lemma_.lower() in COLLECTIVES:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
    return token


def storms_a_building(token: Token) -> bool:
    """Whether a word of taking ground tells a raid on a building: "gunmen stormed the hotel",
    "stormed the ministry": an attack, no ground taken (a town, base or post stormed is taken)."""
    if token.lemma_.lower() != "storm":
        return False
    aimed = target_of(token)
    return aimed is not None and (aimed.lemma_.lower() in lexicon().buildings or target_class(aimed) == "civilian")
