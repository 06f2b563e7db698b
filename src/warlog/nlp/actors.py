"""spaCy component `warlog_actors`: finds actor mentions and resolves them to ActorRefs.

Candidates, strongest first: dictionary aliases, descriptions and media names (PhraseMatcher,
LOWER for names and ORTH for acronyms), noun phrases headed by a force/people noun ("Syrian
troops", "militiamen aligned with the UN-backed government", "gunmen"), and ORG entities.
Bare nouns ("the militants", "the troops", "the militias") refer back to the most recent
compatible actor. A mention's country is that of the nearest place in its sentence, then in
its paragraph, then the article's (doc._.country_context, or one computed from GPE entities).
Writes doc.spans["actors"], each span with span._.actor = ActorRef.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from warlog.nlp import register_extensions
from warlog.nlp.actor_parse import ChunkStarts, MarkIndex
from warlog.nlp.doc_index import matching_positions, tokens_within, word_index
from warlog.nlp.actor_phrases import PhraseFinder, resolve_phrase
from warlog.resolve.actors import (NONSTATE_KINDS, STATE_KINDS, ActorDictionary, ActorRef, _acronym,
                                   type_by_rule, words_of)
from warlog.resolve.city_index import city_countries as _city_countries

MEMBER_NOUNS = {"militant", "fighter", "force", "forces", "troop", "soldier", "militiaman", "militiamen", "militia",
                "gunman", "gunmen", "jihadist", "rebel", "insurgent", "group", "member", "commander", "unit",
                "warplane", "jet", "aircraft", "extremist", "loyalist", "guerrilla", "separatist", "official"}
SHARP_HEADS = {"force", "forces", "group", "army", "military", "government"}  # anaphoric only after "the"
ARMED_WORDS = {"militant", "extremist", "jihadist", "insurgent", "rebel", "armed", "terrorist", "islamist",
               "sunni", "shiite", "shia", "radical", "separatist"}
PATRON_WORDS = {"loyal", "aligned", "allied", "affiliated", "answering", "belonging"}
LEAVE_OUT_DETS = {"his", "her", "their", "its", "our", "my", "your"}
_PLACE_SUFFIX = re.compile(r"\s+(province|governorate|region|state|district|county|city)$", re.I)


class ActorFinder:
    """The `warlog_actors` pipeline component."""

    def __init__(self, nlp: Language, dictionary_path: str | None = None) -> None:
        register_extensions()
        self.dic = ActorDictionary.load(dictionary_path)
        self.by_case = {"LOWER": PhraseMatcher(nlp.vocab, attr="LOWER"), "ORTH": PhraseMatcher(nlp.vocab, attr="ORTH")}
        forms: dict[tuple[str, str], set[str]] = {}
        names = [("ALIAS", a) for e in self.dic.entries.values() for a in (e.name, *e.aliases)]
        names += [("DESC", d) for e in self.dic.entries.values() for d in e.descriptions]
        names += [("MEDIA", m) for m in self.dic.media.values()]
        for label, text in names:
            attr = "ORTH" if _acronym(text) else "LOWER"
            for variant in {text, text.replace("-", " "), " ".join(words_of(text))}:
                forms.setdefault((label, attr), set()).add(variant)
        for (label, attr), texts in forms.items():
            self.by_case[attr].add(label, list(nlp.tokenizer.pipe(sorted(texts))))
        self.anaphora = {k: set(v) for k, v in self.dic.anaphora.items()}
        self.heads = {h for h in self.dic.heads if " " not in h} | set().union(*self.anaphora.values())
        self.pair_heads = {h for h in self.dic.heads if len(h.split()) == 2}  # "armed men", "border guard"
        self.head_words = self.heads | {h.split()[1] for h in self.pair_heads}  # words worth a look
        self.phrases = PhraseFinder(nlp, self.dic, _city_countries)
        _city_countries()  # the town table loads with the pipeline, not with its first article

    # --- country context ---
    def place_marks(self, doc: Doc) -> list[tuple[int, str]]:
        """(character offset, ISO) of every place the text names."""
        if "places" in doc.spans and len(doc.spans["places"]):
            marks = [(s.start_char, getattr(s._.place, "country_code", None)) for s in doc.spans["places"]
                     if s._.place is not None]
            return [(c, iso) for c, iso in marks if iso]
        marks, cities = [], _city_countries()
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "LOC"):
                continue
            name = _PLACE_SUFFIX.sub("", " ".join(words_of(ent.text)))
            iso = self.dic.countries.by_key.get(name.lower().removeprefix("the "))
            if not iso and name.lower() in cities:
                iso = cities[name.lower()][1]
            if iso:
                marks.append((ent.start_char, iso))
        for tok in doc:  # capitalised names the tagger missed: "near Raqqa"
            if tok.pos_ == "PROPN" and tok.ent_type_ in ("", "ORG", "PERSON") and tok.is_title:
                pop, iso = cities.get(tok.lower_, (0, ""))
                iso = self.dic.countries.by_key.get(tok.lower_) if tok.ent_type_ == "PERSON" else (
                    iso if pop >= 100_000 else None)
                if iso:
                    marks.append((tok.idx, iso))
        return sorted(marks)

    @staticmethod
    def article_context(marks: list[tuple[int, str]]) -> list[str]:
        counts = Counter(iso for _, iso in marks)
        first = {iso: c for c, iso in reversed(marks)}
        return sorted(counts, key=lambda iso: (-counts[iso], first[iso]))

    @staticmethod
    def local_context(span: Span, marks: list[tuple[int, str]], places: "MarkIndex", article: list[str]) -> list[str]:
        """Countries a mention is about: places in its sentence, then its paragraph (nearest
        first), then the two last countries named before it, then the article's main country."""
        at = span.start_char
        first, last = places.sentence_bounds(span)
        near = lambda m: abs(m[0] - at)  # noqa: E731
        in_para = sorted(places.in_paragraph(at), key=near)
        in_sent = [m for m in in_para if first <= m[0] < last]
        recent: list[str] = []
        for _, iso in reversed(marks[:bisect.bisect_left(places.offsets, at)]):
            if iso not in recent:
                recent.append(iso)
                if len(recent) == 2:
                    break
        ctx: list[str] = []
        for iso in [iso for _, iso in in_sent + in_para] + recent + list(article[:1]):
            if iso not in ctx:
                ctx.append(iso)
        return ctx

    # --- candidates ---
    def candidates(self, doc: Doc) -> list[tuple[int, int, int, str]]:
        """(priority, start, end, how) of every possible mention, overlapping."""
        found = []
        for matcher in self.by_case.values():
            for match_id, start, end in matcher(doc):
                how = doc.vocab.strings[match_id]
                while how == "ALIAS" and end < len(doc) and doc[end].pos_ == "NOUN" and (
                        doc[end].lower_ in MEMBER_NOUNS or doc[end].lemma_.lower() in MEMBER_NOUNS):
                    end += 1
                found.append((0 if how != "DESC" else 1, start, end, how))
        chunks = None
        for tok in tokens_within(doc[:], matching_positions(doc, f"actor_heads:{id(self)}", self.head_words)):
            pair = f"{doc[tok.i - 1].lower_} {tok.lower_}" if tok.i > 0 else ""
            if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod") or (
                    tok.lower_ not in self.heads and tok.lemma_.lower() not in self.heads
                    and pair not in self.pair_heads):
                continue
            if chunks is None:
                chunks = ChunkStarts(doc) if doc.has_annotation("DEP") else False
            start = chunks.start(tok) if chunks else tok.i
            while start < tok.i and (doc[start].is_punct or doc[start].is_space):
                start += 1
            if doc[start].lower_ in LEAVE_OUT_DETS:
                continue
            before = doc[start - 1] if start > 0 else None
            if before is not None and before.pos_ in ("NOUN", "PROPN") and before.dep_ == tok.dep_ \
                    and before.head.i == tok.head.i and before.i < tok.i:
                start = before.left_edge.i  # a modifier parsed as a sibling: "of the government affiliated forces"
            end, prio = tok.i + 1, 2
            for child in tok.rights:
                if child.lower_ in PATRON_WORDS or (child.dep_ == "prep" and child.lower_ in ("from", "of")):
                    stop = next((t.i for t in child.subtree if t.dep_ == "cc" and t.i > child.i), child.right_edge.i + 1)
                    while stop > child.i + 1 and doc[stop - 1].is_punct:  # "X of Y, and Z": two actors
                        stop -= 1
                    end = max(end, stop)
                    prio = 0 if child.lower_ in PATRON_WORDS else prio
            if tok.i > 0 and doc[tok.i - 1].lower_ == "air" and tok.lemma_ == "force":
                start = min(start, tok.i - 1)
            found.append((prio, start, end, "NOUN"))
        for ent in doc.ents:
            if ent.label_ in ("ORG", "NORP"):
                found.append((3, ent.start, ent.end, ent.label_))
        return found

    def __call__(self, doc: Doc) -> Doc:
        taken: set[int] = set()
        chosen = []
        phrases = self.phrases.candidates(doc)
        self._payload = {(start, end, how): payload for _, start, end, how, payload in phrases}
        found = [c[:4] for c in phrases] + self.candidates(doc) + self.defined_acronyms(doc)
        for prio, start, end, how in sorted(found, key=lambda c: (c[0], c[1] - c[2], c[1])):
            if not taken.intersection(range(start, end)):
                chosen.append((start, end, how))
                taken.update(range(start, end))
        inside = [(doc[start].idx, doc[end - 1].idx) for start, end, how in chosen if how not in ("ORG", "NORP")]
        marks = [m for m in self.place_marks(doc)  # "warplanes from its ally, Russia"
                 if not any(first <= m[0] <= last for first, last in inside)]
        article = list(doc._.country_context or self.article_context(marks))
        marks.sort(key=lambda m: m[0])
        places = MarkIndex(doc, marks)
        spans, history, mentioned = [], [], set()
        self._acronyms: dict[str, ActorRef] = {}
        for start, end, how in sorted(chosen):
            span = Span(doc, start, end, label="ACTOR")
            ctx = self.local_context(span, marks, places, article)
            ref = self.resolve(span, how, ctx, history, mentioned)
            if ref is None:
                continue
            span._.actor = ref
            spans.append(span)
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and ref.kind != "media":
                self._acronyms.setdefault(doc[end + 1].text, ref)
            if ref.kind != "media":
                history.append(ref)
                mentioned.update({ref.name, ref.name.split(" (")[0]})
        doc.spans["actors"] = spans
        return doc

    def is_bare(self, span: Span) -> bool:
        """True when only determiners, numbers and plain adjectives precede the head noun
        ("the militants", "extremist fighters", "the 36 militiamen"), not names or countries."""
        head = span.root
        left = [t for t in span if t.i < head.i]
        right = [w.lower() for t in span if t.i > head.i for w in words_of(t.text)]
        if any(t.pos_ in ("NOUN", "PROPN") for t in left) or self.dic.countries.find(right):
            return False
        if PATRON_WORDS & set(right) or any(c.lower_ in PATRON_WORDS for c in head.rights):
            return False
        if head.lemma_.lower() in SHARP_HEADS and (not left or left[0].lower_ != "the"):
            return False
        if head.lemma_.lower() == "group" and any(t.lower_ not in ARMED_WORDS for t in left[1:]):
            return False  # "the militant group", not "the activist group"
        lower = [w.lower() for t in left for w in words_of(t.text)]
        return not self.dic.countries.find(lower) and not ({"government", "pro", "regime"} & set(lower))

    @staticmethod
    def defined_acronyms(doc: Doc) -> list[tuple[int, int, int, str]]:
        """Every use of an acronym the article defines in brackets after a name ("the Rada
        Special Deterrence Force (SDF)"): it names what the article says, not what the
        dictionary would ("SDF" is the Syrian Democratic Forces elsewhere)."""
        defined = {doc[i + 1].text for i in matching_positions(doc, "(", {"("})
                   if i + 2 < len(doc) and doc[i + 2].text == ")" and _acronym(doc[i + 1].text)
                   and doc[i + 1].text.isalpha()}
        if not defined:
            return []
        index = word_index(doc)
        return [(-2, i, i + 1, "ACRONYM") for i in sorted({i for d in defined for i in index.get(d.lower(), ())})
                if doc[i].text in defined]

    def resolve(self, span: Span, how: str, ctx: list[str], history: list[ActorRef], mentioned: set[str]):
        if how == "ACRONYM":
            named = self._acronyms.get(span.text)
            if named is not None:
                return ActorRef(named.name, named.inter, named.country, named.kind, span.text)
            how = "ORG"
        if (span.start, span.end, how) in self._payload:
            ref = resolve_phrase(self.dic, span, how, self._payload[(span.start, span.end, how)], ctx)
            if ref is not None or how not in ("TOWN", "LOCAL"):
                return ref
        head = span.root
        lemma = head.lemma_.lower() if head.lemma_.lower() in self.heads else head.lower_
        bare = how in ("NOUN", "DESC") and self.is_bare(span)
        if bare:
            found = self.antecedent(lemma, span.text, ctx, history)
            if found:
                return found
        ref = self.dic.resolve_name(span.text, ctx, mentioned, fuzzy=how in ("ORG", "NORP"))
        if ref is None and how == "NOUN":  # "local forces of the Derna Council of Mujahideen"
            ref = self.organisation_in(span, ctx)
        if ref is None and bare and lemma in self.anaphora.get("unknown_default", ()):
            ref = self.dic.generic_ref("unidentified", ctx[0] if ctx else None, span.text, ctx)
        if ref is None and how == "ORG":
            typed = type_by_rule(span.text)
            if typed:
                inter, kind = typed
                name = " ".join(words_of(span.text)[1:] if span[0].lower_ == "the" else words_of(span.text))
                ref = ActorRef(name, inter, ctx[0] if ctx and inter == 1 else None, kind, span.text)
        return ref

    def organisation_in(self, span: Span, ctx: list[str]) -> ActorRef | None:
        """The armed organisation a phrase names inside it, in a spelling of its own ("fighters of
        the Derna Council of Mujahideen"): the phrase is its men."""
        starts = [t.i for t in span if t.ent_iob_ == "B" and t.ent_type_ == "ORG"]  # (cheaper than span.ents)
        for start in starts:
            end = start + 1
            while end < span.end and span.doc[end].ent_iob_ == "I":
                end += 1
            if end - start >= 3:  # (its exact aliases the phrase's own lookup tried)
                found = self.dic.fuzzy(span.doc[start:end].text, ctx)
                if found is not None and found.kind != "media":
                    return ActorRef(found.name, found.inter, found.country, found.kind, span.text)
        return None

    def antecedent(self, lemma: str, text: str, ctx: list[str], history: list[ActorRef]) -> ActorRef | None:
        """The most recent earlier actor a bare noun can refer to, re-localised to this mention."""
        if lemma in self.anaphora.get("militia", ()):
            tests = [lambda r: r.kind == "militia" or "militia" in r.matched.lower()]
        elif lemma in self.anaphora.get("state", ()):
            tests = [lambda r: r.kind in STATE_KINDS]
        elif lemma in self.anaphora.get("nonstate", ()):
            tests = [lambda r: r.kind in ("rebel", "jihadist"), lambda r: r.kind in NONSTATE_KINDS]
        else:
            return None
        for fits in tests:
            for ref in reversed(history):
                if fits(ref):
                    base = self.dic.entries.get(ref.name.split(" (")[0])
                    if base is not None and base.country_specific:
                        return self.dic.ref(base, text, ctx)
                    return ActorRef(ref.name, ref.inter, ref.country, ref.kind, text)
        return None


@Language.factory("warlog_actors", default_config={"dictionary_path": None})
def make_actor_finder(nlp: Language, name: str, dictionary_path: str | None) -> ActorFinder:
    return ActorFinder(nlp, dictionary_path)
