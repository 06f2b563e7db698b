"""Sides an event's note leaves unnamed or a parse loses, filled as ACLED coders fill them:
unnamed air raids are a state's, a battle's unnamed sides are unidentified armed groups, the
two sides of "between X and Y" read on the surface, local militias of the town the story is
at, and names in another spelling or inside a longer phrase."""
from __future__ import annotations


import pytest

from conftest import current_events, only_event
from warlog.model import Event
from warlog.nlp.coreference import attribute
from warlog.resolve.actors import ActorRef


events_of = current_events


def sides(event) -> set[str | None]:
    return {event.actor1, event.actor2}


def test_an_unnamed_air_raid_is_by_the_state_and_on_an_unidentified_group():
    ev = only_event("Air strikes hit the outskirts of Maarat al-Numan in Idlib province, Syria, on Tuesday.")
    assert ev.sub_event_type == "Air/drone strike"
    assert (ev.actor1, ev.actor2) == ("Military Forces of Syria", "Unidentified Armed Group (Syria)")


def test_air_strikes_told_within_a_battle_stay_part_of_it():
    ev = only_event("Clashes were reported in Kidal, Mali, where there were also air strikes.")
    assert ev.event_type == "Battles"


def test_a_battle_of_sides_never_named_is_between_unidentified_groups():
    ev = only_event("Clashes erupted overnight in the Bab al-Tebbaneh district of Tripoli, Lebanon.")
    assert sides(ev) == {"Unidentified Armed Group (Lebanon)"}


@pytest.mark.parametrize("text, expected", [
    (("Fighting broke out between gunmen from al-Shabaab and troops of the Somali National Army near Afgoye "
      "on Sunday."), {"Al Shabaab", "Military Forces of Somalia"}),
    (("Fighting continued between gunmen from the so-called Islamic State West Africa Province (ISWAP) and units "
      "of the Nigerian Army north of Maiduguri."),
     {"ISWAP: Islamic State West Africa Province", "Military Forces of Nigeria"}),
])
def test_between_x_from_a_group_and_y_reads_the_named_sides(text, expected):
    assert sides(only_event(text)) == expected


def test_local_militias_belong_to_the_town_named_in_the_next_sentence():
    ev = only_event("A clash was reported between al-Shabaab militants and local militias on Tuesday. "
                    "The fighting took place near the town of Beledweyne, Somalia.")
    assert sides(ev) == {"Al Shabaab", "Beledweyne Communal Militia (Somalia)"}


def test_patron_backed_local_militias_are_not_a_town_militia():
    ev = only_event("Government-backed local militias repelled an al-Shabaab assault on the town of Bulo Burde, Somalia.")
    assert sides(ev) == {"Pro-Government Militia (Somalia)", "Al Shabaab"}


def test_non_combatants_are_civilians():
    ev = only_event("Two non-combatants were wounded when a mortar round hit a market in Mogadishu, Somalia.")
    assert ev.actor2 == "Civilians (Somalia)"


@pytest.mark.parametrize("text, force", [
    ("A police sergeant was shot dead by gunmen in Peshawar, Pakistan, on Monday.", "Police Forces of Pakistan"),
    ("On Friday, three members of the government affiliated forces were killed in fighting in Aden, Yemen.",
     "Military Forces of Yemen"),  # "government" parsed as a sibling of "forces", not its modifier
])
def test_state_forces_named_by_rank_or_a_misparsed_modifier(text, force):
    assert force in sides(only_event(text))


def test_forces_of_a_group_spelled_otherwise_are_that_group():
    ev = only_event("Islamic State militants were repulsed by local forces of the Mujahideen Shoura Council "
                    "of Darna on Sunday.")
    assert "Shura Council of Darnah Mujahidin" in sides(ev)


def _event(**fields) -> Event:
    return Event(article_id="t", event_type=fields.pop("event_type", "Battles"),
                 sub_event_type=fields.pop("sub_event_type", "Armed clash"), **fields)


def test_a_claimer_already_a_side_is_not_made_the_other_side_too():
    ev = _event(actor2="Islamic State (Libya)", inter2=2)
    attribute(ev, ActorRef("Islamic State (Libya)", 2, "LY", "jihadist", "IS"))
    assert ev.actor1 is None


def test_a_claimer_of_violence_told_only_by_its_victims_is_its_perpetrator():
    ev = _event(event_type="Violence against civilians", sub_event_type="Attack",
                actor1="Civilians (Iraq)", inter1=7, actor2="Civilians (Iraq)", inter2=7)
    attribute(ev, ActorRef("Islamic State (Iraq)", 2, "IQ", "jihadist", "ISIL"))
    assert (ev.actor1, ev.actor2) == ("Islamic State (Iraq)", "Civilians (Iraq)")


def test_aircraft_from_a_town_named_in_a_longer_name_are_the_raiders():
    # "Dawn" is a word of the name "Libya Dawn" here, not a town of that name
    found = events_of("Libya Dawn aircraft from Zawiya are reported to have struck positions near Gharyan on Monday. "
                      "Residents said the air strike hit a farm.")
    assert [e.actor1 for e in found] == ["Zawiya Communal Militia (Libya)"]
