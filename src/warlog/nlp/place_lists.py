"""Whether names side by side form a list or one contains the other (used by warlog.nlp.places).

"Vienna, Geneva, Oslo and Doha" is a list: no name there contains another. "Springfield,
Ill." and "Ramadi in Anbar" bind: the second name contains the first. A possessive binds too:
"Syria's northern city of Manbij". The rules read a `TokenTable`, not Tokens.
"""
from __future__ import annotations

from spacy.tokens import Span

from warlog.nlp.place_tokens import TokenTable

_CONJUNCTIONS = {"and", "or", ", and", ", or", "&"}  # what closes a list: "A, B and C"


def _comma_between(tt: TokenTable, spans: list[Span], k: int) -> bool:
    """True when spans[k] and spans[k + 1] stand in one sentence with only a comma between."""
    return 0 <= k and k + 1 < len(spans) and tt.sent[spans[k].start] == tt.sent[spans[k + 1].start] \
        and tt.raw[spans[k].end_char:spans[k + 1].start_char].strip() == ","


def _in_list(tt: TokenTable, spans: list[Span], k: int) -> bool:
    """True when spans[k] opens or continues a run of names joined by commas that a conjunction
    closes: "Tampa, Orlando, Jacksonville and Gainesville" (but not "Ramadi, Anbar, Iraq")."""
    while _comma_between(tt, spans, k):
        k += 1
    return k + 1 < len(spans) and tt.sent[spans[k].start] == tt.sent[spans[k + 1].start] \
        and tt.raw[spans[k].end_char:spans[k + 1].start_char].strip() in _CONJUNCTIONS


def container(tt: TokenTable, spans: list[Span], k: int, regions: frozenset[int] = frozenset()) -> int | None:
    """Index of the span that contains spans[k]: "X, Y", "X in Y", "Y's [adj] city of X".
    Names in a list ("Moscow, Kiev, Minsk and Riga") do not contain one another: in a list, a
    name after a comma contains the one before only when it can name a region (`regions`,
    indices of spans) and the one before cannot ("Springfield, Ill., and Dayton, Ohio")."""
    span = spans[k]
    if k + 1 < len(spans):
        nxt = spans[k + 1]
        between = tt.raw[span.end_char:nxt.start_char].strip()
        listed = between == "," and (k in regions or k + 1 not in regions) and _in_list(tt, spans, k)
        if between in (",", "in", ", in") and tt.sent[nxt.start] == tt.sent[span.start] and not listed:
            return k + 1
    if k > 0:
        prev = spans[k - 1]
        gap = range(prev.end, span.start)
        if tt.sent[prev.start] == tt.sent[span.start] and 1 <= len(gap) <= 5 and tt.possessive[gap[0]] \
                and all(tt.lower_case[g] or tt.possessive[g] for g in gap):
            return k - 1
    return None
