"""Toponyms read across the story: a name said again, lists closed by a plural division word,
a state that shares its name with a country, and resolution repeated until it settles."""
from __future__ import annotations

from warlog.resolve.gazetteer import Place
from warlog.resolve.places import Mention, country_salience, resolve


def places_of(doc, text):
    return [s._.place for s in doc.spans["places"] if s.text == text]


def test_name_said_again_inside_an_organisation_but_not_a_street(places_nlp):
    doc = places_nlp("Heavy rain flooded roads near Elbow Lake, Minnesota, on Tuesday. Elbow Lake Mayor "
                     "Tom Hanson said the Elbow Lake Fire Department pumped out six basements, and crews "
                     "closed Elbow Lake Road.")
    found = places_of(doc, "Elbow Lake")
    assert len(found) == 3  # the town, the mayor's town, the fire department's town; not the road
    assert all(p is not None and p.admin1 == "Minnesota" for p in found)


def test_list_closed_by_counties(places_nlp):
    doc = places_nlp("Schools in Butler, Warren and Madison counties in Ohio will close early on Friday.")
    found = {s.text: s._.place for s in doc.spans["places"]}
    for name in ("Butler", "Warren", "Madison"):  # each also a town's name
        assert found.get(name) is not None and found[name].kind == "admin2", name
        assert found[name].admin1 == "Ohio"


def _place(name, kind, cc, admin1, population, lat=0.0, lon=0.0):
    return Place(None, name, lat, lon, cc, admin1, None, kind, population)


def test_state_named_like_a_country_gives_no_country_evidence():
    georgia = [_place("Georgia", "admin1", "US", "Georgia", 10_000_000), _place("Georgia", "country", "GE", None, 3_700_000)]
    mexico = [_place("Mexico", "admin1", "MX", "Mexico", 14_000_000), _place("Mexico", "country", "MX", None, 126_000_000)]
    america = [_place("United States", "country", "US", None, 330_000_000), _place("America", "city", "NL", "Limburg", 2_000)]
    salience = country_salience([Mention(0, 7, "Georgia", georgia)], {})
    assert "GE" not in salience  # the state or the country: unknown until resolved
    assert country_salience([Mention(0, 6, "Mexico", mexico)], {})["MX"] > 0  # its division is its own
    assert country_salience([Mention(0, 7, "America", america)], {})["US"] > 0  # a country by another name


def test_resolution_settles_on_the_state_said_most():
    state = _place("Georgia", "admin1", "US", "Georgia", 10_000_000, 32.7, -83.5)
    country = _place("Georgia", "country", "GE", None, 3_700_000, 42.0, 43.5)
    atlanta = [_place("Atlanta", "city", "US", "Georgia", 500_000, 33.7, -84.4),
               _place("Atlanta", "city", "US", "Texas", 6_000, 33.1, -94.2)]
    texas = _place("Texas", "admin1", "US", "Texas", 28_000_000, 31.3, -99.3)
    mentions = [Mention(0, 7, "Atlanta", atlanta), *(Mention(20 * k, 20 * k + 7, "Georgia", [state, country])
                                                    for k in range(1, 4)), Mention(90, 95, "Texas", [texas])]
    resolve(mentions)
    assert all(m.choice is state for m in mentions[1:4])
    assert mentions[0].choice.admin1 == "Georgia"
