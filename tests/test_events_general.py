"""Errors found on articles from other conflicts: aircraft that "strike", superlatives that are
no dates, habits and prevented acts that are no events, crowds that storm, countries as places."""
from __future__ import annotations

from datetime import date

import pytest

import warlog

PUBLISHED = date(2023, 10, 18)  # a Wednesday


def events(text: str):
    return [e for e in warlog.extract(text, published=PUBLISHED).events if not e.is_historical]


@pytest.mark.parametrize("text, sub_type", [
    ("Saudi-led coalition jets struck a fuel depot in Sanaa on Tuesday.", "Air/drone strike"),
    ("An Ethiopian drone hit a minibus near Dessie, local officials said.", "Air/drone strike"),
    ("The market in Kharkiv was struck by two Russian missiles overnight.", "Shelling/artillery/missile attack"),
])
def test_aircraft_and_missiles_that_strike_are_events(text, sub_type):
    assert [e.sub_event_type for e in events(text)] == [sub_type]


@pytest.mark.parametrize("text", [
    "The government and the unions struck a deal on wages late on Tuesday.",
    "A strong earthquake struck the coast of Sumatra on Tuesday.",
    "Households in Lagos have been hit hard by soaring food prices.",
    "A spokesman said that government troops only target armed separatists in the hills of Cameroon.",
])
def test_deals_quakes_prices_and_habits_are_no_events(text):
    assert not events(text), [(e.sub_event_type, e.trigger) for e in events(text)]


def test_a_superlative_since_a_year_does_not_date_the_event():
    [ev] = events("The suicide bombing, the worst since 2017, killed 23 worshippers in Peshawar on Monday.")
    assert ev.event_date == date(2023, 10, 16)


def test_a_date_under_a_participle_dates_the_strike():
    [ev] = events("A missile hit a warehouse storing grain in Odesa on Sunday, killing two workers.")
    assert ev.event_date == date(2023, 10, 15)


def test_a_bomb_with_only_its_victims_named_is_by_an_unidentified_group():
    [ev] = events("A roadside bomb tore through a police patrol outside Kandahar on Tuesday, killing four officers.")
    assert (ev.actor1 or "").startswith("Unidentified Armed Group"), ev.actor1


def test_a_bomber_shot_before_detonating_set_off_no_bomb():
    subs = [e.sub_event_type for e in events(
        "In Maiduguri, the attacker was shot dead by soldiers before detonating, the army said on Tuesday.")]
    assert subs and not any(s in ("Suicide bomb", "Remote explosive/landmine/IED", "Air/drone strike") for s in subs)


def test_protesters_who_storm_and_burn_riot():
    subs = [e.sub_event_type for e in events(
        "Angry protesters stormed the governor's office in Kisumu and set two vehicles ablaze on Tuesday.")]
    assert subs == ["Violent demonstration"]


def test_a_country_after_a_compass_word_is_where_not_who():
    [ev] = events("Bandits kill nine farmers in northwest Nigeria raid")
    assert "Military Forces" not in (ev.actor1 or "") and "Military Forces" not in (ev.actor2 or "")


def test_unnamed_rebels_are_an_armed_group_taking_ground():
    [ev] = events("Rebels seized the town of Kitchanga in eastern Congo on Tuesday after heavy fighting.")
    assert ev.sub_event_type == "Non-state actor overtakes territory"
