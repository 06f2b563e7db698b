"""Country context from the armed groups a short report names (written for the project)."""
from __future__ import annotations

import pytest

from conftest import parse


@pytest.fixture(scope="module")
def nlp(places_nlp):
    return places_nlp


def _places(nlp, text):
    doc = parse(nlp, text)
    return doc._.country_context, {s.text: s._.place for s in doc.spans["places"]}


def test_a_group_of_one_country_sets_the_country_of_an_ambiguous_town(nlp):
    context, places = _places(nlp, "Misrata militias shelled positions near Khoms on Sunday.")
    assert context[0] == "LY" and places["Khoms"].country_code == "LY"
    context, places = _places(nlp, "Clashes were reported in Derna between the Shura Council and LNA forces.")
    assert places["Derna"].country_code == "LY"


def test_a_demonym_of_state_forces_adds_no_second_vote(nlp):
    context, places = _places(nlp, "Russian forces captured the town of Lyman on Friday, Ukrainian officials said.")
    assert places["Lyman"].country_code == "UA"


def test_a_word_of_a_group_name_is_not_a_place(nlp):
    _context, places = _places(nlp, "Soldiers clashed with Abu Sayyaf militants in Patikul, Sulu, on Friday.")
    assert "Abu" not in places and places["Patikul"].country_code == "PH"


def test_a_town_the_gazetteer_lacks_takes_the_division_it_is_said_to_be_in(nlp):
    _context, places = _places(nlp, "Insurgents attacked the town of Palma in Cabo Delgado province on Wednesday.")
    assert places["Palma"].country_code == "MZ" and places["Palma"].kind == "admin1"
    _context, places = _places(nlp, "Police said two men were shot in Springfield, Ill., on Sunday.")
    assert places["Springfield"].admin1 == "Illinois" and places["Springfield"].kind == "city"


@pytest.mark.parametrize("text, town, country", [
    ("Russian artillery shelled Vovchansk overnight, regional officials said.", "Vovchansk", "UA"),
    ("Russian jets bombed Vovchansk on Monday. Rockets also hit the Russian border town of Shebekino.",
     "Vovchansk", "UA"),
    ("Israeli tanks shelled Beit Lahia on Monday, witnesses said.", "Beit Lahia", "PS"),
])
def test_a_town_across_the_attackers_border_is_no_homonym(nlp, text, town, country):
    """The attacker's nationality sets the context, but a small town of the country next door,
    called by its own name, is where the war is."""
    _, places = _places(nlp, text)
    assert places[town] is not None and places[town].country_code == country
