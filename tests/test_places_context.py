"""Toponym finding and resolution in context: demonyms, abbreviations, datelines, parts of
names, surnames, co-located names, facility names, and the points of countries and regions."""
from __future__ import annotations

import pytest


from warlog.nlp.places import geoparse
from warlog.resolve.gazetteer import get_gazetteer
from warlog.resolve.geo import covered_area_centre, haversine_km, landmass_point




def found(doc):
    return {s.text: s._.place for s in doc.spans["places"]}


def test_country_point_and_landmass_centre(gaz):
    us = gaz.country("US")
    assert haversine_km(us.latitude, us.longitude, 39.83, -98.58) < 161  # the contiguous states' centre
    nz = gaz.country("NZ")  # between the two main islands
    assert -44 < nz.latitude < -39 and 170 < nz.longitude < 177
    # the fallback point, a landmass centre: a far small island does not pull it; a ring cut by
    # the antimeridian is joined
    square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
    islet = [(100.0, 0.0), (100.5, 0.0), (100.5, 0.5), (100.0, 0.5)]
    lat, lon = landmass_point([square, islet])
    assert abs(lat - 5) < 0.1 and abs(lon - 5) < 0.1
    east = [(175.0, 60.0), (180.0, 60.0), (180.0, 65.0), (175.0, 65.0)]
    west = [(-180.0, 60.0), (-175.0, 60.0), (-175.0, 65.0), (-180.0, 65.0)]
    lat, lon = landmass_point([east, west])
    assert abs(abs(lon) - 180) < 0.5


def test_region_point_not_pulled_to_crowded_corner():
    crowded = [(0.1 + i * 0.001, 0.1) for i in range(200)]
    spread = [(lat + 0.2, lon + 0.2) for lat in range(4) for lon in range(4)]
    lat, lon = covered_area_centre(crowded + spread)
    assert abs(lat - 1.95) < 0.6 and abs(lon - 1.95) < 0.6  # the mean of towns would sit near (0.3, 0.3)
    sparse = [(0.1, 0.1), (0.2, 0.3), (9.9, 9.9)]  # a vast region with towns at two corners
    assert covered_area_centre(sparse) == pytest.approx((5.0, 5.0), abs=0.1)


def test_demonyms_inside_names_and_of_two_words(places_nlp):
    doc = places_nlp("American Electric Power said Sri Lankan engineers would visit its plant.")
    assert [(s.text, s._.place.country_code) for s in doc.spans["demonyms"]] == \
        [("American", "US"), ("Sri Lankan", "LK")]
    assert get_gazetteer().demonym_country("Chinese") == "CN"  # the most populous country of that name


def test_abbreviation_keeps_its_period(places_nlp):
    text = "Firefighters in Charleston, W.Va., contained the blaze before noon."
    points = {text[a:b]: (lat, lon) for a, b, lat, lon in geoparse(places_nlp(text))}
    assert "W.Va." in points and haversine_km(*points["W.Va."], 38.6, -80.6) < 161
    assert haversine_km(*points["Charleston"], 38.35, -81.63) < 30  # the West Virginia one


def test_part_of_a_longer_entity(places_nlp):
    doc = places_nlp("Deputies from the Titus County Sheriff's Office searched the lake. "
              "Growers in North Texas expect a smaller harvest this year.")
    places = found(doc)
    assert places["Titus County"].kind == "admin2" and places["Titus County"].admin1 == "Texas"
    assert places["Texas"].kind == "admin1" and "North Texas" not in places


def test_dateline(places_nlp):
    doc = places_nlp("BEIRUT: Power cuts lasted twelve hours on Tuesday, the energy ministry said.")
    assert found(doc)["BEIRUT"].country_code == "LB"


def test_surname_is_not_a_place(places_nlp):
    doc = places_nlp("Coach Dan Ripley praised the defense. Ripley said the team had trained hard all week.")
    assert "Ripley" not in found(doc)


def test_names_said_together_resolve_together(places_nlp):
    doc = places_nlp("A Paris man was arrested on Sunday. Henry County deputies took him to the jail in Paris, "
              "where he is held on bond, the Henry County sheriff said.")
    places = [s._.place for s in doc.spans["places"] if s.text == "Paris"]
    assert places and all(p.country_code == "US" and p.admin1 == "Tennessee" for p in places)


def test_name_repeated_does_not_vote_for_itself(places_nlp):
    doc = places_nlp("Dublin council members met on Monday. Dublin will repave two streets, and Dublin "
              "residents may comment until May. The suburb lies northwest of Columbus, Ohio.")
    assert all(p.country_code == "US" for t, p in found(doc).items() if t == "Dublin")


def test_small_town_in_the_home_state(places_nlp):
    doc = places_nlp("Deputies in Virginia said the men drove from Richmond to Lynchburg and then to Clifton Forge, "
              "where they searched a house near Norfolk Southern tracks.")
    lanexa = found(doc).get("Clifton Forge")  # 3,700 people: too small to take without context
    assert lanexa is not None and lanexa.admin1 == "Virginia"


def test_facility_name_is_a_toponym_but_not_an_event_place(places_nlp):
    text = "Fighters held out in the Ouagadougou convention center in Sirte, Libya, for weeks."
    doc = places_nlp(text)
    assert found(doc)["Ouagadougou"] is None  # events stay in Sirte
    points = {text[a:b]: (lat, lon) for a, b, lat, lon in geoparse(doc)}
    assert haversine_km(*points["Ouagadougou"], 12.37, -1.53) < 50  # the name still names the city


@pytest.mark.parametrize("text, name, kind, point", [
    # a bare name is the city, even where its province bears the same name and more people
    ("Gunmen attacked a checkpoint in Tripoli on Monday.", "Tripoli", "city", (32.89, 13.19)),
    ("Shelling hit Aleppo again overnight.", "Aleppo", "city", (36.20, 37.16)),
    # ... and the province when the text calls it one
    ("Fighting spread across Aleppo governorate.", "Aleppo", "admin1", None),
])
def test_a_city_before_the_division_named_after_it(places_nlp, text, name, kind, point):
    place = next(p for t, p in found(places_nlp(text)).items() if t.startswith(name))
    assert place.kind == kind
    if point:
        assert haversine_km(place.latitude, place.longitude, *point) < 25


def test_a_place_in_a_named_city_abroad_falls_back_to_the_city(places_nlp):
    # "Aden" is a city in Yemen; "Aden, Mosul, Nineveh, Iraq" is a district of Mosul
    places = found(places_nlp("Gunmen attacked a checkpoint in Aden, Mosul, Nineveh, Iraq."))
    assert places["Aden"].country_code == "IQ" and places["Aden"].name == places["Mosul"].name
