"""The `warlog_control` component: who holds which ground, as the article tells it.

Runs after warlog_events and warlog_claims and adds one "control" claim (attribute
`control`) per statement of control, for warlog.control to build per-place timelines from:

- ground taken, lost or encircled, read from the trigger of a territorial or siege event:
  who took it from whom, the whole place or a part of it ("retook a government compound"),
  and whether only "briefly";
- ground held: "the ISIS-held oilfield", "the last position held by government forces",
  "the rebel stronghold of X", "X-controlled";
- a share claim of warlog_claims ("80 percent of the city is under their control") read
  for who holds the share.

The claim's value is a dict: change (taken | lost | held | encircled | share), holder (who
holds the ground after), by (who acted), from (who held it before), part (the part of the
place, None for all of it), brief, share, place (name, geonameid, kind, country_code,
admin1, lat, lon), earliest and latest (ISO dates) and historical.
"""
from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from warlog.control.changes import place_key
from warlog.model import Claim, Event, Evidence
from warlog.nlp.doc_index import sentences
from warlog.nlp.targets import holds_people
from warlog.nlp.triggers import base_forms, trigger_kind

TERRITORIAL = {"Government regains territory", "Non-state actor overtakes territory",
               "Non-violent transfer of territory"}
CONTROL_KINDS = {"territory", "siege", "transfer"}
GIVING_UP = {"withdraw", "pull", "retreat", "abandon", "evacuate", "cede", "surrender", "lose"}
PRONOUNS = {"it", "them", "this", "that", "these", "those"}
BRIEFLY = {"briefly", "temporarily", "momentarily"}
HELD = {"held", "controlled", "occupied", "run", "dominated"}
STRONGHOLD = {"stronghold", "bastion", "bastions", "strongholds", "capital", "heartland"}
# "the city", "the town of X": the object is the place itself, not a part of it
COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
           "north-west", "south-east", "south-west", "outside"}
LOCATIVE = {"in", "at", "near", "inside", "around", "outside", "on"}
SETTLEMENT = {"city", "town", "village", "province", "governorate", "district", "region", "county",
              "municipality", "settlement", "hamlet", "capital", "stronghold", "oasis", "island"}


def _place_dict(span: Span | None = None, event: Event | None = None) -> dict | None:
    if span is not None and span._.place is not None:
        p = span._.place
        return {"name": p.name, "geonameid": p.geonameid, "kind": p.kind, "country_code": p.country_code,
                "admin1": p.admin1, "lat": p.latitude, "lon": p.longitude}
    if event is not None and event.location and event.location != event.country:
        kind = {3: "admin1"}.get(event.geo_precision or 1, "city")
        return {"name": event.location, "geonameid": event.geonameid, "kind": kind,
                "country_code": event.country_code, "admin1": event.admin1,
                "lat": event.latitude, "lon": event.longitude}
    return None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


class ControlReader:
    """Reads one document's statements of control into claims."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.article_id = doc._.article_id or ""
        self.places = [s for s in doc.spans.get("places", []) if s._.place is not None
                       and s._.place.kind not in ("country", "continent")]
        self.actor_at = {i: s for s in doc.spans.get("actors", []) if s._.actor is not None
                         for i in range(s.start, s.end)}
        self.sent_index = {s.start: n for n, s in enumerate(sentences(doc))}
        self.grounds: list[tuple[set[int], Claim]] = []  # the words of ground taken, and the claim

    # -- helpers ---------------------------------------------------------------------------

    def place_in(self, tokens: set[int]) -> Span | None:
        """The first place named among `tokens`, but for reference points ("east of Sirte")."""
        return next((s for s in self.places if s.start in tokens and not self._reference_point(s)), None)

    def _reference_point(self, span: Span) -> bool:
        doc = span.doc
        return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in COMPASS

    def actor_name(self, token: Token | None) -> str | None:
        if token is None:
            return None
        for t in [token, *sorted(token.subtree, key=lambda t: abs(t.i - token.i))]:
            if t.i in self.actor_at:
                return self.actor_at[t.i]._.actor.name
        return None

    def evidence(self, token: Token) -> Evidence:
        sent = token.sent
        return Evidence(self.article_id, self.sent_index.get(sent.start, 0), sent.start_char, sent.end_char,
                        sent.text, "control")

    @staticmethod
    def ground_of(trigger: Token) -> Token | None:
        """What was taken or surrounded: the object, the passive subject, 'of X', 'from X'."""
        if trigger.dep_ == "amod":  # "the besieged city"
            return trigger.head
        for dep in ("dobj", "obj", "nsubjpass", "attr"):
            found = next((c for c in trigger.children if c.dep_ == dep), None)
            if found is not None and found.lemma_.lower() == "control":  # "took control of X"
                of = next((c for c in [*found.children, *trigger.children] if c.dep_ == "prep" and c.lower_ == "of"),
                          None)
                found = next((c for c in of.children if c.dep_ == "pobj"), found) if of is not None else found
            if found is not None:
                return found
        preps = [c for c in trigger.children if c.dep_ == "prep"]
        preps += [g for c in preps if c.lower_ in ("out", "away") for g in c.children if g.dep_ == "prep"]
        for prep in (c for c in preps if c.lower_ in ("of", "from", "over")):  # "pulled out of X"
            found = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if found is not None:
                return found
        return None

    def where(self, trigger: Token, ground: Token | None, event: Event) -> tuple[dict | None, str | None, str]:
        """(place, the part of it taken or None for all of it, the place's name as written):
        a place in the ground ("the town of X"), or where it was taken ("seized a base in X"),
        or the event's place."""
        tokens = {t.i for t in ground.subtree} if ground is not None else set()
        around = {t.i for c in trigger.children if c.dep_ == "prep" and c.lower_ in LOCATIVE for t in c.subtree}
        span = self.place_in(tokens) or self.place_in(around)
        part = None if ground is None or self._is_place(ground, span) else self._phrase(ground)
        if span is not None:
            return _place_dict(span), part, span.text
        if any(self.doc[i].pos_ == "PROPN" and i not in self.actor_at for i in tokens):
            return None, part, ""  # a place named that we cannot place: not the event's place instead
        written = next((ev.text for ev in event.evidence if ev.field == "location"), event.location or "")
        return _place_dict(event=event), part, written

    def _people(self, ground: Token) -> bool:
        # people, not ground: "seized three men", "captured 40 fighters" ("encircled the militants
        # in X" is a siege of X all the same)
        return (holds_people(ground) or ground.like_num
                or (ground.i in self.actor_at and self.place_in({ground.i}) is None))

    @staticmethod
    def _is_place(ground: Token, span: Span | None) -> bool:
        if span is not None and span.start <= ground.i < span.end:
            return True  # "seized Manbij"
        if ground.lemma_.lower() in SETTLEMENT and ground.tag_ in ("NN", "NNP"):
            # "the town of Manbij", "the city" (the story's place)
            return span is not None or any(c.lower_ == "the" for c in ground.children)
        return False

    @staticmethod
    def _phrase(ground: Token) -> str:
        words = [t for t in ground.subtree if t.i <= ground.i or t.dep_ in ("conj", "cc")]
        text = " ".join(t.text for t in words if not t.is_punct or t.text == "-").replace(" - ", "-")
        return text[:80]

    # -- readings --------------------------------------------------------------------------

    def from_events(self) -> list[Claim]:
        out = []
        for event in self.doc._.events or []:
            for ev in event.evidence:
                if ev.field != "trigger":
                    continue
                span = self.doc.char_span(ev.start, ev.end, alignment_mode="expand")
                claim = self.from_trigger(span.root, event) if span is not None else None
                if claim is not None:
                    out.append(claim)
        return out

    def from_trigger(self, trigger: Token, event: Event) -> Claim | None:
        kind = trigger_kind(trigger)
        if kind not in CONTROL_KINDS or (kind != "siege" and event.sub_event_type not in TERRITORIAL):
            return None
        before_noun = trigger.head.i > trigger.i and trigger.head.pos_ in ("NOUN", "PROPN")
        if (trigger.dep_ == "amod" or before_noun) and trigger.head.lemma_.lower() not in SETTLEMENT:
            return None  # "surrounding buildings", "no damage to surrounding property"
        if kind == "siege" and trigger.pos_ != "NOUN" and trigger.dep_ not in ("acl", "relcl") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "agent") for c in trigger.children):
            return None  # a siege has besiegers: "damage to surrounding property" is none
        ground = self.ground_of(trigger)
        if kind != "siege" and ground is not None and self._people(ground):
            return None  # people seized are taken captive, not ground taken ("the trio were seized")
        place, part, name = self.where(trigger, ground, event)
        if place is None:
            return None
        by, other = event.actor1, event.actor2
        if kind == "siege":
            value = {"change": "encircled", "holder": other, "by": by, "from": None}
        elif kind == "transfer" and set(base_forms(trigger)) & GIVING_UP:
            value = {"change": "lost", "holder": other, "by": by, "from": by}
        else:
            value = {"change": "taken", "holder": by, "by": by, "from": other}
        brief = any(c.lower_ in BRIEFLY for c in trigger.children)
        grounds = {t.i for t in ground.subtree} if ground is not None else set()
        value.update(part=part, brief=brief, share=None, place=place, historical=event.is_historical,
                     earliest=_iso(event.date_earliest or event.event_date),
                     latest=_iso(event.date_latest or event.event_date))
        claim = Claim(subject=name, attribute="control", value=value, date=event.event_date,
                      evidence=self.evidence(trigger))
        self.grounds.append((grounds, claim))
        return claim

    def held(self) -> list[Claim]:
        """'the ISIS-held oilfield', 'a position held by the army', 'the rebel stronghold of X'.

        Ground held that is then taken in the same sentence was held until it was taken."""
        out, seen = [], set()
        for token in self.doc:
            holder, noun = self._holding(token)
            if holder is None or noun is None:
                continue
            tokens = {t.i for t in noun.subtree} | ({noun.head.i} if noun.dep_ == "appos" else set())
            taken = next((c for words, c in self.grounds if noun.i in words), None)
            same_sentence = [c for c in self.claims_in(token.sent) if c.value["change"] == "taken"]
            until = taken or (same_sentence[0] if same_sentence else None)
            span = self.place_in(tokens)
            place = _place_dict(span) if span is not None else (taken.value["place"] if taken else None)
            if place is None or (token.sent.start, place["name"], holder) in seen:
                continue
            seen.add((token.sent.start, place["name"], holder))
            whole = (span is not None and self._is_place(noun, span)) or noun.lemma_.lower() in STRONGHOLD
            latest = until.value["earliest"] if until is not None else _iso(self.doc._.published)
            if until is not None and str(until.value["part"]).lower() in PRONOUNS:
                until.value["part"] = self._phrase(noun)  # "the last position held by ... before they overran it"
            value = {"change": "held", "holder": holder, "by": holder, "from": None,
                     "part": None if whole else noun.text, "brief": False, "share": None, "place": place,
                     "historical": bool(until and until.value["historical"]), "earliest": None, "latest": latest}
            out.append(Claim(subject=span.text if span is not None else taken.subject, attribute="control",
                             value=value, date=date.fromisoformat(latest) if latest else None,
                             evidence=self.evidence(token)))
        return out

    def claims_in(self, sent: Span) -> list[Claim]:
        return [c for _, c in self.grounds if sent.start_char <= c.evidence.start < sent.end_char]

    def _holding(self, token: Token) -> tuple[str | None, Token | None]:
        word = token.lower_
        if word in HELD:
            nxt = self.doc[token.i - 1] if token.i > 0 else None
            if nxt is not None and nxt.text == "-" and token.i > 1:  # "ISIS-held"
                return self.actor_name(self.doc[token.i - 2]), token.head
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            if agent is not None and token.dep_ in ("acl", "amod"):  # "a position held by the army"
                return self.actor_name(next((c for c in agent.children if c.dep_ == "pobj"), None)), token.head
        if token.lemma_.lower() in STRONGHOLD:
            owner = next((c for c in token.children if c.dep_ in ("compound", "poss", "nmod")
                          and c.i in self.actor_at), None)
            return (self.actor_name(owner), token) if owner is not None else (None, None)
        return None, None

    def shares(self, events: list[Claim]) -> list[Claim]:
        """Share claims, with who holds the share: 'under their control' is the speaker's side,
        'cleared' / 'retaken' the side that last took ground there."""
        out = []
        for claim in self.doc._.claims or []:
            if claim.attribute != "share_controlled" or claim.evidence is None:
                continue
            sent = self.doc.char_span(claim.evidence.start, claim.evidence.end, alignment_mode="expand")
            if sent is None:
                continue
            span = next((s for s in reversed(self.places) if s.text == claim.subject
                         and s.start_char <= claim.evidence.end), None)
            place = _place_dict(span) if span else None
            taker = next((c.value["by"] for c in reversed(events) if place and c.value["change"] in ("taken", "encircled")
                          and place_key(c.value["place"]) == place_key(place)), None)
            holder = self._possessor(sent, claim.source) or taker
            value = {"change": "share", "holder": holder, "by": holder, "from": None, "part": None,
                     "brief": False, "share": claim.value, "place": place,
                     "historical": False, "earliest": _iso(claim.date), "latest": _iso(claim.date)}
            if value["place"] is None:
                continue
            out.append(Claim(subject=claim.subject, attribute="control", value=value, source=claim.source,
                             date=claim.date, evidence=Evidence(**{**_fields(claim.evidence), "field": "control"})))
        return out

    def _possessor(self, sent: Span, source: str | None) -> str | None:
        """'under their control' (the speaker's side), 'under the group's control'."""
        for token in sent:
            if token.lemma_.lower() != "control":
                continue
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is None:
                continue
            if owner.pos_ != "PRON":
                return self.actor_name(owner)
            text, start = sent.text, sent.start_char
            speaker = next((t for t in sent if source and text[t.idx - start:t.idx - start + len(source)] == source),
                           None)
            return self.actor_name(speaker) if speaker is not None else None
        return None

    def run(self) -> list[Claim]:
        events = self.from_events()
        return events + self.held() + self.shares(events)


def _fields(evidence: Evidence) -> dict:
    return {name: getattr(evidence, name) for name in ("article_id", "sentence", "start", "end", "text", "field")}


@Language.component("warlog_control")
def warlog_control(doc: Doc) -> Doc:
    """Add the document's statements of control to doc._.claims (see module docstring)."""
    doc._.claims = (doc._.claims or []) + ControlReader(doc).run()
    return doc
