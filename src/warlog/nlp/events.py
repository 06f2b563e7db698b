"""The `warlog_events` component: events from triggers and their arguments on the parse.

Per sentence: find the triggers that are told as having happened, group those that tell one
event (a battle in which a town is retaken is one event; "killed" joins the attack that did
the killing), read each group's actors, place, date and tolls, and type it as ACLED does.
Writes doc._.events (warlog.model.Event, with evidence for every field it fills).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span

from warlog.ingest.text import is_chrome
from warlog.model import Event, Evidence
from warlog.nlp.arguments import (SentenceArgs, associates, event_clause, names_nothing, roles, sentence_actors,
                                  unnamed_of_named)
from warlog.nlp.coreference import (antecedent, attribute, complete_sides, fold, is_back_reference, responsibility,
                                    tells_aim)
from warlog.nlp.doc_index import doc_text, sentences
from warlog.nlp.event_setting import PlaceContext, best_date, best_place, event_tolls, precision_of
from warlog.nlp.realis import realis
from warlog.nlp.speech import source_tokens
from warlog.nlp.targets import holds_people, storms_a_building, target_class, target_of
from warlog.nlp.triggers import Trigger, find_triggers, lexicon
from warlog.reconcile import dates_overlap, places_agree
from warlog.resolve.actors import ActorDictionary
from warlog.resolve.casualties import combine_across, combine_tolls
from warlog.resolve.event_types import ARMED, CIVILIANS, PROTESTERS, RIOTERS, Facts, classify, main_kind
from warlog.resolve.gazetteer import get_gazetteer
from warlog.resolve.published import dateline_date

UNDATED_LAG_DAYS = 0  # as ACLED codes it: an event told without a date is dated by its report
HISTORY_DAYS = 60  # an event ending this long before publication is history, not news
FAMILY = {"fight": "battle", "siege": "battle", "advance": "battle", "territory": "battle",
          "attack": "battle", "air": "remote", "shell": "remote", "ied": "remote", "suicide": "remote",
          "grenade": "remote", "chemical": "remote", "kill": "vac", "abduct": "vac2", "sexual": "vac3",
          "protest": "demo", "riot": "demo"}
SYMMETRIC = {"fight", "siege", "advance", "attack"}
FORCEFUL = {"fight", "attack", "kill", "air", "shell", "ied", "suicide", "grenade", "siege"}
HOMETOWN_POPULATION = 10_000  # a town an armed group may be named after
CAPTURING = {"seize", "capture", "take", "storm", "snatch", "grab"}  # ground or people; the rest take ground
ONE_SIDED_KEYS = {"execute", "execution", "behead", "murder"}  # killings of people already held
FORCEFUL_KEYS = {"seize", "storm", "overrun", "capture", "retake", "recapture", "liberate", "regain", "oust", "drive out"}
EXECUTION_KEYS = {"execute", "execution", "behead"}
HELD_WORDS = {"captured", "kidnapped", "abducted", "detained", "held", "seized", "captive", "captives", "prisoner",
              "prisoners", "hostage", "hostages", "detainee", "detainees"}


def killed_in_captivity(group: list[Trigger], patient: Span | None) -> bool:
    """Whether armed people were killed in their captors' hands ("executed five soldiers",
    "murdered three captured policemen"): no longer combatants, ACLED codes them as civilians."""
    if patient is None or patient._.actor.inter not in ARMED:
        return False
    if any(t.key in EXECUTION_KEYS for t in group):
        return True
    return any(t.key in ONE_SIDED_KEYS for t in group) and any(
        t.lower_ in HELD_WORDS for t in patient.root.subtree)


def may_be_same(earlier: Event, mention: Event, place: bool = True) -> bool:
    """Whether a back-reference can be to an earlier event: same time, same place (unless the
    mention names no place of its own: then the place it got is only the story's context)."""
    return (earlier.is_historical == mention.is_historical and dates_overlap(earlier, mention)
            and (not place or places_agree(earlier, mention)))


VIOLENT_FAMILIES = ("battle", "remote", "vac")


def leftover_tolls(groups: list[list[Trigger]], args: SentenceArgs) -> list[Span]:
    """Counts of a sentence of several events that hang on none of them ("two guards are reported
    to have been killed and four kidnapped in an attack"): they go to its violent event."""
    taken = {s.start for g in groups for s in event_tolls([t.token for t in g], args, False)}
    return [s for s in args.tolls if s.start not in taken]


def _family(kind: str) -> str:
    return FAMILY.get(kind, kind)


def group_triggers(triggers: list[Trigger]) -> list[list[Trigger]]:
    """Triggers of one sentence that tell one event: by family; killings join the attack."""
    groups: dict[str, list[Trigger]] = {}
    for trig in triggers:
        groups.setdefault(_family(trig.kind), []).append(trig)
    # an attack told with explosives is the explosion; a killing is the attack that killed
    if "battle" in groups and "remote" in groups and all(t.kind == "attack" for t in groups["battle"]):
        groups["remote"] += groups.pop("battle")
    if "demo" in groups:
        for other in ("arrest", "battle", "loot", "vac"):
            if other == "vac" and "remote" in groups:
                continue  # "killed when shells hit a rally": the shelling killed them
            # protesters detained: the protest met intervention; rioters who clash or loot riot
            groups["demo"] += groups.pop(other, [])
        if any(t.kind in ("fight", "attack", "loot", "territory") for t in groups["demo"]):
            # a crowd that storms or burns riots: "demonstrators stormed parliament" takes no ground
            groups["demo"] = [replace(t, kind="riot") if t.kind in ("protest", "territory") else t
                              for t in groups["demo"]]
    if "vac" in groups and len(groups) > 1:
        target = next(k for k in ("remote", "battle", "demo", "vac2") if k in groups) if any(
            k in groups for k in ("remote", "battle", "demo", "vac2")) else None
        if target:
            groups[target] += groups.pop("vac")
    return [sorted(g, key=lambda t: t.token.i) for g in groups.values()]


class EventBuilder:
    """Walks a document's sentences and turns trigger groups into Events."""

    def __init__(self, doc: Doc):
        self.doc = doc
        # a wire dateline ("KABUL, May 3 —") dates the news more closely than the page does
        self.text = doc_text(doc)
        self.anchor = dateline_date(self.text, doc._.published) or doc._.published
        self.article_id = doc._.article_id or ""
        self.context = PlaceContext()
        self.gaz = get_gazetteer()
        self.told: dict[int, tuple[Event, list[Span]]] = {}  # id(event) -> (event, its toll spans)
        self.chrome_lines: dict[int, bool] = {}  # line start -> page furniture?

    def chrome(self, sent: Span) -> bool:
        """Whether the sentence starts on a line of page furniture ("Watch: Iraq targets ISIS …"),
        by the rule ingest uses to strip pages, for text given as it was scraped."""
        text = self.text
        start = text.rfind("\n", 0, sent.start_char) + 1
        if start not in self.chrome_lines:  # (a line's sentences share the answer)
            end = text.find("\n", sent.start_char)
            self.chrome_lines[start] = is_chrome(text[start:end if end >= 0 else len(text)])
        return self.chrome_lines[start]

    def evidence(self, span: Span, field: str, sent_i: int) -> Evidence:
        return Evidence(self.article_id, sent_i, span.start_char, span.end_char, span.text, field)

    def run(self) -> list[Event]:
        events: list[Event] = []
        before: list[tuple[SentenceArgs, int]] = []  # sentences with no event before the first event
        # ground taken in a story of fighting was fought for, even when its sentence says nothing
        found = [(sent, [] if self.chrome(sent) else [t for t in find_triggers(sent) if realis(t)[0]])
                 for sent in sentences(self.doc)]
        found = [(sent, [replace(t, kind="attack") if t.kind == "territory" and storms_a_building(t.token) else t
                         for t in trigs]) for sent, trigs in found]  # a building stormed is attacked
        self.fighting_told = any(t.kind in ("fight", "attack", "siege") for _s, ts in found for t in ts)
        for sent_i, sent in enumerate(sentences(self.doc)):
            if not found[sent_i][1] and names_nothing(sent):
                continue  # no event word and nothing to add to one
            sources = source_tokens(sent)
            args = SentenceArgs(sent, sources)
            about_who, claimer = responsibility(args)
            if claimer is not None and events:
                attribute(antecedent(events, sent_i + 1) or events[-1], claimer._.actor)
            # a sentence about who did it adds no event, unless it is the first telling
            triggers = [] if about_who and events else found[sent_i][1]
            groups = group_triggers(triggers)
            if not groups and events:
                self.add_tolls(events, args, sent_i)  # "Seven deaths reported."
            elif not groups:
                before.append((args, sent_i))  # "Nine bodies were exhumed." ... "They had been executed."
            extra = leftover_tolls(groups, args) if len(groups) > 1 else []
            violent = next((g for g in groups if _family(main_kind([t.kind for t in g])) in VIOLENT_FAMILIES), None)
            for group in groups:
                event = self.build(group, args, sent_i, alone=len(groups) == 1,
                                   extra=extra if group is violent else [])
                if event is None:
                    continue
                if claimer is not None and not events:
                    attribute(event, claimer._.actor)
                # "the blast", "both assaults", or a sentence that only counts the dead
                counts_only = all(t.kind == "kill" for t in group) \
                    and not any(e.field == "location" for e in event.evidence)
                back = is_back_reference([t.token for t in group])
                earlier = antecedent(events, sent_i, like=event if back else None) if back or counts_only else None
                if tells_aim([t.token for t in group], event, antecedent(events, sent_i)):
                    continue  # a side's word on what its strike just told aimed at: that strike
                if earlier is not None and may_be_same(earlier, event, place=not counts_only):
                    events[events.index(earlier)] = self.fold_tolls(earlier, event)
                else:
                    events.append(event)
                    if len(events) == 1:  # counts told just before the first event are its own
                        for prior_args, prior_i in before:
                            if sent_i - prior_i <= 2:
                                self.add_tolls(events, prior_args, prior_i, target=event)
            self.context.update(args)
        complete_sides(events, self.doc)
        return events

    def add_tolls(self, events: list[Event], args: SentenceArgs, sent_i: int, target: Event | None = None) -> None:
        """Counts told in a sentence of their own belong to the event just told (or `target`)."""
        earlier = target or antecedent(events, sent_i)
        counts = [s for s in args.tolls if s._.toll.kind in ("killed", "injured")]
        if earlier is None or not counts:
            return
        killed, injured, _side = combine_tolls(counts)
        mention = replace(earlier, evidence=[self.evidence(args.sent, "event", sent_i)], fatalities=0,
                          fatalities_low=None, fatalities_high=None, injured=None)
        self.set_tolls(mention, killed, injured, counts, sent_i)
        self.told[id(mention)] = (mention, counts)
        events[events.index(earlier)] = self.fold_tolls(earlier, mention)

    def fold_tolls(self, earlier: Event, mention: Event) -> Event:
        """fold(), with the toll of the two tellings counted over both (combine_across)."""
        merged = fold(earlier, mention)
        spans = self.told.get(id(earlier), (None, []))[1] + self.told.get(id(mention), (None, []))[1]
        self.told[id(merged)] = (merged, spans)
        killed, injured = combine_across(spans)
        self.set_tolls(merged, killed, injured, [], 0)  # (the spans' evidence is already on both)
        return merged

    def build(self, group: list[Trigger], args: SentenceArgs, sent_i: int, alone: bool,
              extra: list[Span] = ()) -> Event | None:
        kind = main_kind([t.kind for t in group])
        main = next(t for t in group if t.kind == kind)
        tokens = [t.token for t in group]
        agent = patient = None
        for trig in [main] + [t for t in group if t is not main]:
            a, p = roles(trig.token, args, symmetric=trig.kind in SYMMETRIC)
            agent, patient = agent or a, patient or p
        if patient is not None and agent is not None and patient.start == agent.start:
            patient = None
        strength = max(t.strength for t in group)
        armed = lambda s: s is not None and s._.actor.inter in ARMED  # noqa: E731
        if strength < 0.5 and not (armed(agent) or armed(patient)):
            return None  # a weak word ("strike", "advance") needs an armed actor to be an event
        # what the parse missed, the clause may still name: before the trigger the doer,
        # after it the target ("at least one of the airstrikes targeted … militants")
        others = [s for s in sentence_actors(args, exclude=set(), clause=event_clause(tokens))
                  if s is not agent and s is not patient and (agent is None or s._.actor.name != agent._.actor.name)]
        before = [s for s in others if s.start < main.token.i]
        after = [s for s in others if s.start > main.token.i]
        active = main.token.pos_ == "VERB" and not any(c.dep_ in ("nsubjpass", "auxpass") for c in main.token.children)
        if agent is None and before and (patient is None or active):
            agent = before.pop(0)  # the parse lost the subject ("IS executed two men": IS read as a verb)
        if patient is None and (after or before):
            patient = (after or before)[0]
        if kind in ("protest", "riot"):
            # demonstrators are the first actor of their protest; who intervened, the second
            crowd = next((s for s in args.actors if s._.actor.inter in (PROTESTERS, RIOTERS)), None)
            if crowd is not None and (agent is None or agent._.actor.inter not in (PROTESTERS, RIOTERS)):
                agent, patient = crowd, agent if agent is not None and agent is not crowd else patient
        if patient is not None and agent is not None and unnamed_of_named(agent, patient):
            patient = None  # "IS fighters attacked …, before gunmen stormed the hotel": the gunmen are IS
        if agent is not None and agent._.actor.inter == CIVILIANS and (patient is None or kind in SYMMETRIC):
            agent, patient = patient, agent  # civilians are who it was done to, not who fought
        tolls = event_tolls(tokens, args, alone) + list(extra)
        killed, injured, victims = combine_tolls(tolls)
        words = frozenset(t.lower_ for t in args.sent)
        # aircraft make an attack an air strike anywhere in its sentence ("warplanes struck …, an
        # attack that …"), but a clash only when they fight in it: "clashes continued, with the
        # air force carrying out airstrikes" is a battle with air support
        air_told = words if kind != "fight" else frozenset(t.lower_ for t in main.token.subtree)
        if "bomber" in air_told or "bombers" in air_told:  # a suicide bomber is a man, not a plane
            air_told = air_told - {t.lower_ for s in args.actors if s._.actor.inter not in (1, 8) for t in s}
        aimed_at = target_of(main.token)
        target = target_class(aimed_at)
        if kind == "territory" and main.key in CAPTURING:
            # people seized, of any side, are captives: "captured two medical workers", "seized five soldiers"
            target = "person" if holds_people(aimed_at) else target
        elif kind == "territory" and target == "person":
            target = None  # a place the model took for a person: "liberated Sidi Faraj"
        if kind == "territory" and target == "materiel" and len(group) == 1:
            return None  # weapons or vehicles seized: part of another event, not ground taken
        etype, sub, civ = classify(Facts(
            kind=kind, inter1=agent._.actor.inter if agent else None,
            inter2=patient._.actor.inter if patient else None, victims=victims, words=words,
            target=target, aerial=bool(air_told & lexicon().air_words),
            one_sided=any(t.key in ONE_SIDED_KEYS for t in group),
            deadly=bool(killed) or any(t.kind == "kill" for t in group),
            forceful=bool(tolls) or any(t.kind in FORCEFUL for t in group) or main.key in FORCEFUL_KEYS
            or self.fighting_told))
        if etype == "Strategic developments" and agent is None and patient is None and strength < 0.8:
            return None
        sent = args.sent
        ev = Event(article_id=self.article_id, event_type=etype, sub_event_type=sub,
                   civilian_targeting=civ, trigger=main.token.text, notes=sent.text.strip(),
                   evidence=[self.evidence(sent, "event", sent_i),
                             self.evidence(self.doc[main.token.i:main.token.i + 1], "trigger", sent_i)])
        self.set_actors(ev, agent, patient, args, sent_i, captives=etype == "Violence against civilians"
                        and killed_in_captivity(group, patient))
        self.set_place(ev, tokens, args, sent_i)
        self.set_date(ev, tokens, args, sent_i)
        self.set_tolls(ev, killed, injured, tolls, sent_i)
        self.told[id(ev)] = (ev, tolls)
        ev.confidence = round(min(0.99, 0.4 * strength + 0.2 + 0.1 * bool(ev.actor1) + 0.1 * bool(ev.actor2)
                                  + 0.1 * (ev.geo_precision is not None) + 0.1 * bool(args.dates)), 3)
        ev.id = ""
        ev.__post_init__()
        return ev

    def set_actors(self, ev: Event, agent: Span | None, patient: Span | None, args: SentenceArgs,
                   sent_i: int, captives: bool = False) -> None:
        """Actors and their allies; `captives`: the second side, killed in captivity, is coded
        as civilians, with the force they belonged to as its associate."""
        for role, span in (("actor1", agent), ("actor2", patient)):
            if span is None:
                continue
            n = role[-1]
            setattr(ev, role, span._.actor.name)
            setattr(ev, f"inter{n}", span._.actor.inter)
            ev.evidence.append(self.evidence(span, role, sent_i))
            allies = associates(span, args)
            if role == "actor2" and captives:
                ref = ActorDictionary.load().generic_ref("civilians", span._.actor.country, span.text)
                ev.actor2, ev.inter2, ev.assoc_actor_2 = ref.name, ref.inter, span._.actor.name
                ev.evidence.append(self.evidence(span, "assoc_actor_2", sent_i))
                continue
            if allies:
                setattr(ev, f"assoc_actor_{n}", "; ".join(a._.actor.name for a in allies))
                ev.evidence += [self.evidence(a, f"assoc_actor_{n}", sent_i) for a in allies]

    def set_place(self, ev: Event, tokens, args: SentenceArgs, sent_i: int) -> None:
        span, precision = best_place(tokens, args)
        confident = span is not None
        ctx = self.context.current
        if ctx is not None and (span is None or span._.place.kind == "country"
                                and span._.place.country_code == ctx._.place.country_code):
            # no town named here (or only its country): the story's current place
            span, precision, confident = ctx, precision_of(ctx), False
        if span is None:
            context = self.doc._.country_context or []
            home = self.hometown(args, context[0]) if context else None
            if home is not None:  # "clashes between the Derna Shura Council and IS": around Derna
                ev.location, ev.latitude, ev.longitude = home.name, home.latitude, home.longitude
                ev.geonameid, ev.admin1, ev.admin2, ev.geo_precision = home.geonameid, home.admin1, home.admin2, 2
                self.set_country(ev, home.country_code)
            elif context:
                self.set_country(ev, context[0])
                ev.geo_precision = None
            return
        place = span._.place
        ev.location, ev.latitude, ev.longitude = place.name, place.latitude, place.longitude
        ev.geonameid, ev.admin1, ev.admin2 = place.geonameid, place.admin1, place.admin2
        ev.geo_precision = precision
        self.set_country(ev, place.country_code)
        if confident:
            ev.evidence.append(self.evidence(span, "location", sent_i))

    def hometown(self, args: SentenceArgs, country: str):
        """A town of the story's country that an actor of the sentence is named after, for an
        event told nowhere else: armed groups named for their town fight around it."""
        for span in args.actors:
            for tok in span:
                if tok.pos_ != "PROPN" or len(tok.text) < 4:
                    continue
                town = next((p for p in self.gaz.lookup(tok.text) if p.kind == "city"
                             and p.country_code == country and p.population >= HOMETOWN_POPULATION), None)
                if town is not None:
                    return town
        return None

    def set_country(self, ev: Event, code: str | None) -> None:
        if not code:
            return
        name, iso_numeric, _iso3 = self.gaz.country_info(code)
        ev.country_code, ev.country, ev.iso = code, name, iso_numeric

    def set_date(self, ev: Event, tokens, args: SentenceArgs, sent_i: int) -> None:
        span = best_date(tokens, args)
        if span is not None:
            when = span._.when
            ev.event_date = when.value or when.latest
            ev.date_earliest, ev.date_latest = when.earliest or when.value, when.latest or when.value
            ev.time_precision = when.precision
            ev.evidence.append(self.evidence(span, "date", sent_i))
        elif self.anchor is not None:
            # no time said: news of the last few days, dated by the report (ACLED's rule)
            ev.event_date, ev.date_latest = self.anchor - timedelta(days=UNDATED_LAG_DAYS), self.anchor
            ev.date_earliest, ev.time_precision = self.anchor - timedelta(days=6), 2
        if self.anchor is not None and ev.date_latest is not None:
            ev.is_historical = ev.date_latest < self.anchor - timedelta(days=HISTORY_DAYS)

    def set_tolls(self, ev: Event, killed, injured, tolls: list[Span], sent_i: int) -> None:
        if killed is not None:
            ev.fatalities_low, ev.fatalities, ev.fatalities_high = killed
            ev.fatalities = ev.fatalities or 0
            ev.fatalities_best = ev.fatalities  # one report: its stated (conservative) figure
        if injured is not None:
            ev.injured = injured[1]
        for span in tolls:
            ev.evidence.append(self.evidence(span, "fatalities" if span._.toll.kind == "killed"
                                             else span._.toll.kind, sent_i))


@Language.component("warlog_events")
def warlog_events(doc: Doc) -> Doc:
    """Find the events of a document (see module docstring)."""
    doc._.events = EventBuilder(doc).run()
    return doc
