"""Actor phrases found on the parse rather than by name (used by warlog.nlp.actors).

- town and tribe militias: "Misratan fighters", "the Zawiya militia", "fighters from Warshefana",
  "clashes between Tebu and Tuareg tribesmen" -> "<Town> Communal Militia (<Country>)",
  "<People> Ethnic Militia (<Country>)" (inter 4);
- a state's forces named by a demonym on a weapon or strike: "Russian shelling", "Turkish
  drones", "Syrian government artillery" -> "Military Forces of <Country>";
- unknown perpetrators: "unidentified warplanes", "an unknown armed group" -> Unidentified
  Armed Group (<Country>);
- victims: people harmed by a violent verb ("killing two brothers", "a local official was
  kidnapped") -> Civilians (<Country>), inter 7.
Each finder returns (priority, start, end, how, payload) candidates; the component resolves
them with `resolve_phrase` once it knows the mention's country.
"""
from __future__ import annotations

import re

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from warlog.nlp.doc_index import matching_positions, tokens_within
from warlog.resolve.actors import ActorDictionary, ActorRef, type_by_rule, words_of

GROUP_HEADS = {"militia", "militiaman", "militiamen", "fighter", "force", "forces", "brigade", "battalion",
               "tribesman", "tribesmen", "tribe", "clan", "group", "unit", "gunman", "gunmen", "youth",
               "man", "men", "member", "community", "communities", "militant"}
TOWN_HEADS = {"militia", "militiaman", "militiamen", "fighter", "force", "forces", "brigade", "battalion",
              "tribesman", "tribesmen", "group", "unit", "militant", "gang", "aircraft", "warplane", "jet"}
STATE_WORDS = {"security", "police", "army", "government", "national", "regime", "special", "federal",
               "presidential", "state", "navy", "air"}
STRIKE_NOUNS = {"shelling", "strike", "airstrike", "raid", "bombardment", "bombing", "drone", "artillery",
                "missile", "rocket", "offensive", "warship", "gunboat", "tank", "mortar", "shell", "fire",
                "attack", "operation", "sniper"}
UNKNOWN_WORDS = {"unidentified", "unknown", "mystery", "unnamed", "masked", "anonymous", "mysterious"}
UNKNOWN_HEADS = {"force", "forces", "warplane", "aircraft", "jet", "drone", "group", "man", "men", "militant",
                 "fighter", "helicopter", "plane", "assailant", "attacker", "gunman", "gunmen", "person",
                 "people", "individual"}
VICTIM_NOUNS = {"people", "person", "man", "men", "woman", "women", "child", "children", "boy", "girl", "baby",
                "resident", "civilian", "official", "mayor", "journalist", "reporter", "photographer",
                "photojournalist", "doctor", "nurse", "teacher", "student", "worker", "engineer", "lawyer",
                "judge", "imam", "cleric", "priest", "sheikh", "councillor", "councilor", "activist", "politician",
                "candidate", "businessman", "merchant", "trader", "shepherd", "farmer", "driver", "passenger",
                "worshipper", "pilgrim", "family", "relative", "brother", "sister", "son", "daughter", "father",
                "mother", "wife", "husband", "cousin", "individual", "local", "citizen", "migrant", "refugee",
                "elder", "director", "employee", "villager", "mediator", "fan", "customer", "shopkeeper",
                "academic", "professor", "pharmacist", "minister", "deputy", "mp", "lawmaker", "chief", "notable",
                "dignitary", "member", "volunteer", "aid worker", "humanitarian", "christian", "fisherman",
                "non-combatant", "noncombatant", "manager", "administrator", "presenter", "broadcaster", "nun",
                "hostage", "schoolchild", "schoolchildren", "pedestrian", "bystander", "vendor", "labourer", "laborer", "tourist", "infant"}
HARM_VERBS = {"kill", "murder", "execute", "shoot", "wound", "injure", "kidnap", "abduct", "snatch", "behead",
              "torture", "stone", "crucify", "hang", "stab", "assassinate", "attack", "target", "massacre",
              "slaughter", "beat", "rape", "assault", "detain", "arrest", "seize", "grab", "abuse", "burn",
              "lynch", "maim", "hit", "gun", "ambush"}
# verbs whose subject is the one harmed: "three children died in the blast", "a presenter survived"
SUFFER_VERBS = {"die", "perish", "survive", "suffer", "sustain", "succumb"}
UNIT_WORDS = {"brigade", "battalion", "division", "regiment", "brigades", "battalions", "militia", "militias"}
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)?$")
LOCAL_WORDS = {"militia": {"local"}, "resident": {"armed"}, "tribesman": {"local", "armed"}, "fighter": {"local"},
               "volunteer": {"armed", "local"}}
LOCAL_HEADS = set(LOCAL_WORDS)
ARMED_MODIFIERS = {"militia", "militant", "commander", "army", "military", "security", "police", "rebel",
                   "fighter", "jihadist", "insurgent", "soldier", "brigade", "battalion", "government", "armed"}
ARMED_HEADS = {"force", "guard", "brigade", "battalion", "unit", "troop", "militia"}  # "a security force member"
TRIBE_WORDS = {"tribe": "Ethnic", "tribes": "Ethnic", "tribesman": "Ethnic", "tribesmen": "Ethnic",
               "clan": "Clan", "clans": "Clan", "clansman": "Clan", "clansmen": "Clan"}
FIGHT_VERBS = {"clash", "fight", "attack", "kill", "storm", "ambush", "shell", "kidnap", "abduct", "battle"}
NAME_LINKS = {"-", "'", "’", "al", "el", "ben", "bin", "bani", "beni", "awlad", "ould", "ouled", "abu"}
LOOKED_AT = TOWN_HEADS | UNIT_WORDS | STRIKE_NOUNS | LOCAL_HEADS | UNKNOWN_HEADS | VICTIM_NOUNS | set(TRIBE_WORDS)


def _unit_core(span: Span) -> tuple[str, ...]:
    """A unit's name without article and Arabic article, head in its lemma: "the Al-Kanni
    brigades" and "Kanni brigade" both give ("kanni", "brigade")."""
    words = [w.lower() for t in span[:-1] for w in words_of(t.text)]
    return tuple(w for w in words if w not in ("the", "al", "el")) + (span[-1].lemma_.lower(),)


class PhraseFinder:
    """Candidates for actor phrases the dictionary cannot name."""

    def __init__(self, nlp, dic: ActorDictionary, city_index) -> None:
        self.dic = dic
        self.city_index = city_index
        self.peoples = PhraseMatcher(nlp.vocab, attr="ORTH")
        spellings = dic.groups.spellings()
        forms = {f for s in spellings for f in (s.title(), s.capitalize(), " ".join(w.capitalize() for w in s.split()))}
        if forms:
            self.peoples.add("PEOPLE", list(nlp.tokenizer.pipe(sorted(forms))))

    # --- helpers ---
    def worth_a_look(self, word: str) -> bool:
        """Whether a lower-case form or lemma can start any finder below (a cheap prefilter)."""
        return word in LOOKED_AT or (word.endswith("s") and word in self.dic.countries.by_key)

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
        """The town named in a mention's sentence, nearest first: whose "local militias" they are."""
        sent = tok.sent
        towns = []
        for span in tok.doc.spans.get("places", []):
            place = span._.place
            if place is not None and place.kind == "city" and sent.start <= span.start < sent.end:
                towns.append((abs(span.start - tok.i), span.text, place.country_code))
        if not towns:
            return None
        _, text, iso = min(towns)
        return self.dic.groups.town(text) or text, iso

    # --- finders ---
    def candidates(self, doc: Doc) -> list[tuple[int, int, int, str, object]]:
        found: list[tuple[int, int, int, str, object]] = []
        found += self.peoples_found(doc)
        unnamed: list[Token] = []  # unit nouns whose words looked like a town's or a people's
        for tok in tokens_within(doc[:], matching_positions(doc, f"actor_phrases:{id(self)}", self.worth_a_look)):
            lemma = tok.lemma_.lower()
            armed_men = lemma == "man" and any(c.lower_ == "armed" for c in tok.lefts)  # "armed men from Zawiya"
            if (lemma in TOWN_HEADS or tok.lower_ in TOWN_HEADS or armed_men) and (
                    tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")):
                found += self.town_militia(tok)  # the tagger makes "militias" a verb now and then
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if tok.lower_ in UNIT_WORDS:
                units = self.named_unit(tok)
                found += units
                unnamed += [] if units else [tok]
            if tok.lower_ in TRIBE_WORDS:
                found += self.named_tribe(tok)
            if lemma in STRIKE_NOUNS or tok.lower_ in STRIKE_NOUNS:
                found += self.demonym_forces(tok)
            if lemma in LOCAL_HEADS and any(c.lower_ in LOCAL_WORDS[lemma] for c in tok.lefts):
                found.append((0, tok.left_edge.i, tok.i + 1, "LOCAL", self.sentence_town(tok)))
            if lemma in UNKNOWN_HEADS or tok.lower_ in UNKNOWN_HEADS:
                found += self.unknown(tok)
            if (lemma in VICTIM_NOUNS or tok.lower_ in VICTIM_NOUNS or self.nationals(tok)) and tok.dep_ != "compound":
                found += self.victims(tok)
        return self.repeated_units(doc, unnamed, found)

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

    def demonym_forces(self, head: Token):
        out = []
        for child in head.lefts:
            if child.dep_ not in ("amod", "compound", "nmod") or child.pos_ not in ("ADJ", "PROPN", "NOUN"):
                continue
            iso = self.dic.countries.by_key.get(child.lower_)
            if not iso or not child.text[:1].isupper():  # "car bomb" is no CAR
                continue
            end = child.i + 1
            while end < head.i and head.doc[end].lower_ in ("government", "regime", "army", "military", "state"):
                end += 1
            out.append((1, child.i, end, "DEMONYM", iso))
        return out

    def unknown(self, head: Token):
        if not any(c.lower_ in UNKNOWN_WORDS for c in head.lefts):
            return []
        if head.lemma_.lower() in VICTIM_NOUNS and self.victims(head):
            return []  # "executed three unidentified men": people harmed, not an armed group
        start = head.left_edge.i
        return [(0, start, head.i + 1, "UNKNOWN", None)]

    def nationals(self, tok: Token) -> bool:
        """'3 Libyans', 'two Egyptians': a plural demonym used as a noun."""
        key = tok.lower_
        return tok.tag_ in ("NNS", "NNPS", "NNP") and key.endswith("s") and key in self.dic.countries.by_key \
            and key[:-1] in self.dic.countries.by_key  # "Syrians", not "the Philippines"

    def armed_org(self, prep: Token) -> bool:
        """Whether an "of" phrase names an armed organisation ("a member of Ansar al-Sharia", "of the
        LNA"), not a council of elders or a bank."""
        phrase = prep.doc[prep.i + 1:prep.right_edge.i + 1]
        ref = self.dic.resolve_name(phrase.text, fuzzy=False) if len(phrase) else None
        typed = (ref.inter, ref.kind) if ref is not None else type_by_rule(phrase.text)
        return typed is not None and typed[0] not in (0, 6, 7)

    def victims(self, tok: Token):
        node = tok
        while node.dep_ == "conj" and node.head is not node:
            node = node.head
        verb = node.head
        if node.dep_ == "pobj" and node.head.lower_ in ("of",) and node.head.head.pos_ == "NUM":
            verb = node.head.head.head  # "three of the six men were executed"
            node = node.head.head
        suffered = node.dep_ == "nsubj" and verb.lemma_.lower() in SUFFER_VERBS
        role = suffered or node.dep_ in ("dobj", "nsubjpass") or (
            node.dep_ == "pobj" and node.head.lower_ in ("at", "on", "against"))
        harm = suffered or verb.lemma_.lower() in HARM_VERBS or (
            node.dep_ == "pobj" and node.head.head.lemma_.lower() in HARM_VERBS)
        if not (role and harm):
            return []
        if any(t.lemma_.lower() in ARMED_MODIFIERS | ARMED_HEADS for left in tok.lefts for t in left.subtree):
            return []  # "a security force member", "an army officer"
        for prep in tok.rights:  # "members of the GNA forces", "a member of an armed group"
            if prep.lower_ == "of" and (any(t.lemma_.lower() in ARMED_MODIFIERS | {"force", "group"} for t in prep.subtree)
                                        or self.armed_org(prep)):
                return []
        start = tok.left_edge.i
        while start < tok.i and tok.doc[start].pos_ in ("PUNCT", "SPACE"):
            start += 1
        iso = self.dic.countries.by_key.get(tok.lower_) if self.nationals(tok) else None
        return [(2, start, tok.i + 1, "VICTIM", iso)]


def resolve_phrase(dic: ActorDictionary, span: Span, how: str, payload, ctx: list[str]) -> ActorRef | None:
    """The actor a phrase candidate names, in the mention's country context."""
    country = ctx[0] if ctx else None
    if how == "TOWN":
        town, iso = payload
        if iso and ctx and iso not in ctx:
            return None  # "Dawn militias" is no town's militia in Libya
        return dic.community_militia(town, "Communal", iso or country, span.text)
    if how == "PEOPLE":
        name, kind = payload
        return dic.community_militia(name, kind, country, span.text)
    if how == "DEMONYM":
        return dic.generic_ref("military", payload, span.text, ctx)
    if how == "LOCAL":
        return dic.community_militia(payload[0], "Communal", payload[1] or country, span.text) if payload else None
    if how == "UNKNOWN":
        return dic.generic_ref("unidentified", country, span.text, ctx)
    if how == "UNIT":
        named = payload if isinstance(payload, str) else span.text  # a shortened mention: the full name
        ref = dic.resolve_name(named, ctx, fuzzy=False)
        if ref is not None or payload is True:  # a numbered unit is a state's: "the 155 Brigade"
            return ref or dic.generic_ref("military", country, span.text, ctx)
        words = [w for w in named.split() if w.lower() != "the"]
        last = "Militia" if words[-1].lower().startswith("militia") else words[-1].capitalize()
        return ActorRef(" ".join(words[:-1] + [last]), 3, country, "militia", span.text)
    if how == "VICTIM":
        return dic.generic_ref("civilians", payload or country, span.text, ctx)
    return None
