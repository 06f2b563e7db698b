"""What the words around a one-word or short name say of it, for the place-finding rules.

A person's surname, used as one ("Tom Fulton ... Fulton said"), is not a place; a town opening the
name of one of its bodies or people ("Alexandria Police", "a Crafton man") or closing a legislator's
party letter ("D-Braxton") is one, of any size. The rules read a `TokenTable`.
"""
from __future__ import annotations

from warlog.nlp.place_tokens import TokenTable
from warlog.resolve.gazetteer_names import WORDS, loose_key, name_key

KIND_WORDS = {kind: {name_key(w) for w in WORDS[f"{kind}_words"]} for kind in ("admin1", "admin2", "city", "country")}
COMPASS = frozenset(WORDS["compass_words"])
COMMON_WORDS = frozenset(WORDS["common_words"]) | COMPASS
REGION_KINDS = ("country", "admin1", "continent")  # names that are never a surname nor a town
_PLACE_QUALIFIERS = frozenset(WORDS["place_qualifiers"]) | COMPASS
_BODY_WORDS = frozenset(WORDS["body_words"])
_RESIDENT_WORDS = frozenset(WORDS["resident_words"])
_BODY_NAME_WORDS = frozenset(WORDS["body_name_words"])
_COMPASS_LETTERS = frozenset({"n", "s", "e", "w", "ne", "nw", "se", "sw"})


def surnames(tt: TokenTable) -> set[str]:
    """Last words of the article's multi-word person names: "Ripley" after "Tom Ripley".

    Only a name that reads as a person's: proper nouns, none of them a word that qualifies or
    names a place ("Historic Dublin", "Village Malakal", "N.W. Rochester"), so that a
    mis-tagged place does not make its name a surname all through the article."""
    return {tt.text[ent.end - 1] for ent in tt.ents if ent.label_ == "PERSON" and 1 < ent.end - ent.start <= 3
            and all(tt.alpha[k] or tt.text[k].endswith(".") for k in range(ent.start, ent.end))
            and all(_given_name_word(tt, k) for k in range(ent.start, ent.end - 1))}


def _given_name_word(tt: TokenTable, k: int) -> bool:
    """A word that may come before a surname: a proper noun ("Tom", "J.") that is no place word."""
    word = tt.lower[k].rstrip(".")
    return tt.propn[k] and word not in _PLACE_QUALIFIERS and not any(word in vocab for vocab in KIND_WORDS.values()) \
        and not ("." in word and word.replace(".", "") in _COMPASS_LETTERS)


def is_surname(text: str, n_tokens: int, names: set[str], candidates) -> bool:
    """A one-word name that is also a person's surname in the article, and no country or region."""
    return n_tokens == 1 and text in names and not any(p.kind in REGION_KINDS for p in candidates)


def names_a_body(tt: TokenTable, start: int, end: int, candidates) -> bool:
    """A place of any size by its own name, opening the name of one of its bodies ("Alexandria
    Police", "Kanawha Circuit Court", "the Pirbright laboratory") or of one of its people
    ("a Charleston man"): the town, however the model tagged it."""
    if end >= tt.n or not (tt.lower[end] in _BODY_WORDS or tt.lower[end] in _RESIDENT_WORDS and start > 0
                           and tt.lower[start - 1] in ("a", "an")):
        return False
    if any(tt.lower[k] in _BODY_NAME_WORDS or tt.lower[k] in COMMON_WORDS for k in range(start, end)):
        return False  # "the School Board", "Supreme Court": a word of the body's name
    return _named(tt, start, end, candidates, ("admin2",))


def party_home(tt: TokenTable, start: int, end: int, candidates) -> bool:
    """A legislator's home after the party letter ("Sen. Brent Boggs, D-Braxton,", "(R-Elbow
    Lake)"): a place of any size by its own name, or a division."""
    if start < 2 or tt.text[start - 1] != "-" or tt.text[start - 2] not in ("D", "R", "I") \
            or (end < tt.n and tt.text[end] not in (",", ")", ";", ".")):
        return False
    return _named(tt, start, end, candidates, ("admin1", "admin2"))


def _named(tt: TokenTable, start: int, end: int, candidates, divisions: tuple[str, ...]) -> bool:
    """Whether the words name a candidate by its own name (loosely), or name a division of `divisions`."""
    key = loose_key(name_key(tt.span_text(start, end)))
    return any(p.kind in divisions or loose_key(name_key(p.name)) == key for p in candidates)
