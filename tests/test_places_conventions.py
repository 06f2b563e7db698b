"""Where countries are placed, national capitals in their country's stories, lists of names
that are no containers, and demonyms that open a place's name."""
from __future__ import annotations

import pytest

from warlog.resolve import place_fit
from warlog.resolve.geo import haversine_km


def places(doc) -> dict:
    return {s.text: s._.place for s in doc.spans["places"]}


@pytest.mark.parametrize("code, point", [
    ("CA", (60.0, -95.0)),  # the Factbook's point, not the populated south
    ("ID", (-5.0, 120.0)),
    ("RU", (60.0, 100.0)),
    ("US", (39.83, -98.58)),  # GeoNames: the centre of the contiguous states
])
def test_country_at_its_reference_point(gaz, code, point):
    country = gaz.country(code)
    assert haversine_km(country.latitude, country.longitude, *point) < 161


def test_capitals_are_known(gaz):
    capitals = {(p.name, p.country_code) for name in ("Nairobi", "Canberra", "Ottawa")
                for p in gaz.lookup(name) if p.geonameid in gaz.capitals}
    assert capitals == {("Nairobi", "KE"), ("Canberra", "AU"), ("Ottawa", "CA")}


CAPITAL_STORY = "The senator from Texas said Washington must pay for the new fence near El Paso before the summer."


def test_capital_in_a_story_of_its_country(places_nlp):
    washington = places(places_nlp(CAPITAL_STORY))["Washington"]
    assert washington.kind == "city" and haversine_km(washington.latitude, washington.longitude, 38.9, -77.04) < 30


def test_capital_rule_is_what_decides(places_nlp, monkeypatch):
    monkeypatch.setattr(place_fit, "W_CAPITAL", 0.0)
    assert places(places_nlp(CAPITAL_STORY))["Washington"].kind == "admin1"  # the state, without the rule


def test_capital_of_a_country_the_story_is_not_about(places_nlp):
    found = places(places_nlp("Paris police arrested a man in Henry County, Tennessee, after a chase on Highway 79."))
    assert found["Paris"].country_code == "US" and found["Paris"].admin1 == "Tennessee"


def test_names_in_a_list_do_not_contain_one_another(places_nlp):
    found = places(places_nlp("Envoys met in Vienna, Geneva, Oslo and Doha over the past year without a deal."))
    assert [found[n].country_code for n in ("Vienna", "Geneva", "Oslo", "Doha")] == ["AT", "CH", "NO", "QA"]
    found = places(places_nlp("Flooding forced evacuations in Manitoba, Minnesota, and North Dakota this week."))
    assert found["Manitoba"].country_code == "CA"


def test_town_then_its_state_in_a_list_still_binds(places_nlp):
    found = places(places_nlp("Snow closed schools in Springfield, Ill., and Dayton, Ohio, on Tuesday."))
    assert found["Springfield"].admin1 == "Illinois" and found["Dayton"].admin1 == "Ohio"
    found = places(places_nlp("A roadside bomb hit a patrol near Hawija, Kirkuk, Iraq, on Sunday."))
    assert found["Hawija"].country_code == "IQ"


def test_demonym_opening_a_place_name(places_nlp):
    doc = places_nlp("Bird flu was confirmed on two farms in British Columbia, the agriculture ministry said, "
                     "weeks after a cyclone crossed the Indian Ocean.")
    found = places(doc)
    assert found["British Columbia"].country_code == "CA" and found["British Columbia"].kind == "admin1"
    assert "Indian Ocean" in found
    assert not [s.text for s in doc.spans["demonyms"]]


def test_former_country_names(places_nlp):
    found = places(places_nlp("Outbreaks were reported in Macedonia and Albania, and later in the Republic of Congo."))
    assert found["Macedonia"].country_code == "MK" and found["Republic of Congo"].country_code == "CG"


@pytest.mark.parametrize("text, name, country", [
    # a name given as an alternate of a city thirty times larger is that city, not a village
    # that has it as its own name (Darnah in Libya, "Derna" in Romania)
    ("Two fighters were killed in Derna on Sunday.", "Derna", "LY"),
])
def test_a_much_larger_city_by_an_alternate_name(places_nlp, text, name, country):
    assert places(places_nlp(text))[name].country_code == country


@pytest.mark.parametrize("text, prefix", [
    # the first word of an Arabic place name the gazetteer lacks is not a place of its own
    ("Troops retook the Abu Grein position on the coastal road after heavy fighting.", "Abu"),
    ("Gunmen from the Bab Tajoura militia seized a man in the capital's Suq al-Juma district.", "Bab"),
])
def test_the_opening_word_of_a_longer_name_is_no_place(places_nlp, text, prefix):
    assert prefix not in places(places_nlp(text))


def test_an_agreement_named_after_a_city_does_not_place_a_clash(places_nlp):
    doc = places_nlp("Tribesmen clashed in Ubari on Monday in breach of the Doha ceasefire agreement.")
    found = places(doc)
    assert found["Ubari"].country_code == "LY" and found.get("Doha") is None


def test_a_city_abroad_matched_by_another_spelling_is_not_taken(places_nlp):
    # the gazetteer lacks the Malian village of Boni; "Boni" is also a spelling of Bonn
    found = places(places_nlp("Jihadists attacked an army convoy near Boni, in central Mali, and burned "
                              "trucks on the road to Mopti."))
    assert found["Mopti"].country_code == "ML"
    assert found.get("Boni") is None


@pytest.mark.parametrize("text, name, country", [
    # towns the model reads as people, where only a place can stand: measured from, or gone to
    ("The convoy was ambushed about 20 kilometres east of Douentza, in central Mali.", "Douentza", "ML"),
    ("Soldiers in central Mali found burned trucks on the road from Douentza.", "Douentza", "ML"),
])
def test_towns_in_slots_of_distance_and_direction(places_nlp, text, name, country):
    assert places(places_nlp(text))[name].country_code == country
