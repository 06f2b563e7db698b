"""Divisions a text names as such ("Vinton County Court", "Wirt County deputies"), however few
towns the gazetteer counts in them, and English names of divisions the packaged data spells
otherwise ("Saladin", "Nineveh")."""
from __future__ import annotations

import pytest


def places(doc) -> dict:
    return {s.text: s._.place for s in doc.spans["places"]}


@pytest.mark.parametrize("text, name, admin1", [  # the NER reads them as organisations
    ("A spokesman for the Tucker County Commission said the levy would go to voters in May.",
     "Tucker County", "West Virginia"),
    ("The Vinton County Board of Elections certified the results late Tuesday.",
     "Vinton County", "Ohio"),
])
def test_a_county_named_as_such_is_found(places_nlp, text, name, admin1):
    """However few towns the gazetteer counts in it ("Tucker", a town, is not the county)."""
    found = places(places_nlp(text))
    assert name in found and found[name].kind == "admin2" and found[name].admin1 == admin1


def test_a_county_word_does_not_make_a_place_of_any_name(places_nlp):
    found = places(places_nlp("The Blorvex County Fair opens on Friday with a tractor pull."))
    assert not any("Blorvex" in text for text in found)


@pytest.mark.parametrize("text, name, division", [
    ("Gunmen ambushed a police patrol near Tikrit in Saladin province on Sunday, killing four officers.",
     "Saladin", "Salah ad Din Governorate"),
    ("Militants shelled villages east of Mosul in Nineveh, the provincial council said.",
     "Nineveh", "Ninawa"),
])
def test_english_names_of_iraqi_provinces(places_nlp, text, name, division):
    place = places(places_nlp(text))[name]
    assert place.kind == "admin1" and place.country_code == "IQ" and place.admin1 == division
