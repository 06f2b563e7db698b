"""The words of casualty counts (data/tolls.yaml) and the casualty kind a word signals.

`kind_of(token)` tells what a predicate word says happened to people ("wounded" -> injured,
"stoned ... to death" -> killed). Most words are read from their strings alone (cached);
the few whose reading depends on the parse ("shot dead", "took hostage", "lost their lives")
look at their children. `DocWords` indexes a parsed Doc once, so the components that scan
every token for casualty words ("a councillor was murdered") visit only the few that are.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import numpy
import yaml
from spacy.attrs import LEMMA, LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from warlog.nlp.doc_index import sentences

_WORDS = yaml.safe_load(resources.files("warlog.data").joinpath("tolls.yaml").read_text("utf-8"))
KIND_OF = {w: kind for kind, words in _WORDS["kinds"].items() for w in words.split()}
COUNT_NOUNS = frozenset(_WORDS["count_nouns"].split())
TOLL_NOUNS = frozenset(_WORDS["toll_nouns"].split())
SIDE_OF = {w: side for side, words in _WORDS["sides"].items() for w in words.split()}
STATE_MODS = set(_WORDS["state_modifiers"].split())
NON_STATE_MODS = set(_WORDS["non_state_modifiers"].split())
CIVILIAN_MODS = set(_WORDS["civilian_modifiers"].split())
BODY_PARTS = set(_WORDS["body_parts"].split())
FATALLY = {"fatally", "mortally", "lethally"}
# lemmas whose casualty reading depends on their parse: "shot dead", "took hostage", "lost lives", "gunned down"
_STRINGS = StringStore()  # word -> id, as every spaCy vocabulary maps it
PARSE_DEPENDENT = frozenset({"shoot", "take", "hold", "lose", "gun", "mow"})


@lru_cache(maxsize=32768)
def word_kind(lower: str, lemma: str) -> str | None:
    """The kind a word signals from its form and lemma alone; a PARSE_DEPENDENT lemma stands
    for itself (its kind needs the parse)."""
    if lemma in PARSE_DEPENDENT:
        return lemma
    kind = KIND_OF.get(lower) or KIND_OF.get(lemma)
    for suffix in ("ped", "ed", "d"):  # adjectives the lemmatizer leaves alone: "kidnapped"
        if kind is None and lower.endswith(suffix):
            kind = KIND_OF.get(lower[: -len(suffix)])
    return kind


class DocWords:
    """Per-Doc index: the tokens told "to death", the tokens with a casualty kind, and where
    given words are (looked up on the Doc's hash arrays, without a Token per word)."""

    KEY = "warlog_toll_words"  # doc.user_data, beside the other per-document indexes (doc_index)

    def __init__(self, doc: Doc):
        self.doc = doc
        self._toll_nouns: set[int] | None = None
        arr = doc.to_array([LOWER, LEMMA]) if len(doc) else numpy.zeros((0, 2), dtype="uint64")
        self.lower_hashes, self.lemma_hashes = arr[:, 0], arr[:, 1]
        self.to_death: set[int] = set()  # heads of "to death": "stoned three men to death"
        for i in self.lower_positions(frozenset({"death"})):
            to = doc[i].head
            if to.i != i and to.lower_ == "to" and to.dep_ == "prep" and to.head.i != to.i:
                self.to_death.add(to.head.i)
        maybe = _member(self.lower_hashes, _hashes(KIND_FORMS)) | _member(self.lemma_hashes, _lemma_hashes(KIND_LEMMAS))
        self.kinds: dict[int, str] = {}  # token index -> casualty kind, for every token that has one
        for i in sorted(set(numpy.flatnonzero(maybe).tolist()) | self.to_death):
            token = doc[i]
            kind = _kind(token, word_kind(token.lower_, token.lemma_.lower()), i in self.to_death)
            if kind is not None:
                self.kinds[i] = kind

    def lower_positions(self, words: frozenset[str]) -> list[int]:
        """Indices of the tokens whose lower-cased form is one of `words`."""
        return numpy.flatnonzero(_member(self.lower_hashes, _hashes(words))).tolist()

    def lemma_positions(self, lemmas: frozenset[str]) -> list[int]:
        """Indices of the tokens whose lower-cased lemma is one of `lemmas`."""
        return numpy.flatnonzero(_member(self.lemma_hashes, _lemma_hashes(lemmas))).tolist()

    def toll_nouns(self) -> set[int]:
        """Indices of the toll nouns ("the death toll", "the tally"), found once."""
        if self._toll_nouns is None:
            self._toll_nouns = set(self.lemma_positions(TOLL_NOUNS))
        return self._toll_nouns

    def sentence_starts(self) -> list[int]:
        """The index of each sentence's first token."""
        return [s.start for s in sentences(self.doc)]

    @classmethod
    def of(cls, doc: Doc) -> DocWords:
        """The index of `doc`, built once per document."""
        words = doc.user_data.get(cls.KEY)
        if words is None:
            words = doc.user_data[cls.KEY] = cls(doc)
        return words


# the forms and lemmas word_kind reads a kind from (with the suffixes it strips)
KIND_FORMS = frozenset(KIND_OF) | {w + suffix for w in KIND_OF for suffix in ("ped", "ed", "d")}
KIND_LEMMAS = frozenset(KIND_OF) | PARSE_DEPENDENT


def _member(values: numpy.ndarray, sorted_hashes: numpy.ndarray) -> numpy.ndarray:
    """Which of `values` are in `sorted_hashes` (a binary search: cheaper than numpy.isin here)."""
    if not len(sorted_hashes):
        return numpy.zeros(len(values), dtype=bool)
    at = numpy.minimum(numpy.searchsorted(sorted_hashes, values), len(sorted_hashes) - 1)
    return sorted_hashes[at] == values


@lru_cache(maxsize=64)
def _hashes(words: frozenset[str]) -> numpy.ndarray:
    """The ids spaCy's arrays hold for `words` (a hash, or a symbol's id: "number" is 432)."""
    return numpy.array(sorted(_STRINGS[w] for w in words), dtype="uint64")


@lru_cache(maxsize=64)
def _lemma_hashes(lemmas: frozenset[str]) -> numpy.ndarray:
    """Hashes of the lemmas as the lemmatizer may write them (proper nouns keep their case)."""
    return _hashes(frozenset(v for w in lemmas for v in (w, w.capitalize(), w.upper())))


def kind_of(token: Token) -> str | None:
    """The casualty kind a predicate word signals ("wounded" -> injured), or None."""
    return DocWords.of(token.doc).kinds.get(token.i)


def _kind(token: Token, word: str | None, to_death: bool) -> str | None:
    if word == "shoot":  # "shot dead", "shot and killed", "shot to death"
        dead = to_death or any(c.lower_ == "dead" or c.dep_ == "conj" and c.lemma_ == "kill" for c in token.children)
        return "killed" if dead else None
    if word in ("gun", "mow"):  # "gunned down", "mowed down"
        return "killed" if any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children) else None
    if word in ("take", "hold"):
        return "abducted" if any(c.lemma_.lower() in ("hostage", "captive") for c in token.children) else None
    if to_death:
        return "killed"  # "stoned three men to death", "beaten to death"
    if word == "lose":
        return _loss_kind(token)
    if word == "injured" and any(c.lower_ in FATALLY for c in token.children):
        return "killed"  # "fatally wounded", "mortally injured"
    return word


def _loss_kind(verb: Token) -> str | None:
    """'lost their lives', 'the army lost 12 soldiers' (killed); 'lost a leg' (injured);
    'lost control', 'lost ground' or a bare 'lost' (nothing)."""
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
        lemma = obj.lemma_.lower()
        if lemma in ("life", "lives") or is_person(obj) or obj.like_num:
            return "killed"
        if lemma in BODY_PARTS:
            return "injured"
    return None


def is_person(token: Token) -> bool:
    """A noun that names people ("soldiers", "villager", "Kurds", "the head of the council")."""
    return token.lemma_.lower() in SIDE_OF or token.lower_ in SIDE_OF or token.tag_ == "NNPS" \
        or token.ent_type_ == "NORP" and token.tag_ in ("NNS", "NNPS") \
        or token.lower_ in ("head", "heads") and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


FURTHER = {"another", "more", "further", "additional"}  # not "other": "killed 4 and wounded 12 others"
ALSO = {"also", "additionally"}
SPEECH = {"say", "tell", "claim", "report", "confirm", "add", "announce", "state", "note", "believe", "deny"}


def told_as_further(noun: Token | None, anchor: Token | None, pred: Token) -> bool:
    """Victims beyond those already counted: "another man was executed", "two more soldiers
    died", "the blast also killed two children" (not "the army also
    said 36 were killed": there the report, not the killing, is the further one)."""
    for t in (noun, anchor):
        if t is not None and (t.lower_ in FURTHER or any(c.lower_ in FURTHER and c.dep_ in (
                "det", "amod", "advmod", "nummod", "quantmod") and not _than(c) for c in t.children)):
            return True
    t = pred
    for _ in range(4):
        if t.lemma_ in SPEECH and t.pos_ in ("VERB", "AUX"):
            return False
        if any(c.dep_ == "advmod" and c.lower_ in ALSO for c in t.children):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _than(token: Token) -> bool:
    """'more than 200', 'other than the driver': a comparison, not further victims."""
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "than"
