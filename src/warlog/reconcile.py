"""Reconciliation: one record per real event.

A wire story tells its main event in the lede and again in the body ("36 people killed" …
"along with the 36 militiamen killed"). Mentions of one article that agree on type, date
window, place and actors are merged into one Event carrying the evidence of all of them;
within one report the fullest toll stands (the lede's "at least 30" gives way to the body's 36).

Across articles the same test (`compatible`) finds the event another report tells; the event
then lists every report, and its toll covers them all, UCDP-style (`combine_reports`): low is
the lowest figure any report gives, high the highest, best the median of the reports' figures;
ACLED's `fatalities` is the conservative one, the lowest figure. Contradicting reports are
kept side by side (each report's own figures stay on its report row, and its claims).
"""
from __future__ import annotations

from dataclasses import replace

from warlog.resolve.actors import ActorDictionary, interaction
from warlog.resolve.geo import haversine_km

SAME_PLACE_KM = 40.0  # two town-level places this close are one location
SAME_REGION_KM = 120.0  # when either place is a region (geo_precision 3)
PLACE_FIELDS = ("location", "latitude", "longitude", "geo_precision", "geonameid", "admin1", "admin2",
                "country", "country_code", "iso")  # what an event's place is
SPECIFIC = {"Government regains territory": 2, "Non-state actor overtakes territory": 2, "Armed clash": 1}


def dates_overlap(a, b) -> bool:
    if a.date_earliest is None or b.date_earliest is None:
        return True
    return a.date_earliest <= (b.date_latest or b.date_earliest) and b.date_earliest <= (a.date_latest or a.date_earliest)


def _whole_country(e) -> bool:
    return e.location is not None and e.location == e.country


def places_agree(a, b) -> bool:
    """Same place: within SAME_PLACE_KM (SAME_REGION_KM for regions); an event placed only in
    its country ("air strikes in Libya") agrees with any place of that country. Places of two
    countries never agree, however near (Sderot and Gaza City)."""
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return False
    if a.latitude is None or b.latitude is None or _whole_country(a) or _whole_country(b):
        return a.country_code is None or b.country_code is None or a.country_code == b.country_code
    limit = SAME_REGION_KM if 3 in (a.geo_precision, b.geo_precision) else SAME_PLACE_KM
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= limit


def actor_names(e) -> set[str]:
    return {x for x in (e.actor1, e.actor2) if x}


def same_actor(x: str, y: str) -> bool:
    """'Military Forces of Libya' and 'Military Forces of Libya (Government of National Accord)'
    name one side; so does a name and itself."""
    return x == y or x.startswith(y) or y.startswith(x)


def is_unknown(name: str | None) -> bool:
    """An unidentified armed group: anyone, until a report names them."""
    return bool(name) and name.startswith("Unidentified")


def distinct_sides(names) -> list[str]:
    """Distinct sides among actor names; civilians are on the receiving end, not a side, and an
    unidentified group may be any side."""
    sides: list[str] = []
    for name in names:
        if name.startswith("Civilians") or is_unknown(name) or any(same_actor(name, s) for s in sides):
            continue
        sides.append(name)
    return sides


def _types_agree(a, b) -> bool:
    if a.event_type != b.event_type:
        return False
    return a.event_type == "Battles" or a.sub_event_type == b.sub_event_type


def compatible(a, b, one_story: bool = False) -> bool:
    """Whether two event records can be the same real event. In `one_story` (two mentions of
    one article) a mention that names no place of its own has only the story's context for a
    place, which cannot tell it apart from the other."""
    if a.is_historical != b.is_historical or not _types_agree(a, b):
        return False
    unplaced = one_story and not (how_located(a)[0] and how_located(b)[0])
    if not dates_overlap(a, b) or not (unplaced or places_agree(a, b)):
        return False
    if a.event_type != "Battles" and a.actor1 and b.actor1 and not same_actor(a.actor1, b.actor1) \
            and not is_unknown(a.actor1) and not is_unknown(b.actor1):
        return False  # one strike, one bombing, one attack: one perpetrator
    # two reports of one event name at most two sides between them
    return len(distinct_sides(actor_names(a) | actor_names(b))) <= 2


def how_located(e) -> tuple[bool, int]:
    """How well an event is placed: named in its own sentence first, then finer precision."""
    return any(ev.field == "location" for ev in e.evidence), -(e.geo_precision or 9)


def merge(a, b):
    """One event from two records of it; `a` is the one told first."""
    m = replace(a, evidence=a.evidence + b.evidence)
    if a.event_type == b.event_type and SPECIFIC.get(b.sub_event_type, 0) > SPECIFIC.get(a.sub_event_type, 0):
        m.sub_event_type = b.sub_event_type
    if (b.time_precision, b.event_date is None) < (a.time_precision, a.event_date is None):
        m.event_date, m.time_precision = b.event_date, b.time_precision
        m.date_earliest, m.date_latest = b.date_earliest, b.date_latest
    if how_located(b) > how_located(a):
        for f in PLACE_FIELDS:
            setattr(m, f, getattr(b, f))
    known = lambda n: any(same_actor(n, x) for x in actor_names(m))  # noqa: E731
    for n in ("1", "2"):  # who did it and to whom keep their roles
        name = getattr(b, "actor" + n)
        if (getattr(m, "actor" + n) is None or is_unknown(getattr(m, "actor" + n)) and not is_unknown(name)) \
                and name and not known(name):
            setattr(m, "actor" + n, name)
            setattr(m, "inter" + n, getattr(b, "inter" + n))
    if m.event_type == "Battles":  # in a battle the sides have no order: fill any gap
        for n in ("1", "2"):
            for k in ("1", "2"):
                name = getattr(b, "actor" + k)
                if getattr(m, "actor" + n) is None and name and not known(name):
                    setattr(m, "actor" + n, name)
                    setattr(m, "inter" + n, getattr(b, "inter" + k))
    m.assoc_actor_1 = m.assoc_actor_1 or b.assoc_actor_1
    m.assoc_actor_2 = m.assoc_actor_2 or b.assoc_actor_2
    if b.fatalities_low is not None or b.fatalities_high is not None:
        lows = [x for x in (a.fatalities_low, b.fatalities_low) if x is not None]
        highs = [x for x in (a.fatalities_high, b.fatalities_high) if x is not None]
        open_above = any(e.fatalities_high is None and e.fatalities_low is not None for e in (a, b))
        m.fatalities_low = min(lows) if lows else None
        m.fatalities = max(a.fatalities, b.fatalities)
        # "at least 2" told beside "1": no upper bound; never a high below the figure coded
        m.fatalities_high = None if open_above or not highs else max(max(highs), m.fatalities)
        m.fatalities_best = max(x for x in (a.fatalities_best, b.fatalities_best, m.fatalities) if x is not None)
    if b.injured is not None:
        m.injured = max(a.injured or 0, b.injured)
    m.civilian_targeting = a.civilian_targeting or b.civilian_targeting
    m.confidence = round(min(0.99, max(a.confidence, b.confidence) + 0.05), 3)
    return m


def merge_within(events: list) -> list:
    """Merge the records of one article that tell the same event (in text order), settled."""
    merged: list = []
    for ev in events:
        candidates = [(i, m) for i, m in enumerate(merged) if compatible(m, ev, one_story=True)]
        if not candidates:
            merged.append(ev)
            continue
        i, target = max(candidates, key=lambda im: (im[1].sub_event_type == ev.sub_event_type,
                                                     -len(distinct_sides(actor_names(im[1]) | actor_names(ev))), im[0]))
        merged[i] = merge(target, ev)
    from warlog.incidents import fold_episodes  # (imported here: incidents builds on this module)

    merged = fold_episodes(merged)
    for ev in merged:
        other_side(ev, merged)
    return [settle(ev) for ev in merged]


NEAR_SENTENCES = 6


def _told_at(ev) -> list[int]:
    return [e.sentence for e in ev.evidence if e.field == "event"]


def other_side(event, events: list) -> None:
    """A battle told with one side only ("forces pushed into the city and retook the hospital")
    is fought against the side the same story has them fighting at that place, nearest first."""
    if event.event_type != "Battles" or (event.actor1 is None) == (event.actor2 is None):
        return
    known = event.actor1 or event.actor2
    here = _told_at(event)

    def distance(other) -> int:
        return min((abs(a - b) for a in here for b in _told_at(other)), default=99)

    for other in sorted((o for o in events if o is not event), key=distance):
        if distance(other) > NEAR_SENTENCES:
            return
        if other.event_type != "Battles" or other.is_historical != event.is_historical \
                or not places_agree(other, event):
            continue
        sides = [(other.actor1, other.inter1), (other.actor2, other.inter2)]
        if any(name and same_actor(name, known) for name, _ in sides):
            name, inter = next(((n, i) for n, i in sides if n and not same_actor(n, known)), (None, None))
            if name is not None:
                slot = "2" if event.actor1 else "1"
                setattr(event, "actor" + slot, name)
                setattr(event, "inter" + slot, inter)
                return


TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")


def settle(ev):
    """Final ACLED conventions on a reconciled event: the one actor known is actor1 (unless it
    is the civilians hit, or ground taken from it); violence against civilians by nobody
    named is by an unidentified armed group, and so is an explosion or the unnamed side of a battle;
    violence against civilians with no victims named is against the civilians; interaction from
    the two inter codes."""
    if ev.actor1 is None and ev.actor2 is not None and ev.inter2 != 7 and ev.sub_event_type not in TERRITORY:
        ev.actor1, ev.inter1, ev.actor2, ev.inter2 = ev.actor2, ev.inter2, None, None
        ev.assoc_actor_1, ev.assoc_actor_2 = ev.assoc_actor_2, None
        for e in ev.evidence:
            e.field = {"actor2": "actor1", "assoc_actor_2": "assoc_actor_1"}.get(e.field, e.field)
    dic = ActorDictionary.load()
    if ev.event_type == "Protests" and ev.inter1 in (None, 7):  # "hundreds of people marched": the crowd
        ev.actor1, ev.inter1 = (ref := dic.generic_ref("protesters", ev.country_code, "")).name, ref.inter
        if ev.inter2 == 7:
            ev.actor2, ev.inter2 = None, None
    if ev.actor1 is None and ev.event_type in ("Violence against civilians", "Explosions/Remote violence"):
        ref = dic.generic_ref("unidentified", ev.country_code, "")
        ev.actor1, ev.inter1 = ref.name, ref.inter
    if ev.actor2 is None and ev.actor1 is not None and ev.event_type in ("Violence against civilians", "Battles"):
        # violence against civilians is done to civilians; a battle has a second side, if unnamed
        ref = dic.generic_ref("civilians" if ev.event_type != "Battles" else "unidentified", ev.country_code, "")
        ev.actor2, ev.inter2 = ref.name, ref.inter
    ev.interaction = interaction(ev.inter1, ev.inter2) if ev.inter1 is not None else None
    return ev


def report_figures(ev) -> dict:
    """One report's own toll for an event, as kept on its report row."""
    return {"fatalities": ev.fatalities if ev.fatalities_low is not None or ev.fatalities else None,
            "fatalities_low": ev.fatalities_low, "fatalities_best": ev.fatalities_best,
            "fatalities_high": ev.fatalities_high, "injured": ev.injured}


def combine_reports(reports: list[dict]) -> dict:
    """The toll of an event from every report's own figures (see the module docstring)."""
    told = [r for r in reports if r.get("fatalities_low") is not None or r.get("fatalities")]
    out = {"fatalities": 0, "fatalities_low": None, "fatalities_best": None, "fatalities_high": None}
    if told:
        bests = sorted(r["fatalities_best"] if r.get("fatalities_best") is not None else r["fatalities"] or 0
                       for r in told)
        out["fatalities"] = min(r["fatalities"] or 0 for r in told)
        out["fatalities_low"] = min(r["fatalities_low"] if r["fatalities_low"] is not None else r["fatalities"] or 0
                                    for r in told)
        out["fatalities_best"] = bests[(len(bests) - 1) // 2]
        highs = [r["fatalities_high"] if r["fatalities_high"] is not None else r["fatalities_best"] for r in told]
        out["fatalities_high"] = max(h for h in highs if h is not None) if any(h is not None for h in highs) else None
    injured = [r["injured"] for r in reports if r.get("injured") is not None]
    out["injured"] = max(injured) if injured else None
    return out


def match_cost(a, b) -> float:
    """How far apart two compatible records are: km over the place tolerance plus days apart."""
    km = 0.0
    if a.latitude is not None and b.latitude is not None:
        km = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) / SAME_PLACE_KM
    days = abs((a.event_date - b.event_date).days) if a.event_date and b.event_date else 1
    return km + days


def merge_report(existing, new):
    """The event `existing` once another article's record of it, `new`, is added."""
    merged = merge(existing, new)
    merged.id, merged.article_id = existing.id, existing.article_id
    return merged
