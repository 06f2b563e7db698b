"""Actor phrases found on the parse rather than by name (used by warlog.nlp.actors).

- units, town and tribe militias: "the Omar Mukhtar Brigade", "Misratan fighters", "clashes
  between Tebu and Tuareg tribesmen" (found by `MilitiaFinder` in actor_units.py);
- local armed men: "local militias", "armed residents" -> the sentence's town's militia;
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

from spacy.tokens import Doc, Span, Token

from warlog.nlp.actor_units import TOWN_HEADS, TRIBE_WORDS, UNIT_WORDS, MilitiaFinder
from warlog.nlp.doc_index import matching_positions, tokens_within
from warlog.resolve.actors import ActorDictionary, ActorRef, type_by_rule

STRIKE_NOUNS = {"shelling", "strike", "airstrike", "raid", "bombardment", "bombing", "drone", "artillery",
                "missile", "rocket", "offensive", "warship", "gunboat", "tank", "mortar", "shell", "fire",
                "attack", "operation", "sniper"}
COMPASS_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                 "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
                 "southeastern", "southwestern", "north-east", "north-west", "south-east", "south-west",
                 "north-eastern", "north-western", "south-eastern", "south-western"}
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
LOCAL_WORDS = {"militia": {"local"}, "resident": {"armed"}, "tribesman": {"local", "armed"}, "fighter": {"local"},
               "volunteer": {"armed", "local"}}
LOCAL_HEADS = set(LOCAL_WORDS)
PATRON_MARKS = {"allied", "backed", "aligned", "supported", "affiliated", "loyal", "led"}
ARMED_MODIFIERS = {"militia", "militant", "commander", "army", "military", "security", "police", "rebel",
                   "fighter", "jihadist", "insurgent", "soldier", "brigade", "battalion", "government", "armed"}
ARMED_HEADS = {"force", "guard", "brigade", "battalion", "unit", "troop", "militia"}  # "a security force member"
LOOKED_AT = TOWN_HEADS | UNIT_WORDS | STRIKE_NOUNS | LOCAL_HEADS | UNKNOWN_HEADS | VICTIM_NOUNS | set(TRIBE_WORDS) | {
    "combatant", "combatants"}


def non_combatant(tok: Token) -> bool:
    """'non-combatants', which the tokenizer splits into three words."""
    return tok.lower_ in ("combatant", "combatants") and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" \
        and tok.doc[tok.i - 2].lower_ == "non"


class PhraseFinder(MilitiaFinder):
    """Candidates for actor phrases the dictionary cannot name."""

    def worth_a_look(self, word: str) -> bool:
        """Whether a lower-case form or lemma can start any finder below (a cheap prefilter)."""
        return word in LOOKED_AT or (word.endswith("s") and word in self.dic.countries.by_key)

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
            if lemma in LOCAL_HEADS and any(c.lower_ in LOCAL_WORDS[lemma] for c in tok.lefts) and not any(
                    t.lower_ in PATRON_MARKS for t in doc[tok.left_edge.i:tok.i]):  # "LNA-allied local fighters": the LNA's
                found.append((0, tok.left_edge.i, tok.i + 1, "LOCAL", self.sentence_town(tok)))
            if lemma in UNKNOWN_HEADS or tok.lower_ in UNKNOWN_HEADS:
                found += self.unknown(tok)
            if (lemma in VICTIM_NOUNS or tok.lower_ in VICTIM_NOUNS or self.nationals(tok) or non_combatant(tok)) \
                    and tok.dep_ != "compound":
                found += self.victims(tok)
        return self.repeated_units(doc, unnamed, found)

    def demonym_forces(self, head: Token):
        out = []
        for child in head.lefts:
            if child.dep_ not in ("amod", "compound", "nmod") or child.pos_ not in ("ADJ", "PROPN", "NOUN"):
                continue
            iso = self.dic.countries.by_key.get(child.lower_)
            if not iso or not child.text[:1].isupper():  # "car bomb" is no CAR
                continue
            if any(t.lower_ in COMPASS_WORDS for t in child.lefts) or \
                    child.i > 0 and head.doc[child.i - 1].lower_ in COMPASS_WORDS:
                continue  # "a central Mali attack", "a northern Syria strike": where, not who
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
        start = min(tok.left_edge.i, tok.i - 2) if non_combatant(tok) else tok.left_edge.i
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
