"""Where a town, not a country, is meant ("400 S. Locust St., Lebanon"),
where a vast division's point lies (its land, not only its towns' corner), and a world city over
its namesake villages."""
from __future__ import annotations

import pytest

from warlog.resolve.gazetteer import get_gazetteer
from warlog.resolve.geo import haversine_km, land_shares


def places(doc) -> dict:
    return {s.text: s._.place for s in doc.spans["places"]}


def test_a_name_closing_a_street_address_is_a_town(places_nlp):
    doc = places_nlp("Funeral services are set for 11 a.m. Saturday at Grace Lutheran Church, 212 N. Maple Ave., "
                     "Lebanon, with burial in Mount Annville Cemetery near Harrisburg, Pennsylvania.")
    place = places(doc)["Lebanon"]
    assert place.kind == "city" and place.country_code == "US"


def test_a_world_city_outweighs_its_namesake_villages(places_nlp):
    doc = places_nlp("The carrier will fly from Chicago and Denver to Moscow three times a week from June, "
                     "once Russia's aviation agency signs off, a spokeswoman said in Dallas.")
    assert places(doc)["Moscow"].country_code == "RU"


@pytest.mark.parametrize("name, country, lat, lon", [
    ("Ontario", "CA", 50.0, -86.0),  # the province's land reaches Hudson Bay; its towns stop near 51°N
    ("Alaska", "US", 64.0, -150.0),
    ("Queensland", "AU", -22.0, 144.0),
])
def test_a_vast_division_lies_at_the_centre_of_its_land(name, country, lat, lon):
    division = next(p for p in get_gazetteer().lookup(name) if p.kind == "admin1" and p.country_code == country)
    assert haversine_km(division.latitude, division.longitude, lat, lon) < 161


def test_land_shares_split_an_outline_by_the_nearest_towns():
    square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]  # (lon, lat)
    shares = land_shares([square], [(5.0, 1.0), (5.0, 9.0)], ["west", "east"], cells=400)
    assert set(shares) == {"west", "east"}
    assert shares["west"][1] < 5 < shares["east"][1]  # each half's centre on its own side
    assert shares["west"][2] == pytest.approx(shares["east"][2], rel=0.05)  # equal halves
