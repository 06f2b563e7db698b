"""Names of armed groups written in another transliteration or word order.

Arabic, Persian and Somali names reach English news in many spellings and orders: "Shura
Council of Darnah Mujahidin", "Shoura Council of the Mujahindeen of Derna", "Derna Council of
Mujahideen". A name is compared word by word on its consonant skeleton (lower case, vowels and
the weak letters h, w, y dropped after the first letter, doubled letters once: "mujahideen"
and "mujahdeen" both give "mjdn", "darnah" and "derna" "drn"), ignoring word order and
function words. A mention names an alias when every one of its (three or more) words has a
word of the alias within one letter of it (all but one of them the same), and the alias has at
most one word more ("Derna Council of Mujahideen" lacks only "Shura"). Town names keep apart the many "Shura Councils".
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

FUNCTION_WORDS = {"the", "of", "in", "for", "and", "al", "el", "a", "an"}
MIN_WORDS = 3  # fewer words are too common to compare this loosely ("Shura Council")
_WEAK = re.compile(r"[aeiouhwy]")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The consonant skeleton of one lower-case word."""
    rest = _WEAK.sub("", word[1:])
    out = word[:1] + rest
    return _DOUBLED.sub(r"\1", out)


def skeletons(key: str) -> tuple[str, ...]:
    """The skeletons of a normalised name's content words (in order)."""
    return tuple(skeleton(w) for w in key.split() if w not in FUNCTION_WORDS and not w.isdigit())


def _close(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 4 and Levenshtein.distance(a, b) <= 1)


class SpellingIndex:
    """Aliases of three or more content words, looked up by a mention's skeletons."""

    def __init__(self, keys) -> None:
        self.by_word: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for key in keys:
            words = skeletons(key)
            if len(words) >= MIN_WORDS:
                for w in set(words):
                    self.by_word.setdefault(w, []).append((key, words))

    def find(self, key: str) -> set[str]:
        """The alias keys a mention (normalised) may spell otherwise."""
        words = skeletons(key)
        if len(words) < MIN_WORDS:
            return set()
        # all words but one must match exactly, so a fitting alias is in one of any two words'
        # lists: the two shortest are enough to look through
        lists = sorted((self.by_word.get(w, ()) for w in set(words)), key=len)
        if len(lists) < 2 or not lists[1]:
            return set()
        fits = set()
        for alias, alias_words in {*lists[0], *lists[1]}:
            if sum(w in alias_words for w in words) < len(words) - 1:
                continue
            if len(alias_words) - len(words) not in (0, 1):
                continue
            spare = list(alias_words)
            for w in words:
                match = next((a for a in spare if _close(w, a)), None)
                if match is None:
                    break
                spare.remove(match)
            else:
                fits.add(alias)
        return fits
