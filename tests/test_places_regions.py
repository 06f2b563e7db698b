"""Regions, seas and unions from data/places_regions.yaml: found, resolved, and no longer
read as the hamlets that share their names; region demonyms point to their region."""
from __future__ import annotations

from warlog.resolve.geo import haversine_km


def found(doc):
    return {s.text: s._.place for s in doc.spans["places"]}


def test_region_inside_a_country_is_found(places_nlp):
    doc = places_nlp("Thousands more families have fled the renewed fighting in Darfur for camps across "
                     "the border in Chad, aid agencies said on Tuesday.")
    darfur = found(doc)["Darfur"]
    assert darfur is not None and darfur.country_code == "SD"
    assert haversine_km(darfur.latitude, darfur.longitude, 13.5, 24.5) < 161


def test_sea_is_a_place_without_a_country(places_nlp):
    doc = places_nlp("The coastguard said 140 migrants were pulled from the Mediterranean after their "
                     "rubber boat sank off the Libyan town of Zuwara.")
    sea = found(doc)["Mediterranean"]
    assert sea is not None and sea.country_code == "" and 30 < sea.latitude < 40
    assert found(doc)["Zuwara"].country_code == "LY"


def test_region_beats_a_hamlet_and_stops_pulling_others(places_nlp):
    doc = places_nlp("Diplomats hope the truce will calm a Middle East already shaken by the war in "
                     "Syria, while talks continue in Damascus.")
    places = found(doc)
    assert places["Middle East"].kind == "continent"  # not the hamlet in Maryland
    assert places["Damascus"].country_code == "SY"


def test_union_by_name_and_abbreviation(places_nlp):
    doc = places_nlp("EU ministers meeting in Luxembourg agreed to extend the sanctions, a European "
                     "Union spokeswoman said.")
    places = found(doc)
    assert places["EU"] is not None and places["EU"].name == "European Union"
    assert places["European Union"] is places["EU"]


def test_region_demonym_points_to_its_region(places_nlp):
    doc = places_nlp("South Ossetian militiamen fired on the village overnight, the Georgian interior "
                     "ministry said, and Abkhaz officials closed the crossing.")
    demonyms = {s.text: s._.place for s in doc.spans["demonyms"]}
    assert demonyms["South Ossetian"].name == "South Ossetia"
    assert demonyms["Abkhaz"].name == "Abkhazia"
    assert demonyms["Georgian"].kind == "country"
    assert doc._.country_context[0] == "GE"
