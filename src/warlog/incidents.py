"""One incident, one record: what a report tells in passing about its main event is part of it.

An event record is ACLED's unit: one day, one place, one pair of sides. A report tells its
main event first and then fills it in: the shelling of a battle ("bombardments by medium
and heavy weapons"), the kidnapping that set a clash off, the guards' air support, the two
fighters killed when ground was retaken. Those later mentions are not events of their own
when they are told just after it (within NEAR sentences), fall on the same day, at the same
place (or at no place of their own), between no sides but the main event's. They join the
main event, which keeps its type: the toll and the evidence they carry are its own. So do
remote violence of another kind on the same place and day by the same hand (an air raid, then
rockets fired into the same city), which ACLED codes as one event; the other side's reply
(air strikes answering shelling) is an event of its own.

Mentions with a place, a day or a side of their own stay events; so do protests and riots,
which are not the violence around them.
"""
from __future__ import annotations

from warlog.reconcile import (PLACE_FIELDS, actor_names, dates_overlap, distinct_sides, how_located, is_unknown,
                              places_agree, same_actor)

APART = ("Protests", "Riots")  # never part of another incident, nor the frame of one
NEAR = 3  # an episode is told within this many sentences of its main event


def part_of(main, mention) -> bool:
    """Whether `mention`, told after `main`, is an episode of it rather than an event."""
    if main.is_historical or mention.is_historical:
        return False
    if main.event_type in APART or mention.event_type in APART:
        return False
    if main.sub_event_type == mention.sub_event_type or main.event_type == mention.event_type == "Battles":
        return False  # reconcile's business (two tellings of one event)
    own_date = any(e.field == "date" for e in mention.evidence)  # else it is dated by the report
    if own_date and (main.event_date != mention.event_date or not dates_overlap(main, mention)):
        return False
    told = [e.sentence for e in main.evidence if e.field == "event"]
    if not any(0 <= e.sentence - t <= NEAR for e in mention.evidence if e.field == "event" for t in told):
        return False
    own_place = any(e.field == "location" for e in mention.evidence)
    if own_place and not places_agree(main, mention):
        return False
    if main.event_type != "Battles" and _answers(main, mention):
        return False  # the other side answering (air strikes in reply to shelling) is its own event
    sides = distinct_sides(actor_names(main))
    return all(any(same_actor(name, side) for side in sides) for name in distinct_sides(actor_names(mention)))


def _answers(main, mention) -> bool:
    """Whether `mention` is remote violence by the side `main` struck: the reply, not an episode."""
    hand, struck = mention.actor1, main.actor2
    return (mention.event_type == "Explosions/Remote violence" and bool(hand and struck) and not is_unknown(hand)
            and same_actor(hand, struck) and not (main.actor1 and same_actor(hand, main.actor1)))


def absorb(main, mention):
    """`main` with the evidence, and any larger toll, of an episode of it."""
    main.evidence = main.evidence + mention.evidence
    if (mention.fatalities or 0) > (main.fatalities or 0):
        main.fatalities, main.fatalities_best = mention.fatalities, mention.fatalities_best
        main.fatalities_low, main.fatalities_high = mention.fatalities_low, mention.fatalities_high
    if mention.injured is not None and mention.injured > (main.injured or 0):
        main.injured = mention.injured
    if how_located(mention) > how_located(main) and main.latitude is None:
        for field in PLACE_FIELDS:
            setattr(main, field, getattr(mention, field))
    return main


def fold_episodes(events: list) -> list:
    """The article's events (in text order) with every episode folded into its main event."""
    kept: list = []
    for ev in events:
        main = next((k for k in kept if part_of(k, ev)), None)
        if main is None:
            kept.append(ev)
        else:
            absorb(main, ev)
    return kept
