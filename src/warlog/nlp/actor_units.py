"""Armed units and community militias named on the parse (a part of warlog.nlp.actor_phrases).

- units named by their own words: "the Omar Mukhtar Brigade", "the 155 Brigade", and a
  shortened mention of one the article names in full ("the Kanni brigade" after "the Al-Kanni
  brigade") -> one actor;
- town militias: "Misratan fighters", "the Zawiya militia", "fighters from Warshefana"
  -> "<Town> Communal Militia (<Country>)" (inter 4);
- peoples' and tribes' militias: "clashes between Tebu and Tuareg tribesmen", "the Ben Nayal
  tribe militias" -> "<People> Ethnic Militia (<Country>)", "<Name> Clan Militia".
Finders return (priority, start, end, how, payload) candidates, as in actor_phrases.
"""
from __future__ import annotations

import re

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from warlog.resolve.actors import ActorDictionary, words_of

GROUP_HEADS = {"militia", "militiaman", "militiamen", "fighter", "force", "forces", "brigade", "battalion",
               "tribesman", "tribesmen", "tribe", "clan", "group", "unit", "gunman", "gunmen", "youth",
               "man", "men", "member", "community", "communities", "militant"}
TOWN_HEADS = {"militia", "militiaman", "militiamen", "fighter", "force", "forces", "brigade", "battalion",
              "tribesman", "tribesmen", "group", "unit", "militant", "gang", "aircraft", "warplane", "jet"}
STATE_WORDS = {"security", "police", "army", "government", "national", "regime", "special", "federal",
               "presidential", "state", "navy", "air"}
UNIT_WORDS = {"brigade", "battalion", "division", "regiment", "brigades", "battalions", "militia", "militias"}
NEARBY_TOKENS = 60  # how far from "local militias" their town may be named, out of their sentence
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)?$")
TRIBE_WORDS = {"tribe": "Ethnic", "tribes": "Ethnic", "tribesman": "Ethnic", "tribesmen": "Ethnic",
               "clan": "Clan", "clans": "Clan", "clansman": "Clan", "clansmen": "Clan"}
FIGHT_VERBS = {"clash", "fight", "attack", "kill", "storm", "ambush", "shell", "kidnap", "abduct", "battle"}
NAME_LINKS = {"-", "'", "’", "al", "el", "ben", "bin", "bani", "beni", "awlad", "ould", "ouled", "abu"}


def _unit_core(span: Span) -> tuple[str, ...]:
    """A unit's name without article and Arabic article, head in its lemma: "the Al-Kanni
    brigades" and "Kanni brigade" both give ("kanni", "brigade")."""
    words = [w.lower() for t in span[:-1] for w in words_of(t.text)]
    return tuple(w for w in words if w not in ("the", "al", "el")) + (span[-1].lemma_.lower(),)


class MilitiaFinder:
    """Candidates for units and community militias; PhraseFinder adds the other phrases."""

    def __init__(self, nlp, dic: ActorDictionary, city_index) -> None:
        self.dic = dic
        self.city_index = city_index
        self.peoples = PhraseMatcher(nlp.vocab, attr="ORTH")
        spellings = dic.groups.spellings()
        forms = {f for s in spellings for f in (s.title(), s.capitalize(), " ".join(w.capitalize() for w in s.split()))}
        if forms:
            self.peoples.add("PEOPLE", list(nlp.tokenizer.pipe(sorted(forms))))

    # --- towns ---
    def is_town(self, name: str) -> bool:
        key = name.lower()
        if key in self.dic.countries.by_key or len(key) < 4:
            return False
        pop, iso = self.city_index().get(key, (0, ""))
        return bool(iso) and pop < 10**9  # a town, not a province

    def town_country(self, town: str) -> str | None:
        """ISO code of a town the gazetteer knows, by the spelling written or the YAML table's
        (None for a town it does not know): a town's militia belongs to the town's country,
        whatever other country the sentence names."""
        index = self.city_index()
        for key in (town.lower(), self.dic.groups.towns.get(town.lower(), "").lower()):
            pop, iso = index.get(key, (0, None))
            if iso and pop < 10**9:
                return iso
        return None

    def town_of(self, tokens: list[Token]) -> str | None:
        text = " ".join(t.text for t in tokens)
        if not text or text.lower() in self.dic.countries.by_key or not tokens[0].text[:1].isupper():
            return None
        return self.dic.groups.town(text, self.is_town)

    def towns_in(self, tokens: Span):
        """(start, end, ACLED town name) of the capitalised runs of modifiers that name a town."""
        words = list(tokens)
        k = 0
        while k < len(words):
            tok = words[k]
            prev = next((w for w in reversed(words[:k]) if not w.is_space), None)
            inside_name = prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper()
            if inside_name:  # "Libya Dawn aircraft": a word of a longer name, not the town Dawn
                k += 1
                continue
            if tok.pos_ in ("PROPN", "ADJ", "NOUN") and tok.text[:1].isupper():
                for n in (3, 2, 1):
                    run = words[k:k + n]
                    if len(run) == n and all(t.text[:1].isupper() for t in run):
                        town = self.town_of(run)
                        if town:
                            yield tok.i, run[-1].i + 1, town
                            k += n - 1
                            break
            k += 1

    def sentence_town(self, tok: Token) -> tuple[str, str | None] | None:
        """The town whose "local militias" they are: the nearest named in the mention's sentence,
        else the nearest within a few sentences of it ("a clash between IS and local militias.
        ... near the city of Sabratha")."""
        sent = tok.sent
        towns, around = [], []
        for span in tok.doc.spans.get("places", []):
            place = span._.place
            if place is None or place.kind != "city":
                continue
            far = abs(span.start - tok.i)
            if sent.start <= span.start < sent.end:
                towns.append((far, span.text, place.country_code))
            elif far <= NEARBY_TOKENS:
                around.append((far, span.text, place.country_code))
        if not towns and not around:
            return None
        _, text, iso = min(towns or around)
        return self.dic.groups.town(text) or text, iso

    # --- finders ---
    @staticmethod
    def repeated_units(doc: Doc, unnamed: list[Token], found: list) -> list:
        """`found` with unit mentions that shorten a unit the article names in full: after "the
        Al-Kanni brigade", "the Kanni brigade" is that brigade (not a militia of a town called
        Kanni, nor a "Kanni Brigade" of its own). Their payload is the full name: one actor."""
        full = {_unit_core(doc[s:e]): doc[s:e].text for _, s, e, how, numbered in found
                if how == "UNIT" and numbered is False and {"al", "el"} & {t.lower_ for t in doc[s:e]}}
        if not full:
            return found
        out = [(p, s, e, how, full.get(_unit_core(doc[s:e]), False)) if how == "UNIT" and payload is False
               else (p, s, e, how, payload) for p, s, e, how, payload in found]
        for head in unnamed:
            k = head.i
            while k > head.sent.start and doc[k - 1].pos_ == "PROPN" and doc[k - 1].text[:1].isupper():
                k -= 1
            name = full.get(_unit_core(doc[k:head.i + 1])) if k < head.i else None
            if name:
                start = k - 1 if k > 0 and doc[k - 1].lower_ == "the" else k
                out.append((-1, start, head.i + 1, "UNIT", name))
        return out

    def peoples_found(self, doc: Doc):
        out = []
        for _, start, end in self.peoples(doc):
            span = doc[start:end]
            people = self.dic.groups.people(span.text)
            if people is None:
                continue
            after = [t for t in doc[end:min(end + 4, span.sent.end)]]
            head_next = after and (after[0].lemma_.lower() in GROUP_HEADS or after[0].lower_ in GROUP_HEADS)
            fighting = head_next or any(t.lemma_.lower() in GROUP_HEADS for t in after if t.dep_ == "conj") or (
                span.root.head.lower_ == "between" or (span.root.dep_ == "conj" and span.root.head.head.lower_ == "between")) or (
                any(t.lower_ == "between" for t in doc[max(span.sent.start, start - 4):start]) and any(
                    t.lemma_.lower() in GROUP_HEADS for t in doc[end:min(end + 6, span.sent.end)]))
            if not fighting:
                continue
            stop = end + 1 if head_next else end
            out.append((0, start, stop, "PEOPLE", people))
        return out

    def town_militia(self, head: Token):
        doc = head.doc
        left = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss")]
        if any(t.lower_ in STATE_WORDS for t in doc[head.left_edge.i:head.i]):
            return []
        out = []
        towns = list(self.towns_in(doc[left[0].left_edge.i:head.i])) if left else []
        for k, (start, end, town) in enumerate(towns):  # "Janzouri and Misratan units": two militias
            last = k == len(towns) - 1
            if last and start > 0 and doc[start - 1].lower_ == "the":
                start -= 1
            out.append((0, start, head.i + 1 if last else end, "TOWN", (town, self.town_country(town))))
        for prep in head.rights:
            if prep.lower_ in ("from", "of") and prep.dep_ == "prep":
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                run = [c for c in objs[0].lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + objs[:1]
                town = self.town_of(run) if objs and objs[0].pos_ == "PROPN" else None
                if not town:
                    continue
                conj = [c for c in head.rights if c.dep_ == "conj" and c.i < prep.i]
                start = conj[-1].left_edge.i if conj else head.left_edge.i  # "X militants and armed men from Zawiya"
                if conj or not towns:
                    out.append((0, start, objs[0].i + 1, "TOWN", (town, self.town_country(town))))
        return out

    def named_unit(self, head: Token):
        """A brigade or battalion named by its own words ("the Omar Mukhtar Brigade", "Al-Kanni
        brigade", "the 155 Brigade"), not by a town or a people alone (those are community militias)."""
        doc, k = head.doc, head.i
        while k > head.sent.start and (doc[k - 1].pos_ == "PROPN" and doc[k - 1].text[:1].isupper()
                                       or _ORDINAL.match(doc[k - 1].text) or doc[k - 1].text == "-"
                                       or doc[k - 1].lower_ in ("al", "el")):
            k -= 1
        while k < head.i and doc[k].text == "-":
            k += 1
        name = doc[k:head.i]
        if not len(name) or not (name[0].text[:1].isupper() or _ORDINAL.match(name[0].text)):
            return []
        words = [t.lower_ for t in name if t.text != "-"]
        if self.dic.countries.find(words) or self.town_of(list(name)) or self.dic.groups.people(name.text):
            return []  # "Misratan brigades", "Syrian army division", "Tebu battalions"
        if any(t.ent_type_ in ("NORP", "GPE", "LOC") for t in name):
            return []  # "Shiite militias", "Kurdish militia", "Donbas militias": not a name of their own
        if not head.text[:1].isupper() and not any(t.pos_ == "PROPN" for t in name):
            return []
        start = k - 1 if k > 0 and doc[k - 1].lower_ == "the" else k
        numbered = all(_ORDINAL.match(t.text) or t.pos_ != "PROPN" for t in name)
        return [(-1, start, head.i + 1, "UNIT", numbered)]

    def named_tribe(self, head: Token):
        """A tribe or clan named before "tribe", "clan", "tribesmen" when its men fight ("the Ben
        Nayal tribe militias", "clashes between Al-Kanni fighters and the Naja'a tribe",
        "Awlad Ali tribesmen attacked..."): "<Name> Ethnic Militia" or "<Name> Clan Militia"."""
        doc, k = head.doc, head.i
        while k > head.sent.start and (doc[k - 1].text[:1].isupper() and doc[k - 1].pos_ in ("PROPN", "NOUN", "ADJ")
                                       or doc[k - 1].lower_ in NAME_LINKS):
            k -= 1
        while k < head.i and doc[k].lower_ in NAME_LINKS - {"al", "el", "ben", "bin", "bani", "beni", "awlad", "abu"}:
            k += 1
        name = doc[k:head.i]
        if not len(name) or not name[0].text[:1].isupper() or any(t.ent_type_ in ("GPE", "NORP") for t in name):
            return []
        words = [t.lower_ for t in name]
        if self.dic.countries.find(words) or self.dic.resolve_name(name.text, fuzzy=False):
            return []  # "the Syrian tribes", "the Islamic State tribe": not a tribe's own name
        end = head.i + 1
        after = doc[end] if end < len(doc) else None
        armed_next = after is not None and (after.lemma_.lower() in GROUP_HEADS or after.lower_ in GROUP_HEADS)
        sent = head.sent
        fighting = armed_next or head.lower_.endswith(("tribesmen", "tribesman", "clansmen", "clansman")) or any(
            t.lower_ == "between" for t in doc[sent.start:k]) or (
            head.dep_ == "nsubj" and head.head.lemma_.lower() in FIGHT_VERBS)
        if not fighting:
            return []
        text = "".join(t.text_with_ws for t in name).strip()
        known = self.dic.groups.people(text)
        start = k - 1 if k > 0 and doc[k - 1].lower_ == "the" else k
        return [(0, start, end + 1 if armed_next else end, "PEOPLE", known or (text, TRIBE_WORDS[head.lower_]))]
