"""The `warlog_places` component: find toponyms, resolve each to a gazetteer place.

Toponyms come from the NER (GPE, LOC) and from a gazetteer matcher over runs of proper
nouns, since a small model misses many ("Manbij" as PRODUCT, "Misrata" as PERSON).
A gazetteer-only match must be proper nouns, not a month or a number, not a demonym, not a
common word or a surname of the article, and big enough (a division, or a town of
`MIN_POPULATION`; more inside a person's name). An entity the gazetteer does not know is cut
to its longest known part ("Titus County" of "Titus County Sheriff's Office", "Texas" of
"North Texas"); upper-case datelines ("BEIRUT:") count. Once the article's home divisions
are known, towns of any size in them are found too ("Clifton Forge" among Virginia places).
Demonyms and country adjectives ("Syrian", NORP) feed doc._.country_context and go to
doc.spans["demonyms"] (span._.place = the country), not to doc.spans["places"]. A place name
that only names a facility elsewhere keeps span._.place None in doc.spans["places"]; the
place it is named after is kept in doc.user_data[NAMED_AFTER_KEY] (for geoparsing, not events).
Once resolved, a name is found again wherever the story repeats it ("Dublin City Council"), and
names in a list closed by a plural division word are divisions ("Butler and Warren counties").
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from warlog.nlp import register_extensions
from warlog.resolve.gazetteer import get_gazetteer
from warlog.resolve.gazetteer_names import WORDS, loose_key, name_key
from warlog.nlp.actor_countries import actor_countries
from warlog.nlp.triggers import trigger_kind
from warlog.resolve.places import Mention, resolve

MAX_TOKENS = 5
MIN_POPULATION = 5000  # gazetteer-only city matches of several words
MIN_POPULATION_ONE_WORD = 10_000  # ... of one word, known by its own name
MIN_POPULATION_IN_PERSON = 100_000  # ... inside a PERSON entity ("Misrata hospital spokesman")
NAMED_AFTER_KEY = "warlog_places_named_after"  # {(start_char, end_char): Place} of facility names
LEAD_CHARS = 400  # headline and lead: mentions there weigh double
_NER_PLACE = {"GPE", "LOC"}
_BLOCKING = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LANGUAGE"}
_KIND_WORDS = {kind: {name_key(w) for w in WORDS[f"{kind}_words"]} for kind in ("admin1", "admin2", "city", "country")}
_FACILITY = [name_key(w).split() for w in WORDS["facility_words"]]
_LEADING = {"the", "The"}
_COMPASS = frozenset(WORDS["compass_words"])
_SUFFIXES = frozenset(WORDS["admin_suffixes"])
_COMMON_WORDS = frozenset(WORDS["common_words"]) | _COMPASS
_NAME_ELEMENTS = frozenset(WORDS["name_elements"])
_STREET_WORDS = frozenset(WORDS["street_words"])
_PLACE_PREPS = {"in", "at", "near", "outside", "around", "inside"}
_SETTLEMENT_WORDS = {"town", "city", "village", "district", "province", "region", "oasis", "port", "hamlet"}  # "Suq Al-Hout" is not "Al-Hout" elsewhere


def _plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") else word + "es" if word.endswith(("sh", "ch", "s")) else word + "s"


_PLURAL_KINDS = {_plural(w): kind for kind, vocab in _KIND_WORDS.items() for w in vocab}
_LIST_WORDS = {",", "and", "or", "&"}


def _list_feature(doc: Doc, end: int) -> str | None:
    """Kind named by a plural closing a list of names: "Clarke, Oconee and Walton counties"."""
    sent_end = doc[end - 1].sent.end if end else len(doc)
    for k in range(end, min(sent_end, end + 12)):
        tok = doc[k]
        if tok.lower_ in _PLURAL_KINDS:
            return _PLURAL_KINDS[tok.lower_]
        if not (tok.text in _LIST_WORDS or (tok.is_alpha and tok.text[:1].isupper())):
            return None
    return None


def _after_feature(doc: Doc, end: int) -> str | None:
    """Kind named by the words right after a toponym ("... province", "... air base"), or by
    the plural closing a list it is part of ("Clarke and Oconee counties")."""
    listed = _list_feature(doc, end) if end < len(doc) else None
    words = [t.lower_ for t in doc[end:end + 2] if t.is_alpha]
    if listed or not words or doc[end].is_punct:
        return listed
    for kind, vocab in _KIND_WORDS.items():
        if words[0] in vocab:
            return kind
    if any(words[:len(f)] == f for f in _FACILITY):
        return "facility"
    return None


def _before_feature(doc: Doc, start: int) -> str | None:
    """Kind named just before: "the town of X", "the province of X"."""
    if start >= 2 and doc[start - 1].lower_ == "of":
        for kind, vocab in _KIND_WORDS.items():
            if doc[start - 2].lower_ in vocab:
                return kind
    return None


def _only_feature_words(span: Span) -> bool:
    return all(any(t.lower_ in vocab for vocab in _KIND_WORDS.values()) for t in span)


def _trim(span: Span, gaz=None) -> Span:
    """Drop a leading "the", trailing punctuation and possessive, and an opening compass word
    ("North Texas" -> "Texas") when only the rest is in the gazetteer. An abbreviation keeps
    its final period ("W.Va.")."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].text in _LEADING or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        if doc[end - 1].text == "." and end - 2 >= start and "." in doc[end - 2].text:
            break
        end -= 1
    if gaz is not None and end - start > 1 and not gaz.lookup(doc[start:end].text) \
            and doc[start].lower_ not in _NAME_ELEMENTS:
        return _known_part(doc[start:end], gaz)
    return doc[start:end]


def _known_part(span: Span, gaz) -> Span:
    """The longest (then leftmost) part of an entity that the gazetteer knows: "Titus County"
    in "Titus County Sheriff's Office", "Illinois" in "the State of Illinois"; else the whole."""
    for size in range(len(span) - 1, 0, -1):
        for start in range(span.start, span.end - size + 1):
            part = span.doc[start:start + size]
            if part[0].is_alpha and part[0].text[:1].isupper() and part[-1].is_alpha \
                    and part[0].lower_ not in _NAME_ELEMENTS and len(part.text) > 3 \
                    and not all(t.lower_ in _COMMON_WORDS or t.is_stop for t in part) \
                    and not _only_feature_words(part) and gaz.lookup(part.text):
                return part
    return span


def _surnames(doc: Doc) -> set[str]:
    """Last words of the article's multi-word person names: "Ripley" after "Tom Ripley"."""
    return {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and 1 < len(ent) <= 3
            and all(t.is_alpha or t.text.endswith(".") for t in ent)}


def _is_surname(span: Span, surnames: set[str], candidates) -> bool:
    """A one-word name that is also a person's surname in the article, and no country or region."""
    return len(span) == 1 and span.text in surnames \
        and not any(p.kind in ("country", "admin1", "continent") for p in candidates)


def _gazetteer_spans(doc: Doc, taken: set[int], gaz, surnames: set[str]) -> list[Span]:
    """Longest runs of proper nouns that name a big enough gazetteer place."""
    found, i = [], 0
    while i < len(doc):
        tok = doc[i]
        if i not in taken and _is_dateline(tok) and gaz.lookup(tok.text.title()):
            found.append(doc[i:i + 1])  # "BEIRUT: ..." opening a story
            i += 1
            continue
        if i in taken or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ in _BLOCKING:
            i += 1
            continue
        for j in range(min(len(doc), i + MAX_TOKENS), i, -1):
            span = doc[i:j]
            if any(t.pos_ != "PROPN" or t.i in taken or t.ent_type_ in _BLOCKING for t in span):
                continue
            candidates = gaz.lookup(span.text)
            listed = _list_feature(doc, j) if j < len(doc) else None
            if gaz.demonym_country(span.text) or not (_big_enough(span, candidates)
                                                      or any(p.kind == listed for p in candidates)):
                continue
            if j < len(doc) and doc[j].lower_ == "of" and span[-1].lower_ in _SUFFIXES and len(span) > 1:
                continue  # "Texas Department of ...": an agency; "Texas" alone is tried next
            if _is_surname(span, surnames, gaz.lookup(span.text)):
                continue
            if i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper() \
                    and doc[i - 1].lower_ not in _COMPASS:
                continue  # the tail of a longer name: "Main Street", but "Western Pennsylvania" is kept
            found.append(span)
            i = j - 1
            break
        i += 1
    return found


def _is_dateline(tok) -> bool:
    """An upper-case word opening a sentence and followed by a colon, comma or dash."""
    doc = tok.doc
    return tok.is_upper and tok.is_alpha and len(tok) > 2 and (tok.is_sent_start or tok.i == 0) \
        and tok.i + 1 < len(doc) and doc[tok.i + 1].text in (":", ",", "-", "--", "\u2014")


def _big_enough(span: Span, candidates) -> bool:
    if not candidates:
        return False
    if any(p.kind in ("country", "admin1", "continent") for p in candidates):
        return True
    if span.text.endswith("."):  # "Gen.", "Col.": titles, not places
        return False
    person = [t for t in span if t.ent_type_ == "PERSON"]
    if person and (span.end < len(span.doc) and span.doc[span.end].ent_type_ == "PERSON"
                   and span.doc[span.end].ent_iob_ == "I"):
        return False  # a first name: "George" in "George Walker"
    if person or (span.start == span.sent.start and len(span) == 1):
        key = loose_key(name_key(span.text))  # and by its own name, not an alternate one
        return any(p.population >= MIN_POPULATION_IN_PERSON and loose_key(name_key(p.name)) == key
                   for p in candidates)
    if len(span) > 1:
        return any(p.population >= MIN_POPULATION for p in candidates)
    if span[0].lower_ in _COMMON_WORDS:
        return False
    exact, loose = name_key(span.text), loose_key(name_key(span.text))  # a loose match must be a big place
    return any(p.population >= MIN_POPULATION_ONE_WORD and name_key(p.name) == exact
               or p.population >= MIN_POPULATION_IN_PERSON and loose_key(name_key(p.name)) == loose
               for p in candidates)


def _container(doc: Doc, spans: list[Span], k: int) -> int | None:
    """Index of the span that contains spans[k]: "X, Y", "X in Y", "Y's [adj] city of X"."""
    span = spans[k]
    if k + 1 < len(spans):
        nxt = spans[k + 1]
        between = doc[span.end:nxt.start].text.strip()
        if between in (",", "in", ", in") and nxt.sent == span.sent:
            return k + 1
    if k > 0:
        prev = spans[k - 1]
        gap = doc[prev.end:span.start]
        if prev.sent == span.sent and 1 <= len(gap) <= 5 and gap[0].tag_ == "POS" \
                and all(t.is_lower or t.tag_ == "POS" for t in gap):
            return k - 1
    return None


def _home_divisions(mentions: list[Mention]) -> set[tuple[str, str]]:
    """First-level divisions the article is about: those of half or more of its resolved places."""
    counts: dict[tuple[str, str], int] = {}
    for m in mentions:
        place = m.choice
        if place is not None and place.kind != "country" and place.admin1:
            counts[(place.country_code, place.admin1)] = counts.get((place.country_code, place.admin1), 0) + 1
    top = max(counts.values(), default=0)
    return {k for k, n in counts.items() if n >= max(2, top / 2)}


def _settled(span: Span, candidates: list) -> Mention:
    """A mention found once the article's context is known, read as its most populous candidate."""
    mention = Mention(span.start_char, span.end_char, span.text, candidates, weight=1.0)
    mention.choice = max(candidates, key=lambda p: p.population)
    return mention


def _local_places(doc: Doc, taken: set[int], gaz, surnames: set[str],
                  mentions: list[Mention]) -> list[tuple[Span, Mention]]:
    """Small places the first pass left out, found once the article's home divisions are known.

    A run of capitalised words that names a town of any size in a division the article
    mostly talks about ("Lanexa" in a story full of Virginia places) is taken as that town.
    """
    home = _home_divisions(mentions)
    found, i = [], 0
    while home and i < len(doc):
        tok = doc[i]
        if i in taken or not tok.is_alpha or not tok.text[:1].isupper() or tok.is_upper \
                or tok.lower_ in _COMMON_WORDS or tok.is_stop or tok.ent_type_ in _BLOCKING \
                or (i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha and not doc[i - 1].is_sent_start):
            i += 1
            continue
        for j in range(min(len(doc), i + 3), i, -1):
            span = doc[i:j]
            if any(t.i in taken or not t.is_alpha or not t.text[:1].isupper() for t in span) or \
                    (j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha) or \
                    _is_surname(span, surnames, ()):
                continue
            key = name_key(span.text)
            local = [p for p in gaz.lookup(span.text) if p.kind in ("city", "admin2")
                     and (p.country_code, p.admin1) in home and name_key(p.name) == key]
            if local:
                found.append((span, _settled(span, local)))
                i = j - 1
                break
        i += 1
    return found


def _in_place_slot(tok) -> bool:
    """Where only a place can stand: "in X", "the town of X", "the town X", "seized X"."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in _PLACE_PREPS:
        return True
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _SETTLEMENT_WORDS:
        return True
    if tok.dep_ in ("appos", "compound") and head.lemma_.lower() in _SETTLEMENT_WORDS and head.i < tok.i:
        return True
    return tok.dep_ in ("dobj", "nsubjpass") and trigger_kind(head) in ("territory", "siege")


def _slot_places(doc: Doc, taken: set[int], gaz, surnames: set[str], countries: list[str]) -> list[tuple[Span, Mention]]:
    """Towns the model took for something else ("seized Lyman", "an oilfield in Thawra") where
    only a place can stand, known to the gazetteer in a country the article is about."""
    found = []
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.is_upper \
                or tok.ent_type_ in _BLOCKING or tok.lower_ in _COMMON_WORDS or not _in_place_slot(tok):
            continue
        words = [t for t in doc[tok.left_edge.i:tok.i + 1] if t.pos_ == "PROPN" and t.i not in taken]
        if not words or words[-1].i != tok.i or any(words[k + 1].i != words[k].i + 1 for k in range(len(words) - 1)):
            continue
        span = doc[words[0].i:tok.i + 1]
        if len(span) > 3 or _is_surname(span, surnames, ()) or gaz.demonym_country(span.text):
            continue
        local = [p for p in gaz.lookup(span.text) if p.kind in ("city", "admin2") and p.country_code in countries]
        if local:
            found.append((span, _settled(span, local)))
    return found


def _repeated_names(doc: Doc, taken: set[int], gaz, spans: list[Span], mentions: list[Mention]) -> list[tuple[Span, Mention]]:
    """Other occurrences of a name the article already uses for a place, wherever they stand
    ("Dublin" again in "Dublin City Council", "MANSFIELD" in a dateline): one sense per story.

    Not inside a person's name or before a street word ("Woodfield Road"), not where a
    neighbouring capitalised word makes a longer known name ("New Concord" when "Concord" was
    found), and not a small town the name only matched by a variant spelling.
    """
    people = {t.lower_ for ent in doc.ents if ent.label_ == "PERSON" for t in ent}
    known: dict[tuple[str, ...], Mention] = {}
    for span, m in zip(spans, mentions):
        words = tuple(t.lower_ for t in span)
        if m.choice is not None and len(span) <= MAX_TOKENS and span[0].text[:1].isupper() \
                and (m.choice.kind != "city" or m.choice.population >= MIN_POPULATION
                     or name_key(m.choice.name) == name_key(span.text)) \
                and not (len(words) == 1 and (words[0] in people or words[0] in _COMMON_WORDS)):
            known.setdefault(words, m)
    by_first: dict[str, list[tuple[tuple[str, ...], Mention]]] = {}
    for words, m in sorted(known.items(), key=lambda item: -len(item[0])):  # longest first
        by_first.setdefault(words[0], []).append((words, m))
    found, i = [], 0
    while by_first and i < len(doc):
        for words, m in by_first.get(doc[i].lower_, ()):
            j = i + len(words)
            if j > len(doc) or any(doc[k].lower_ != w or k in taken or doc[k].ent_type_ == "PERSON"
                                   or not doc[k].text[:1].isupper()
                                   for k, w in zip(range(i, j), words)):
                continue
            if j < len(doc) and doc[j].lower_ in _STREET_WORDS:
                continue  # "Woodfield Road" names a street, not the town
            if (i > 0 and _joins(doc[i - 1], doc[i:j].text, gaz, before=True)) or \
                    (j < len(doc) and _joins(doc[j], doc[i:j].text, gaz, before=False)):
                continue
            span = doc[i:j]
            copy = Mention(span.start_char, span.end_char, span.text, m.candidates, weight=1.0)
            copy.choice = m.choice
            found.append((span, copy))
            i = j - 1
            break
        i += 1
    return found


def _joins(tok, name: str, gaz, before: bool) -> bool:
    """True when a capitalised neighbour and `name` together are a known place ("New" + "Concord")."""
    if not tok.is_alpha or not tok.text[:1].isupper():
        return False
    return bool(gaz.lookup(f"{tok.text} {name}" if before else f"{name} {tok.text}"))


def _word_of_a_group(span: Span, groups: list[tuple[int, int, str]], gaz) -> bool:
    """A name inside an armed group's name with no reading in the group's country ("Abu" in
    "Abu Sayyaf"): a word of the group's name, not a place."""
    return any(start <= span.start and span.end <= end and len(span) < end - start
               and not any(p.country_code == country for p in gaz.lookup(span.text))
               for start, end, country in groups)


def _names_a_region(candidates) -> bool:
    """True when a word is mainly a place name: a country, a division or a city of 100,000."""
    return any(p.kind in ("country", "admin1", "continent") or p.population >= MIN_POPULATION_IN_PERSON
               for p in candidates)


def _demonym_spans(doc: Doc, gaz) -> list[Span]:
    """Capitalised demonyms of one or two words ("Syrian", "Sri Lankan"), wherever they stand,
    also inside an organisation's name ("American Electric Power"), unless they name a place."""
    found, i, n = [], 0, len(doc)
    while i < n:
        first = doc[i]
        if not (first.is_alpha and first.text[:1].isupper()):
            i += 1
            continue
        for j in (i + 2, i + 1):
            if j > n or (j == i + 2 and not doc[i + 1].is_alpha):
                continue
            span = doc[i:j]
            if gaz.demonym_country(span.text) and not _names_a_region(gaz.lookup(span.text)):
                found.append(span)
                i = j - 1
                break
        i += 1
    return found


@Language.component("warlog_places")
def warlog_places(doc: Doc) -> Doc:
    """Write doc.spans["places"], doc.spans["demonyms"] and doc._.country_context."""
    gaz = get_gazetteer()
    spans, demonyms = [], {}
    surnames = _surnames(doc)
    demonym_spans = _demonym_spans(doc, gaz)
    in_demonym = {t.i for s in demonym_spans for t in s}
    for span in demonym_spans:
        country = gaz.demonym_country(span.text)
        demonyms[country] = demonyms.get(country, 0.0) + (2.0 if span.start_char < LEAD_CHARS else 1.0)
    for ent in doc.ents:
        if ent.label_ not in _NER_PLACE or any(t.i in in_demonym for t in ent):
            continue
        span = _trim(ent, gaz)
        if not len(span) or _only_feature_words(span) or (len(span) == 1 and span[0].lower_ in _COMPASS):
            continue
        if _is_surname(span, surnames, gaz.lookup(span.text)):
            continue  # a person's surname tagged as a place
        spans.append(span)
    taken = {t.i for s in spans for t in s} | in_demonym
    votes, groups = actor_countries(doc)
    spans = sorted(spans + [s for s in _gazetteer_spans(doc, taken, gaz, surnames)
                            if not _word_of_a_group(s, groups, gaz)], key=lambda s: s.start)
    mentions = []
    for k, span in enumerate(spans):
        feature = _after_feature(doc, span.end) or _before_feature(doc, span.start)
        if feature is None and span.end < len(doc) and doc[span.end].ent_type_ == "FAC" \
                and doc[span.end].ent_iob_ == "I":
            feature = "facility"  # the first words of a facility's name
        mentions.append(Mention(span.start_char, span.end_char, span.text, gaz.lookup(span.text), feature,
                                _container(doc, spans, k), 2.0 if span.start_char < LEAD_CHARS else 1.0))
    for country, n in votes.items():  # "LNA forces", "the Shura Council": the country they fight in
        demonyms[country] = demonyms.get(country, 0.0) + n
    doc._.country_context = resolve(mentions, demonyms)
    local = _local_places(doc, {t.i for s in spans for t in s} | in_demonym, gaz, surnames, mentions)
    taken = {t.i for s in spans for t in s} | in_demonym | {t.i for s, _ in local for t in s}
    local += _slot_places(doc, taken, gaz, surnames, (doc._.country_context or [])[:2])
    taken |= {t.i for s, _ in local for t in s}
    local += _repeated_names(doc, taken, gaz, spans + [s for s, _ in local], mentions + [m for _, m in local])
    if local:
        spans, mentions = map(list, zip(*sorted([*zip(spans, mentions), *local], key=lambda pair: pair[0].start)))
    named_after = {}
    for span, m in zip(spans, mentions):
        span._.place = m.choice
        if m.choice is None and m.named is not None:
            named_after[(span.start_char, span.end_char)] = m.named
    for span in demonym_spans:
        span._.place = gaz.country(gaz.demonym_country(span.text))
    doc.spans["places"] = spans
    doc.spans["demonyms"] = demonym_spans
    doc.user_data[NAMED_AFTER_KEY] = named_after
    return doc


def geoparse(doc: Doc, demonyms: bool = True) -> list[tuple[int, int, float | None, float | None]]:
    """(char start, char end, lat, lon) of each toponym, for the evaluator.

    With `demonyms`, country adjectives count as toponyms of their country, as in LGL's gold.
    A place name inside a facility's name ("Vancouver International Airport") is a toponym of
    that place here, though it does not place events (doc.user_data[NAMED_AFTER_KEY]).
    """
    groups = [doc.spans["places"]] + ([doc.spans["demonyms"]] if demonyms and "demonyms" in doc.spans else [])
    named_after = doc.user_data.get(NAMED_AFTER_KEY, {})
    out = []
    for group in groups:
        for span in group:
            place = span._.place or named_after.get((span.start_char, span.end_char))
            out.append((span.start_char, span.end_char, place.latitude if place else None,
                        place.longitude if place else None))
    return sorted(out)


register_extensions()
