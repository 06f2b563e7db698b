"""Numbers as news reports write them: "1,700", "thirty-six", "dozens", "at least 12", "18 to 32".

`parse_quantity(text)` reads one number phrase; `find_quantities(text)` finds every number
phrase in running text and leaves out numbers that are plainly not head counts
(distances, percentages, years and dates, ages, times, money, durations, "Route 1").

Vague words follow ACLED's conservative reading for the best figure ("tens" 10,
"dozens" 12, "hundreds" 100: the unit of the word) and keep the wider range the word
allows in low/high. Our own rules, where ACLED gives none:
  several 3 (3-9); a few 3 (2-5); a couple 2 (2-3); a handful 3 (3-9); scores 20 (20-99);
  many / numerous: best 10, low 3, high open (ACLED-style placeholder for an unnumbered plural);
  "a number of", "some of": best 10, low 2, high open (the same placeholder).
Modifiers: "at least N" N..open; "more than/over N" N+1..open; "up to / as many as N" best N,
high N, low open; "fewer than/under N" high N-1, best open; "about/around/some N" best N,
range +-10 % (at least +-1); "nearly/almost N" 0.9N..N; "N to M", "N-M", "between N and M",
"N or M", "N, possibly M": best N (the lower figure), range N..M.
Numbers above ten million are rejected (None): no real toll is that large.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import accumulate

MAX_COUNT = 10_000_000

_WORD = re.compile(r"\d+(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?|[A-Za-z]+(?:'[A-Za-z]+)?|[^\sA-Za-z\d]")

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# word -> (low, best, high) for one unit of the word; "of thousands" multiplies
VAGUE = {"tens": (10, 10, 99), "dozens": (12, 12, 99), "scores": (20, 20, 99),
         "hundreds": (100, 100, 999), "thousands": (1000, 1000, 9999), "millions": (10**6, 10**6, 9_999_999),
         "several": (3, 3, 9), "many": (3, 10, None), "numerous": (3, 10, None)}
ARTICLE_VAGUE = {"few": (2, 3, 5), "couple": (2, 2, 3), "handful": (3, 3, 9), "dozen": (12, 12, 12),
                 "score": (20, 20, 20)}
# "a number of", "some of the": more than one, how many unsaid; ACLED's placeholder 10 as best
UNSAID = (2, 10, None)
ZERO = {"no", "none", "nobody", "zero"}

# prefix -> how it bends (low, best, high) of the number after it
_PREFIXES = [
    ("at least", "min"), ("no fewer than", "min"), ("no less than", "min"), ("not less than", "min"),
    ("a minimum of", "min"), ("more than", "over"), ("over", "over"), ("upwards of", "over"),
    ("in excess of", "over"), ("well over", "over"), ("just over", "over"),
    ("up to", "max"), ("as many as", "max"), ("at most", "max"), ("no more than", "max"),
    ("fewer than", "under"), ("less than", "under"), ("under", "under"), ("just under", "under"),
    ("about", "approx"), ("around", "approx"), ("approximately", "approx"), ("roughly", "approx"),
    ("some", "approx"), ("an estimated", "approx"), ("estimated", "approx"), ("an approximate", "approx"),
    ("close to", "nearly"), ("nearly", "nearly"), ("almost", "nearly"),
    ("a total of", "total"), ("total of", "total"), ("between", "between"), ("ranging from", "from"), ("from", "from"),
]
_PREFIX_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _p, _kind in sorted(_PREFIXES, key=lambda x: -len(x[0].split())):
    _PREFIX_BY_FIRST.setdefault(_p.split()[0], []).append((tuple(_p.split()), _kind))

_STARTERS = set(UNITS) | set(TENS) | set(VAGUE) | set(_PREFIX_BY_FIRST) | {"a", "an", "half"} | ZERO
MONTHS = set("january february march april may june july august september october november december "
             "jan feb mar apr jun jul aug sep sept oct nov dec".split())
# a word right after the number that shows it counts something other than people
MEASURE_AFTER = set("""mile miles km kms kilometer kilometers kilometre kilometres meter meters metre metres m
    feet foot ft yard yards inch inches kg kilogram kilograms kilo kilos ton tons tonne tonnes pound pounds
    gram grams grammes litre litres liter liters barrel barrels acre acres hectare hectares square sq mph
    percent per pc % degree degrees year years yr month months week weeks day days hour hours hrs minute
    minutes min mins second seconds decade decades century centuries times am pm a.m p.m gmt utc o'clock
    dollars dollar usd euros euro eur dinars dinar riyals rials pounds sterling yuan rupees naira shillings
    francs page pages third thirds half quarter quarters fifth fifths s st nd rd th bn billion : storey
    storeys floor floors""".split())
# a word right before the number that makes it a name, a date or an amount
MEASURE_BEFORE = set("""resolution route highway road article page chapter section number no flight brigade
    division battalion unit line gate block zone sector camp room platoon regiment corps paragraph
    aged age ages $ £ € usd us eur version kilometre kilometer km channel""".split()) | MONTHS
YEAR_BEFORE = {"in", "since", "until", "till", "by", "of", "from", "early", "late", "mid", "during",
               "before", "after", "year", "summer", "winter", "spring", "autumn", "fall", "the"}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count as reported: best is the conservative figure, low/high the range the words allow."""

    low: int | None
    best: int | None
    high: int | None
    exact: bool
    text: str


@dataclass(frozen=True, slots=True)
class Found:
    """A number phrase in running text: the whole phrase and the number itself (char offsets)."""

    start: int
    end: int
    core_start: int
    core_end: int
    quantity: Quantity


_SPLIT = re.compile("(" + _WORD.pattern + ")")  # words and the gaps between them, in turn


class _Words:
    """The lower-cased words of a text (`ws`) with their offsets: words[k] is (word, start, end)."""

    __slots__ = ("_offsets", "ws")

    def __init__(self, text: str):
        lower = text.lower()
        if len(lower) != len(text):  # a few letters ("İ") lengthen when lowered: keep the offsets
            pieces = _SPLIT.split(text)
            self.ws = [w.lower() for w in pieces[1::2]]
        else:
            pieces = _SPLIT.split(lower)
            self.ws = pieces[1::2]
        # gap, word, gap, word, ..., gap: word k runs from offsets[2k + 1] to offsets[2k + 2]
        self._offsets = list(accumulate(map(len, pieces), initial=0))

    def __len__(self) -> int:
        return len(self.ws)

    def __getitem__(self, k: int) -> tuple[str, int, int]:
        if k < 0:
            k += len(self.ws)
        return self.ws[k], self._offsets[2 * k + 1], self._offsets[2 * k + 2]


def _spelled(ws: list[str], i: int) -> tuple[int, int] | None:
    """A spelled-out integer ("two hundred and fifty", "thirty-six") from i: (value, next index)."""
    total = current = 0
    j, seen = i, False
    while j < len(ws):
        w = ws[j]
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
            if j + 2 < len(ws) and ws[j + 1] == "-" and ws[j + 2] in UNITS:
                current += UNITS[ws[j + 2]]
                j += 2
        elif w in SCALES and seen:
            if w == "hundred":
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * SCALES[w]
                current = 0
        elif w == "and" and seen and j + 1 < len(ws) and (ws[j + 1] in UNITS or ws[j + 1] in TENS) \
                and (current >= 100 or total):
            pass
        else:
            break
        seen = True
        j += 1
    return (total + current, j) if seen else None


def _core(ws: list[str], i: int) -> tuple[int | None, int | None, int | None, bool, int] | None:
    """The number at ws[i]: (low, best, high, exact, next index) or None."""
    w = ws[i] if i < len(ws) else ""
    nxt = ws[i + 1] if i + 1 < len(ws) else ""
    if w in ("no", "nobody", "none", "zero"):
        return (0, 0, 0, True, i + 2 if (w == "no" and nxt == "one") else i + 1)
    if w in ("a", "half") and ws[i + 1:i + 3] in (["half", "dozen"], ["a", "dozen"]):
        return (6, 6, 6, True, i + 3)  # "half a dozen", "a half dozen"
    if w in ("a", "an"):
        if nxt in SCALES:
            value, j = _spelled(["one"] + ws[i + 1:], 0)
            return (value, value, value, True, i + j)
        if nxt == "number" and ws[i + 2:i + 3] == ["of"]:
            return (*UNSAID, False, i + 2)
        if nxt in ARTICLE_VAGUE:
            lo, best, hi = ARTICLE_VAGUE[nxt]
            return (lo, best, hi, nxt in ("dozen", "score"), i + 2)
        return None
    if w in VAGUE:
        lo, best, hi = VAGUE[w]
        if w in ("several",) and nxt in ("dozen", "hundred", "thousand"):
            unit = 12 if nxt == "dozen" else SCALES[nxt]
            return (3 * unit, 3 * unit, 9 * unit, False, i + 2)
        if nxt == "of" and i + 2 < len(ws) and ws[i + 2] in ("thousands", "millions") and w in ("tens", "hundreds"):
            scale = 1000 if ws[i + 2] == "thousands" else 10**6
            return (lo * scale, best * scale, hi * scale + scale - 1, False, i + 3)
        return (lo, best, hi, False, i + 1)
    if w[:1].isdecimal():  # not "²" or "①": digits that float() cannot read
        if "." in w and nxt not in SCALES:
            return None
        value = float(w.replace(",", ""))
        j = i + 1
        if nxt in SCALES:
            value *= SCALES[nxt]
            j += 1
        if value != int(value):
            return None
        return (int(value), int(value), int(value), True, j)
    spelled = _spelled(ws, i)
    if spelled is None:
        return None
    value, j = spelled
    if j < len(ws) and ws[j] == "dozen":
        return (12 * value, 12 * value, 12 * value, True, j + 1)
    return (value, value, value, True, j)


def _bend(kind: str, lo, best, hi, exact):
    """Apply a prefix modifier to a parsed number."""
    if kind == "min":
        return lo, best, None, False
    if kind == "over":
        return lo + 1, best + 1, None, False
    if kind == "max":
        return None, best, hi, False
    if kind == "under":
        return None, None, max(lo - 1, 0), False
    if kind == "approx" and exact:
        spread = max(1, math.ceil(best * 0.1))
        return max(best - spread, 0), best, best + spread, False
    if kind == "nearly" and exact:
        return max(best - max(1, math.ceil(best * 0.1)), 0), best, best, False
    return lo, best, hi, False


def _phrase(ws: list[str], i: int):
    """Parse a number phrase from ws[i]: ((low, best, high, exact), core_i, core_j, end) or None."""
    if not (ws[i][:1].isdigit() or ws[i] in _STARTERS):
        return None
    if ws[i] == "some" and ws[i + 1:i + 2] == ["of"]:
        return (*UNSAID, False), i, i + 1, i + 1  # "some of the fighters"
    kind, j = None, i
    for words, k in _PREFIX_BY_FIRST.get(ws[i], ()):
        if tuple(ws[i:i + len(words)]) == words:
            kind, j = k, i + len(words)
            break
    core = _core(ws, j)
    if core is None:
        return None
    lo, best, hi, exact, end = core
    core_i, core_j = j, end
    joiner = ws[end] if end < len(ws) else ""
    second = None
    if kind == "between" and joiner in ("and", "-", "–", "to") or (kind in (None, "from", "approx") and joiner in ("to", "-", "–", "or")):
        second = _core(ws, end + 1)
    elif joiner == "," and ws[end + 1:end + 2] == ["possibly"]:
        second, end = _core(ws, end + 2), end + 1
    elif joiner == "and" and ws[end + 1:end + 2] == ["possibly"]:
        second, end = _core(ws, end + 2), end + 1
    if second is not None and second[1] is not None and best is not None and second[1] > best:
        return (lo, best, second[2], False), core_i, second[4], second[4]
    if kind in ("between", "from", "total"):
        kind = None
    if joiner == "or" and ws[end + 1:end + 2] == ["more"]:
        return (lo, best, None, False), core_i, core_j, end + 2
    if kind and best is not None:
        lo, best, hi, exact = _bend(kind, lo, best, hi, exact)
    return (lo, best, hi, exact), core_i, core_j, end


def _valid(values) -> bool:
    return all(v is None or 0 <= v <= MAX_COUNT for v in values[:3]) and any(v is not None for v in values[:3])


def parse_quantity(text: str) -> Quantity | None:
    """Read a whole number phrase ("about 140", "dozens", "18 to 32"); None if it is not one."""
    text = text.strip()
    ws = _Words(text).ws
    while ws and ws[-1] in (".", ","):
        ws.pop()
    parsed = _phrase(ws, 0) if ws else None
    if parsed is None or parsed[3] != len(ws) or not _valid(parsed[0]):
        return None
    lo, best, hi, exact = parsed[0]
    return Quantity(lo, best, hi, exact, text)


def _is_measure(words, i: int, j: int, text: str) -> bool:
    """The number at words[i:j] is a distance, date, age, time, money, name part..."""
    before = words[i - 1][0] if i > 0 else ""
    after = words[j][0] if j < len(words) else ""
    start, end = words[i][1], words[j - 1][2]
    if after in MEASURE_AFTER or before in MEASURE_BEFORE or after in MONTHS:
        return True
    if after == "-" and j + 1 < len(words) and words[j + 1][0] in MEASURE_AFTER | {"year", "hour", "day", "month"}:
        return True
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ":$£€#"
                      or text[start - 1] in "-/" and start > 1 and text[start - 2].isalnum()):
        return True  # F-16, AK-47, 24/7, 10:30, $5
    if text[end:end + 1] in ("/", "%") or re.match(r"[:h]\d", text[end:end + 2]):
        return True  # 24/7, 80%, 10:30
    token = words[i][0]
    if re.fullmatch(r"1[89]\d\d|20\d\d", token) and (before in YEAR_BEFORE or after in MONTHS):
        return True
    if before == "," and after == "," and i > 1 and text[words[i - 2][1]].isupper():
        return True  # "Henry, 19, was killed": an age
    return False


def find_quantities(text: str) -> list[Found]:
    """Every number phrase in running text that could count people, in order."""
    words = _Words(text)
    ws = words.ws
    found: list[Found] = []
    resume = 0  # words before this index belong to a phrase already read
    for i in [i for i, w in enumerate(ws) if w in _STARTERS or w[:1].isdigit()]:
        parsed = _phrase(ws, i) if i >= resume else None
        if parsed is None:
            continue
        values, core_i, core_j, end = parsed
        resume = end
        if not _valid(values) or _is_measure(words, core_i, core_j, text) or _is_measure(words, core_i, end, text):
            continue
        start_char, end_char = words[i][1], words[end - 1][2]
        found.append(Found(start_char, end_char, words[core_i][1], words[core_j - 1][2],
                           Quantity(*values, text=text[start_char:end_char])))
    return found
