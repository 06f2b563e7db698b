"""The `warlog_claims` component: what sources say, kept as claims with their source.

Two kinds for now: casualty figures carried by reported speech ("36 people were killed, a
hospital spokesman said"; "activists gave death tolls ranging from 18 to 32") and shares of
ground held ("only a third of Fallujah has been cleared", "80 percent of the city is under
their control"). Contradicting claims are all kept: nothing is averaged away.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from warlog.model import Claim, Evidence
from warlog.nlp.arguments import SentenceArgs
from warlog.nlp.doc_index import sentences
from warlog.nlp.event_setting import PlaceContext
from warlog.nlp.speech import Speech, speeches

FRACTIONS = {"half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
             "fifth": 0.2, "fifths": 0.2, "tenth": 0.1}
COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
CONTROL_WORDS = {"clear", "cleared", "control", "controlled", "liberate", "liberated", "retake", "retaken",
                 "recapture", "recaptured", "hold", "held", "secure", "secured", "seize", "seized",
                 "capture", "captured", "free", "freed", "take", "taken"}
PERCENT = re.compile(r"^(\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent)$", re.I)


def share_of(tokens: list) -> float | None:
    """The share a phrase says: 'a third' 0.33, 'two-thirds' 0.67, '80 percent' 0.8, 'half' 0.5."""
    text = " ".join(t.lower_ for t in tokens).replace(" - ", "-").replace(" %", "%")
    m = PERCENT.match(text.replace("%", " %").replace("  ", " ").strip()) if text else None
    if m:
        value = float(m.group(1)) / 100
        return value if 0 < value <= 1 else None
    words = text.replace("-", " ").split()
    if words and words[-1] in FRACTIONS:
        count = COUNTS.get(words[-2], 1) if len(words) > 1 else 1
        return min(1.0, count * FRACTIONS[words[-1]])
    return None


class ClaimFinder:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.article_id = doc._.article_id or ""
        self.context = PlaceContext()

    def evidence(self, span: Span, sent_i: int, field: str) -> Evidence:
        return Evidence(self.article_id, sent_i, span.start_char, span.end_char, span.text, field)

    def subject(self, args: SentenceArgs, near: int | None = None) -> str | None:
        """The place a claim is about: named in the sentence (nearest first), else the story's place."""
        spans = [s for s in args.places if s._.place.kind != "country"
                 and not any(i in args.sources for i in range(s.start, s.end))]
        if spans:
            return min(spans, key=lambda s: abs(s.start - near) if near is not None else s.start).text
        return self.context.current.text if self.context.current is not None else None

    def date_of(self, args: SentenceArgs):
        for span in args.dates:
            if span._.when.value is not None:
                return span._.when.value
        return self.doc._.published

    def run(self) -> list[Claim]:
        claims: list[Claim] = []
        last_source = None
        for sent_i, sent in enumerate(sentences(self.doc)):
            said = speeches(sent, last_source)
            named = [sp.source for sp in said if sp.source.root.pos_ != "PRON"]
            last_source = named[-1] if named else last_source
            args = SentenceArgs(sent, {t.i for sp in said for t in sp.source})
            for sp in said:
                claims += self.toll_claims(sp, said, args, sent_i)
                claims += self.share_claims(sp, args, sent_i)
            self.context.update(args)
        return claims

    @staticmethod
    def _teller(span: Span, said: list[Speech]) -> Speech:
        """Which of a sentence's speakers tells a count: the one whose words hold it, else the nearest."""
        holding = [sp for sp in said if span.start in {t.i for t in sp.content}]
        return min(holding or said, key=lambda sp: (len(sp.content), abs(sp.verb.i - span.start)))

    def toll_claims(self, sp: Speech, said: list[Speech], args: SentenceArgs, sent_i: int) -> list[Claim]:
        out = []
        for span in args.tolls:
            if span.start in args.sources or self._teller(span, said) is not sp:
                continue
            toll, q = span._.toll, span._.toll.quantity
            attribute = "civilians_killed" if toll.kind == "killed" and toll.side == "civilians" else toll.kind
            ranged = q.low is not None and q.high is not None and q.low != q.high
            value = [q.low, q.high] if ranged else (q.best if q.best is not None else q.low)
            out.append(Claim(subject=self.subject(args, span.start) or "", attribute=attribute, value=value,
                             source=sp.source.text, date=self.date_of(args),
                             evidence=self.evidence(args.sent, sent_i, "claim")))
        return out

    def share_claims(self, sp: Speech, args: SentenceArgs, sent_i: int) -> list[Claim]:
        out = []
        content = {t.i for t in sp.content}
        lemmas = {t.lemma_.lower() for t in args.sent if t.i in content} | {t.lower_ for t in args.sent}
        if not lemmas & CONTROL_WORDS:
            return out
        for tok in args.sent:
            if tok.lower_ != "of" or tok.i not in content or tok.i == args.sent.start:
                continue
            head = tok.head
            phrase = [t for t in head.subtree if t.i < tok.i]
            share = share_of(phrase[-3:]) or share_of(phrase[-2:]) or share_of(phrase[-1:])
            if share is None:
                continue
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            named = [s for s in args.places if obj is not None and s.start <= obj.i < s.end]
            subject = named[0].text if named else self.subject(args, tok.i)
            if subject:
                out.append(Claim(subject=subject, attribute="share_controlled", value=round(share, 2),
                                 source=sp.source.text, date=self.date_of(args),
                                 evidence=self.evidence(args.sent, sent_i, "claim")))
        return out


@Language.component("warlog_claims")
def warlog_claims(doc: Doc) -> Doc:
    """Find the claims of a document (see module docstring)."""
    doc._.claims = ClaimFinder(doc).run()
    return doc
