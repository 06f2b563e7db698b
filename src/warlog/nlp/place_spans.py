"""Finding toponym spans: gazetteer runs of proper nouns, demonyms, and what surrounds a name.

A gazetteer-only match must be proper nouns, not a month or a number, not a demonym, not a
common word or a surname of the article (place_cues.py), and big enough (a division, or a town of
`MIN_POPULATION`; more inside a person's name). An entity the gazetteer does not know is cut
to its longest known part ("Titus County" of "Titus County Sheriff's Office", "Texas" of
"North Texas"); upper-case datelines ("BEIRUT:") count. The words around a name say what
kind of place it is ("Anbar province", "the town of X", "Clarke and Oconee counties");
which other name contains it ("Raqqa, Syria") is place_lists.py's `container`.
The rules read a `TokenTable`, not Tokens.
"""
from __future__ import annotations

from spacy.tokens import Span

from warlog.nlp.place_cues import (
    COMMON_WORDS,
    COMPASS,
    KIND_WORDS,
    REGION_KINDS,
    is_surname,
    names_a_body,
    party_home,
)
from warlog.nlp.place_tokens import TokenTable
from warlog.resolve.date_words import WEEKDAYS
from warlog.resolve.gazetteer import get_gazetteer
from warlog.resolve.gazetteer_names import WORDS, loose_key, name_key

MAX_TOKENS = 5
MIN_POPULATION = 5000  # gazetteer-only city matches of several words
MIN_POPULATION_ONE_WORD = 10_000  # ... of one word, known by its own name
MIN_POPULATION_IN_PERSON = 100_000  # ... inside a PERSON entity ("Misrata hospital spokesman")
BLOCKING = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LANGUAGE"})
_FACILITY: dict[str, list[list[str]]] = {}  # facility words ("air base"), by their first word
for _words in (name_key(w).split() for w in WORDS["facility_words"]):
    _FACILITY.setdefault(_words[0], []).append(_words)
_LEADING = {"the", "The"}
_SUFFIXES = frozenset(WORDS["admin_suffixes"])
NAME_ELEMENTS = frozenset(WORDS["name_elements"])
_STREET_WORDS = frozenset(WORDS["street_words"])
_PLACE_PREFIXES = frozenset(WORDS["place_prefixes"])
# words before a name that do not make it the tail of a longer one ("Metro Vancouver", "Sunday Alexandria")
_AREA_QUALIFIERS = frozenset({"metro", "metropolitan", "historic", "downtown", "uptown", "suburban", "inner",
                              "outer"}) | frozenset(WEEKDAYS)


def _plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") else word + "es" if word.endswith(("sh", "ch", "s")) else word + "s"


_PLURAL_KINDS = {_plural(w): kind for kind, vocab in KIND_WORDS.items() for w in vocab}
_LIST_WORDS = {",", "and", "or", "&"}


def list_feature(tt: TokenTable, end: int) -> str | None:
    """Kind named by a plural closing a list of names: "Clarke, Oconee and Walton counties"."""
    if end >= tt.n:
        return None
    sent_end = tt.sent_end[end - 1] if end else tt.n
    for k in range(end, min(sent_end, end + 12)):
        if tt.lower[k] in _PLURAL_KINDS:
            return _PLURAL_KINDS[tt.lower[k]]
        if not (tt.text[k] in _LIST_WORDS or tt.name_word(k)):
            return None
    return None


def feature(tt: TokenTable, start: int, end: int) -> str | None:
    """Kind named around a toponym: the words right after it ("... province", "... air base"),
    the plural closing a list it is part of ("Clarke and Oconee counties"), the words before
    it ("the town of X", a street address), or a facility name it opens."""
    found = _after_feature(tt, end) or _before_feature(tt, start)
    if found is None and end < tt.n and tt.ent[end] == "FAC" and tt.ent_inside[end]:
        return "facility"  # the first words of a facility's name
    return found


def _after_feature(tt: TokenTable, end: int) -> str | None:
    listed = list_feature(tt, end)
    words = [tt.lower[k] for k in range(end, min(tt.n, end + 2)) if tt.alpha[k]]
    if listed or not words or tt.punct[end]:
        return listed
    for kind, vocab in KIND_WORDS.items():
        if words[0] in vocab:
            return kind
    if any(words[:len(f)] == f for f in _FACILITY.get(words[0], ())):
        return "facility"
    return None


def _before_feature(tt: TokenTable, start: int) -> str | None:
    if start >= 2 and tt.lower[start - 1] == "of":
        for kind, vocab in KIND_WORDS.items():
            if tt.lower[start - 2] in vocab:
                return kind
    return "city" if _closes_address(tt, start) else None


def _closes_address(tt: TokenTable, start: int) -> bool:
    """A name closing a street address is its town: "400 S. Locust St., Lebanon"."""
    k = start - 1
    if k < 2 or tt.text[k] != ",":
        return False
    k -= 1 + (tt.text[k - 1] == ".")
    if k < 1 or tt.lower[k].rstrip(".") not in _STREET_WORDS:
        return False
    return any(tt.text[j][:1].isdigit() for j in range(max(0, k - 5), k))  # the house number


def only_feature_words(span: Span) -> bool:
    return all(any(t.lower_ in vocab for vocab in KIND_WORDS.values()) for t in span)


def trim(tt: TokenTable, span: Span, gaz) -> Span:
    """Drop a leading "the", trailing punctuation and possessive, and an opening compass word
    ("North Texas" -> "Texas") when only the rest is in the gazetteer. An abbreviation keeps
    its final period ("W.Va.")."""
    start, end = span.start, span.end
    while start < end and (tt.text[start] in _LEADING or tt.punct[start]):
        start += 1
    while end > start and (tt.possessive[end - 1] or tt.punct[end - 1]):
        if tt.text[end - 1] == "." and end - 2 >= start and "." in tt.text[end - 2]:
            break
        end -= 1
    if end - start > 1 and not gaz.lookup(tt.span_text(start, end)) and tt.lower[start] not in NAME_ELEMENTS:
        return _known_part(tt.doc[start:end], gaz)
    return tt.doc[start:end]


def _known_part(span: Span, gaz) -> Span:
    """The longest (then leftmost) part of an entity that the gazetteer knows: "Titus County"
    in "Titus County Sheriff's Office", "Illinois" in "the State of Illinois"; else the whole."""
    for size in range(len(span) - 1, 0, -1):
        for start in range(span.start, span.end - size + 1):
            part = span.doc[start:start + size]
            if part[0].is_alpha and part[0].text[:1].isupper() and part[-1].is_alpha \
                    and part[0].lower_ not in NAME_ELEMENTS and len(part.text) > 3 \
                    and not all(t.lower_ in COMMON_WORDS or t.is_stop for t in part) \
                    and not only_feature_words(part) and gaz.lookup(part.text):
                return part
    return span


def gazetteer_spans(tt: TokenTable, taken: set[int], gaz, names: set[str]) -> list[Span]:
    """Longest runs of proper nouns that name a big enough gazetteer place."""
    doc, n = tt.doc, tt.n
    found, i = [], 0
    while i < n:
        if i not in taken and _is_dateline(tt, i) and gaz.lookup(tt.text[i].title()):
            found.append(doc[i:i + 1])  # "BEIRUT: ..." opening a story
            i += 1
            continue
        if i in taken or not tt.propn[i] or not tt.cap[i] or tt.ent[i] in BLOCKING:
            i += 1
            continue
        run = i + 1  # the proper nouns that may follow
        while run < min(n, i + MAX_TOKENS) and tt.propn[run] and run not in taken and tt.ent[run] not in BLOCKING:
            run += 1
        if i > 0 and tt.propn[i - 1] and tt.cap[i - 1] and tt.lower[i - 1] not in COMPASS \
                and tt.ent[i - 1] not in BLOCKING and tt.lower[i - 1] not in KIND_WORDS["city"] \
                and tt.lower[i - 1] not in _AREA_QUALIFIERS:
            i += 1
            continue  # the tail of a longer name: "Main Street"; not "Western Pennsylvania", "Sunday Alexandria",
            # "SOS Children's Village Malakal", "Metro Vancouver"
        for j in range(run, i, -1):
            if j == i + 1 and tt.lower[i] in COMPASS:
                continue  # "North" of "North Main Street": a word of a longer name, as in the NER rule
            text = tt.span_text(i, j)
            candidates = gaz.lookup(text)
            if not candidates or gaz.demonym_country(text):
                continue
            span = doc[i:j]
            if not (_big_enough(span, tt, candidates) or any(p.kind == list_feature(tt, j) for p in candidates)
                    or names_a_body(tt, i, j, candidates) or party_home(tt, i, j, candidates)):
                continue
            if j < n and tt.lower[j] == "of" and tt.lower[j - 1] in _SUFFIXES and j - i > 1:
                continue  # "Texas Department of ...": an agency; "Texas" alone is tried next
            if is_surname(text, j - i, names, candidates):
                continue
            found.append(span)
            i = j - 1
            break
        i += 1
    return found


def _is_dateline(tt: TokenTable, i: int) -> bool:
    """An upper-case word opening a sentence and followed by a colon, comma or dash."""
    return tt.upper[i] and tt.alpha[i] and len(tt.text[i]) > 2 and tt.sent_start[i] \
        and i + 1 < tt.n and tt.text[i + 1] in (":", ",", "-", "--", "\u2014")


def _big_enough(span: Span, tt: TokenTable, candidates) -> bool:
    if _named_division(span, tt, candidates):
        return True
    if _first_name(span, tt) and not any(p.kind == "country" for p in candidates):
        return False  # "Mary" of "Mary Wheeler", though a province of Turkmenistan
    if _capitalised_common_word(span, tt) and not any(p.kind in ("country", "continent") for p in candidates):
        key = loose_key(name_key(span.text))  # a division too must be big, and by its own name
        return any(p.population >= MIN_POPULATION_IN_PERSON and loose_key(name_key(p.name)) == key
                   for p in candidates)
    if any(p.kind in REGION_KINDS for p in candidates):
        return True
    text = span.text
    if text.endswith("."):  # "Gen.", "Col.": titles, not places
        return False
    if len(span) > 1 and tt.lower[span.start] in _PLACE_PREFIXES:  # "Beit Lahia", tagged as a person or not
        gaz = get_gazetteer()
        return any(p.population >= MIN_POPULATION and gaz.spelled(text, p) for p in candidates)
    person = any(tt.ent[k] == "PERSON" for k in range(span.start, span.end))
    if person and span.end < tt.n and tt.ent[span.end] == "PERSON" and tt.ent_inside[span.end]:
        return False  # a first name: "George" in "George Walker"
    if person or (tt.sent_start[span.start] and len(span) == 1):
        key = loose_key(name_key(text))  # and by its own name, not an alternate one
        return any(p.population >= MIN_POPULATION_IN_PERSON and loose_key(name_key(p.name)) == key
                   for p in candidates)
    if len(span) > 1:
        return any(p.population >= MIN_POPULATION for p in candidates)
    if tt.lower[span.start] in COMMON_WORDS:
        return False
    exact, loose = name_key(text), loose_key(name_key(text))  # a loose match must be a big place
    return any(p.population >= MIN_POPULATION_ONE_WORD and name_key(p.name) == exact
               or p.population >= MIN_POPULATION_IN_PERSON and loose_key(name_key(p.name)) == loose
               for p in candidates)


def _named_division(span: Span, tt: TokenTable, candidates) -> bool:
    """A name that calls itself a division and is one by that very name ("Tucker County" of
    "the Tucker County Commission", an ORG), however few its towns the gazetteer counts."""
    if len(span) < 2 or tt.lower[span.end - 1] not in KIND_WORDS["admin2"]:
        return False
    key = name_key(span.text)
    return any(p.kind == "admin2" and name_key(p.name) == key for p in candidates)


def _capitalised_common_word(span: Span, tt: TokenTable) -> bool:
    """A common word capitalised only because it opens a sentence ("Man booked for assault")."""
    return len(span) == 1 and tt.sent_start[span.start] and tt.lower[span.start] in COMMON_WORDS


def _first_name(span: Span, tt: TokenTable) -> bool:
    """One word opening a two-word person's name: "Paul" of "Paul Nelson"."""
    k = span.start
    return len(span) == 1 and tt.ent[k] == "PERSON" and not tt.ent_inside[k] and k + 1 < tt.n \
        and tt.ent[k + 1] == "PERSON" and tt.ent_inside[k + 1] and tt.name_word(k + 1) \
        and not (k + 2 < tt.n and tt.ent[k + 2] == "PERSON" and tt.ent_inside[k + 2])


def names_a_region(candidates) -> bool:
    """True when a word is mainly a place name: a country, a division or a city of 100,000."""
    return any(p.kind in REGION_KINDS or p.population >= MIN_POPULATION_IN_PERSON for p in candidates)


def demonym_spans(tt: TokenTable, gaz) -> list[Span]:
    """Capitalised demonyms of one or two words ("Syrian", "Sri Lankan"), wherever they stand,
    also inside an organisation's name ("American Electric Power"), unless they name a place
    or open a place's name ("British Columbia")."""
    found, i, n = [], 0, tt.n
    while i < n:
        if not tt.name_word(i) or not _may_open_demonym(tt, i, gaz.demonym_words):
            i += 1
            continue
        for j in (i + 2, i + 1):
            if j > n or (j == i + 2 and not tt.alpha[i + 1]):
                continue
            text = tt.span_text(i, j)
            if gaz.demonym_country(text) and not names_a_region(gaz.lookup(text)) and not _opens_place(tt, i, j, gaz):
                found.append(tt.doc[i:j])
                i = j - 1
                break
        i += 1
    return found


def _opens_place(tt: TokenTable, i: int, j: int, gaz) -> bool:
    """True when the demonym at [i, j) opens a longer place name ("British Columbia", "Indian Ocean")."""
    for end in range(j + 1, min(tt.n, j + 2) + 1):
        if not tt.name_word(end - 1):
            return False
        if any(p.kind != "city" or p.population >= MIN_POPULATION for p in gaz.lookup(tt.span_text(i, end))):
            return True
    return False


def _may_open_demonym(tt: TokenTable, i: int, first_words: frozenset[str]) -> bool:
    """False when token i cannot open a demonym: its key's first word (or that word less a
    plural "s") starts none. A word joined to the next without a space is always tried."""
    if i + 1 < tt.n and tt.end_char[i] == tt.start_char[i + 1]:
        return True
    first = name_key(tt.text[i]).split(" ", 1)[0]
    return first in first_words or first[:-1] in first_words
