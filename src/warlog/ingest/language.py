"""The language of an article: warlog reads English news; others are skipped with a reason.

langdetect (a port of Google's language-detection, profiles shipped in the package) judges
a sample of the text; too little text, or no confident answer, is given the benefit of
the doubt (kept), so an English story quoting Arabic or naming Russian towns stays in.
"""
from __future__ import annotations

from functools import lru_cache

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

WANTED = "en"
MIN_LETTERS = 40  # shorter texts are not judged: n-gram detection is unreliable on them
SAMPLE_CHARS = 2000
MIN_CONFIDENCE = 0.8  # the other language's probability
MAX_WANTED = 0.1  # the wanted language's probability at most, to skip


@lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = 0  # the same answer for the same text, every run
    return factory


def language_scores(text: str) -> dict[str, float]:
    """Probability of each likely language of `text` (codes such as en, fr, zh-cn); {} when unknown."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return {}
    detector = _factory().create()
    detector.append(sample)
    try:
        return {found.lang: found.prob for found in detector.get_probabilities()}
    except LangDetectException:
        return {}


def foreign_language(text: str) -> str | None:
    """The code of the language `text` is confidently written in, when that is not English."""
    scores = language_scores(text)
    if not scores:
        return None
    best = max(scores, key=scores.__getitem__)
    if best != WANTED and scores[best] >= MIN_CONFIDENCE and scores.get(WANTED, 0.0) <= MAX_WANTED:
        return best
    return None
