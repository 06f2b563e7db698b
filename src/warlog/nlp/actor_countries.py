"""Country context from the armed groups an article names, for the places component.

A short report often names no country: "Clashes in Derna between the Shura Council and LNA
forces". The groups it names do: rebels, militias and jihadist groups of the actor dictionary
(data/actors.yaml) that belong to one country. Each mention of one votes for its country as
a demonym does. State forces vote by their own names only ("LNA", "Haftar's forces"), not
by a demonym ("Russian troops" fight abroad, and the demonym already counts); transnational
groups do not vote. A gazetteer-only toponym inside such a group's name
that has no reading in the group's country is a word of the name ("Abu" in "Abu Sayyaf").
"""
from __future__ import annotations

from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from warlog.resolve.actors import ActorDictionary, _acronym
from warlog.resolve.gazetteer import get_gazetteer

BOUND_INTERS = {1, 2, 3, 4}  # state forces (by their own names only), rebels, militias
_MATCHERS: dict[int, tuple[PhraseMatcher, PhraseMatcher]] = {}


def _matchers(doc: Doc) -> tuple[PhraseMatcher, PhraseMatcher]:
    """(case-sensitive acronyms, case-insensitive names), built once per vocabulary."""
    key = id(doc.vocab)
    if key not in _MATCHERS:
        tokenizer = English(vocab=doc.vocab).tokenizer  # English rules, the document's vocabulary
        exact, folded = PhraseMatcher(doc.vocab, attr="ORTH"), PhraseMatcher(doc.vocab, attr="LOWER")
        for entry in ActorDictionary.load().entries.values():
            if entry.country is None or entry.country_specific or entry.inter not in BOUND_INTERS:
                continue
            names = list(dict.fromkeys((entry.name, *entry.aliases)))
            if entry.inter == 1:  # "LNA", "Haftar forces"; not "Russian troops", which fight abroad too
                names = [n for n in names if not _names_a_country(n)]
            for matcher, chosen in ((exact, [n for n in names if _acronym(n)]),
                                    (folded, [n for n in names if not _acronym(n)])):
                if chosen:
                    matcher.add(entry.country, list(tokenizer.pipe(chosen)))
        _MATCHERS[key] = (exact, folded)
    return _MATCHERS[key]


def _names_a_country(name: str) -> bool:
    gaz = get_gazetteer()
    return any(gaz.demonym_country(w) or any(p.kind == "country" for p in gaz.lookup(w))
               for w in name.replace("-", " ").split() if w[:1].isupper())


def actor_countries(doc: Doc) -> tuple[dict[str, float], list[tuple[int, int, str]]]:
    """({country: votes}, [(start, end, country) of each group's name]) for a document."""
    votes: dict[str, float] = {}
    found = []
    for matcher in _matchers(doc):
        for match_id, start, end in matcher(doc):
            country = doc.vocab.strings[match_id]
            votes[country] = votes.get(country, 0.0) + 1.0
            found.append((start, end, country))
    return votes, found
