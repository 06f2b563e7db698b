"""Toponyms found once the article's own places are known (the second pass of warlog_places).

- Small towns in the divisions the article is about ("Lanexa" among Virginia places).
- Towns in a slot only a place can fill ("seized Lyman", "an oilfield in Thawra"), in a
  country the article is about.
- Other occurrences of a name already resolved ("Dublin" again in "Dublin City Council"):
  one sense per story.
Each rule reads a `TokenTable` and skips the tokens already `taken` by a toponym.
"""
from __future__ import annotations

from spacy.tokens import Span

from warlog.nlp.place_spans import (
    BLOCKING,
    COMMON_WORDS,
    MAX_TOKENS,
    MIN_POPULATION,
    is_surname,
)
from warlog.nlp.place_tokens import TokenTable
from warlog.nlp.triggers import trigger_kind
from warlog.resolve.gazetteer_names import WORDS, name_key
from warlog.resolve.place_fit import own_name
from warlog.resolve.places import Mention

_STREET_WORDS = frozenset(WORDS["street_words"])
_PLACE_PREPS = {"in", "at", "near", "outside", "around", "inside"}
_SETTLEMENT_WORDS = {"town", "city", "village", "district", "province", "region", "oasis", "port", "hamlet"}  # "Suq Al-Hout" is not "Al-Hout" elsewhere
# "east of X", "20 km from X", "the road to X", "fled towards X": where a place is measured
# from or gone to
_COMPASS_OF = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
               "outskirts", "edge", "centre", "center", "heart", "gates"}
_WAY_TO = {"road", "highway", "route", "way", "kilometre", "kilometer", "km", "mile", "flee", "withdraw",
           "retreat", "advance", "move", "head", "march", "push", "travel", "drive", "convoy", "corridor"}
_LOCAL_KINDS = ("city", "admin2")
_SLOT_DEPS = ("pobj", "appos", "compound", "dobj", "nsubjpass")  # the only ones _in_place_slot accepts


def home_divisions(mentions: list[Mention]) -> set[tuple[str, str]]:
    """First-level divisions the article is about: those of half or more of its resolved places."""
    counts: dict[tuple[str, str], int] = {}
    for m in mentions:
        place = m.choice
        if place is not None and place.kind != "country" and place.admin1:
            counts[(place.country_code, place.admin1)] = counts.get((place.country_code, place.admin1), 0) + 1
    top = max(counts.values(), default=0)
    return {k for k, n in counts.items() if n >= max(2, top / 2)}


def settled(span: Span, candidates: list) -> Mention:
    """A mention found once the article's context is known, read as its most populous candidate."""
    mention = Mention(span.start_char, span.end_char, span.text, candidates, weight=1.0)
    mention.choice = max(candidates, key=lambda p: p.population)
    return mention


def local_places(tt: TokenTable, taken: set[int], gaz, names: set[str],
                 mentions: list[Mention]) -> list[tuple[Span, Mention]]:
    """Small places the first pass left out, found once the article's home divisions are known.

    A run of capitalised words that names a town of any size in a division the article
    mostly talks about ("Lanexa" in a story full of Virginia places) is taken as that town.
    """
    home = home_divisions(mentions)
    found, i, n = [], 0, tt.n
    while home and i < n:
        if i in taken or not tt.name_word(i) or tt.upper[i] or tt.lower[i] in COMMON_WORDS or tt.stop[i] \
                or tt.ent[i] in BLOCKING or (i > 0 and tt.name_word(i - 1) and not tt.sent_start[i - 1]):
            i += 1
            continue
        for j in range(min(n, i + 3), i, -1):
            if any(k in taken or not tt.name_word(k) for k in range(i, j)) or (j < n and tt.name_word(j)):
                continue
            text = tt.span_text(i, j)
            if is_surname(text, j - i, names, ()):
                continue
            key = name_key(text)
            local = [p for p in gaz.lookup(text) if p.kind in _LOCAL_KINDS
                     and (p.country_code, p.admin1) in home and name_key(p.name) == key]
            if local:
                found.append((tt.doc[i:j], settled(tt.doc[i:j], local)))
                i = j - 1
                break
        i += 1
    return found


def _in_place_slot(tok) -> bool:
    """Where only a place can stand: "in X", "the town of X", "the town X", "seized X", "east of
    X", "the road to X"."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in _PLACE_PREPS:
        return True
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _SETTLEMENT_WORDS | _COMPASS_OF:
        return True
    if tok.dep_ == "pobj" and (head.lower_ in ("towards", "toward") or head.lower_ in ("from", "to")
                               and head.head.lemma_.lower() in _WAY_TO):
        return True
    if tok.dep_ in ("appos", "compound") and head.lemma_.lower() in _SETTLEMENT_WORDS and head.i < tok.i:
        return True
    return tok.dep_ in ("dobj", "nsubjpass") and trigger_kind(head) in ("territory", "siege")


def slot_places(tt: TokenTable, taken: set[int], gaz, names: set[str],
                countries: list[str]) -> list[tuple[Span, Mention]]:
    """Towns the model took for something else ("seized Lyman", "an oilfield in Thawra") where
    only a place can stand, known to the gazetteer in a country the article is about."""
    doc, found = tt.doc, []
    deps = {doc.vocab.strings[label] for label in _SLOT_DEPS}
    for i in range(tt.n):
        if tt.dep[i] not in deps or i in taken or not tt.propn[i] or not tt.cap[i] or tt.upper[i] \
                or tt.ent[i] in BLOCKING or tt.lower[i] in COMMON_WORDS:
            continue
        tok = doc[i]
        words = [k for k in range(tok.left_edge.i, i + 1) if tt.propn[k] and k not in taken]
        if not words or words[-1] != i or any(words[k + 1] != words[k] + 1 for k in range(len(words) - 1)):
            continue
        text = tt.span_text(words[0], i + 1)
        if len(words) > 3 or is_surname(text, len(words), names, ()) or gaz.demonym_country(text):
            continue
        local = [p for p in gaz.lookup(text) if p.kind in _LOCAL_KINDS and p.country_code in countries]
        if local and _in_place_slot(tok):  # the parse last: it costs most
            span = doc[words[0]:i + 1]
            found.append((span, settled(span, local)))
    return found


def repeated_names(tt: TokenTable, taken: set[int], gaz, spans: list[Span],
                   mentions: list[Mention]) -> list[tuple[Span, Mention]]:
    """Other occurrences of a name the article already uses for a place, wherever they stand
    ("Dublin" again in "Dublin City Council", "MANSFIELD" in a dateline): one sense per story.

    Not inside a person's name or before a street word ("Woodfield Road"), not where a
    neighbouring capitalised word makes a longer known name ("New Concord" when "Concord" was
    found), and not a small town the name only matched by a variant spelling.
    """
    doc, n = tt.doc, tt.n
    people = {tt.lower[k] for ent in tt.ents if ent.label_ == "PERSON" for k in range(ent.start, ent.end)}
    known: dict[tuple[str, ...], Mention] = {}
    for span, m in zip(spans, mentions):
        words = tuple(tt.lower[k] for k in range(span.start, span.end))
        if m.choice is not None and len(span) <= MAX_TOKENS and tt.cap[span.start] \
                and (m.choice.kind != "city" or m.choice.population >= MIN_POPULATION
                     or own_name(m, m.choice)) \
                and not (len(words) == 1 and (words[0] in people or words[0] in COMMON_WORDS)):
            known.setdefault(words, m)
    by_first: dict[str, list[tuple[tuple[str, ...], Mention]]] = {}
    for words, m in sorted(known.items(), key=lambda item: -len(item[0])):  # longest first
        by_first.setdefault(words[0], []).append((words, m))
    found, i = [], 0
    while by_first and i < n:
        for words, m in by_first.get(tt.lower[i], ()):
            j = i + len(words)
            if j > n or any(tt.lower[k] != w or k in taken or tt.ent[k] == "PERSON" or not tt.cap[k]
                            for k, w in zip(range(i, j), words)):
                continue
            if j < n and tt.lower[j] in _STREET_WORDS:
                continue  # "Woodfield Road" names a street, not the town
            text = tt.span_text(i, j)
            if (i > 0 and _joins(tt, i - 1, text, gaz, before=True)) or \
                    (j < n and _joins(tt, j, text, gaz, before=False)):
                continue
            span = doc[i:j]
            copy = Mention(span.start_char, span.end_char, text, m.candidates, weight=1.0)
            copy.choice = m.choice
            found.append((span, copy))
            i = j - 1
            break
        i += 1
    return found


def _joins(tt: TokenTable, k: int, name: str, gaz, before: bool) -> bool:
    """True when a capitalised neighbour and `name` together are a known place ("New" + "Concord")."""
    if not tt.name_word(k):
        return False
    return bool(gaz.lookup(f"{tt.text[k]} {name}" if before else f"{name} {tt.text[k]}"))


def taken_tokens(*spans: Span) -> set[int]:
    """Indices of the tokens the spans cover."""
    return {k for s in spans for k in range(s.start, s.end)}

