"""Name keys for gazetteer lookup, and the word lists in data/places_words.yaml.

`name_key` folds case, diacritics, apostrophes and hyphens ("Ar-Raqqah" -> "ar raqqah").
`loose_key` also drops a leading Arabic-style article, doubled letters and a final "h"
after a vowel, so the usual transliteration variants meet ("Raqqa" ~ "Ar-Raqqah",
"Misrata" ~ "Misratah"); lookup tries the exact key first.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "places_words.yaml"
WORDS: dict = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
REGIONS_FILE = WORDS_FILE.with_name("places_regions.yaml")  # regions, seas and unions (gazetteer_build.py)

_APOSTROPHES = dict.fromkeys(map(ord, "'`\u2018\u2019\u02bb\u02bc\u02bf\u02be\u00b4"), None)
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015.,/]+")
_DOUBLED = re.compile(r"(\w)\1")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")
_ARTICLES = frozenset(WORDS["name_articles"])


@lru_cache(maxsize=262_144)
def ascii_fold(text: str) -> str:
    """Strip diacritics (NFKD, combining marks dropped)."""
    if text.isascii():
        return text  # nothing to strip
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def is_latin(text: str) -> bool:
    """True when every letter is Latin script (after folding diacritics)."""
    return all(ord(c) < 0x250 for c in ascii_fold(text))


@lru_cache(maxsize=262_144)
def name_key(name: str) -> str:
    """Case-, accent-, apostrophe- and hyphen-folded form of a name."""
    folded = ascii_fold(name).translate(_APOSTROPHES).lower()
    return _SEPARATORS.sub(" ", folded).strip()


# the same vowel written the French or the English way: "Tarhouna" ~ "Tarhuna", "Sidi Bouzid" ~ "Sidi Buzid"
_VOWEL_SPELLINGS = {"ou": "u", "oo": "u", "ee": "i"}
_FRENCH_VOWELS = re.compile("|".join(_VOWEL_SPELLINGS))


def loose_key(key: str) -> str:
    """A looser form of a `name_key`, for transliteration variants."""
    words = key.split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    words = [w for w in words if w not in _ARTICLES] or words
    joined = _FRENCH_VOWELS.sub(lambda m: _VOWEL_SPELLINGS[m.group(0)], "".join(words))
    return _FINAL_H.sub("", _DOUBLED.sub(r"\1", joined))


_VOWELS = re.compile(r"(?<=.)[aeiouy]")


def skeleton_key(key: str) -> str:
    """Consonant skeleton of a `name_key`, for division names only ("Nineveh" ~ "Ninawa")."""
    return _VOWELS.sub("", loose_key(key).replace("v", "w"))


def admin_stems(name: str) -> set[str]:
    """Keys a division's name can be written as: "Basra Governorate" -> {"basra governorate", "basra"}."""
    key = name_key(name)
    stems = {key}
    for prefix in WORDS["admin_prefixes"]:
        prefix = name_key(prefix)
        if key.startswith(prefix + " "):
            stems.add(key[len(prefix) + 1:])
    for stem in list(stems):
        words = stem.split()
        if len(words) > 1 and words[-1] in WORDS["admin_suffixes"]:
            stems.add(" ".join(words[:-1]))
    return {s for s in stems if s}
