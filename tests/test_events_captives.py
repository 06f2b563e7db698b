"""Events about people already in someone's hands: executions, killings of hostages, and the
capture told only to say who the victims were ("two nurses it had seized in May")."""
from __future__ import annotations

from datetime import date

import pytest

import warlog

PUBLISHED = date(2021, 6, 14)


def events(text: str):
    return [e for e in warlog.extract(text, published=PUBLISHED).events if not e.is_historical]


@pytest.mark.parametrize("text", [
    "The jihadist group said on Sunday it had executed two nurses it abducted last month near Kidal, Mali.",
    "Boko Haram fighters killed four aid workers they had kidnapped in May, the agency said from Maiduguri, Nigeria.",
    "Militants beheaded three of the seven villagers seized during a raid on Mocimboa da Praia, Mozambique.",
])
def test_a_capture_that_says_who_the_victims_were_is_no_event_of_its_own(text):
    found = events(text)
    assert [e.sub_event_type for e in found] == ["Attack"], [(e.sub_event_type, e.trigger) for e in found]
    assert found[0].actor2 and found[0].actor2.startswith("Civilians"), found[0].actor2


@pytest.mark.parametrize("text, force", [
    ("Islamic State fighters executed five captured Iraqi soldiers near Tal Afar, Iraq, on Saturday.", "Iraq"),
    ("Al-Shabaab said it beheaded two Kenyan police officers in Mandera, Kenya, on Friday.", "Kenya"),
    ("Gunmen murdered three kidnapped Nigerian soldiers in Zamfara, Nigeria, after a ransom was refused.", "Nigeria"),
])
def test_combatants_killed_in_captivity_are_coded_as_civilians(text, force):
    found = events(text)
    assert found and found[0].event_type == "Violence against civilians", [(e.sub_event_type, e.actor2) for e in found]
    ev = found[0]
    assert ev.actor2 == f"Civilians ({force})", (ev.actor1, ev.actor2)
    assert ev.assoc_actor_2 and force in ev.assoc_actor_2  # the force they belonged to is kept


def test_a_police_officer_murdered_at_home_stays_police():
    """Only the killing of people told as held (executed, or captured, kidnapped...) recodes them."""
    found = events("Gunmen murdered a police officer at his home in Peshawar, Pakistan, on Monday night.")
    assert found and found[0].actor2 and found[0].actor2.startswith("Police Forces"), [e.actor2 for e in found]


def test_a_village_seized_is_ground_not_a_person():
    """A place the model took for a person is what its appositive says: "X, a small village"."""
    found = events("Islamic State militants are reported to have seized Al Buayrat, a small village on the road "
                   "to Misrata, Libya, on Monday.")
    assert found and found[0].sub_event_type == "Non-state actor overtakes territory", \
        [(e.sub_event_type, e.actor1, e.actor2) for e in found]
    assert found[0].actor1.startswith("Islamic State")
