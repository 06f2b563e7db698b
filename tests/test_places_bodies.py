"""Towns named by their bodies and people ("Raytown police", "a Crafton man", "D-Braxton"), towns
the model takes for persons ("Beit Lahia"), surnames used as such, a big city across the border
by another spelling, and divisions placed by their own towns."""
from __future__ import annotations

from warlog.nlp.place_cues import surnames
from warlog.nlp.place_tokens import TokenTable
from warlog.resolve.gazetteer import get_gazetteer
from warlog.resolve.gazetteer_build import _mislabelled
from warlog.resolve.geo import haversine_km


def places(doc) -> dict:
    return {s.text: s._.place for s in doc.spans["places"]}


def geoparsed(doc) -> dict:
    """Toponym text -> the place it is resolved to or named after (as geoparsing counts it)."""
    from warlog.nlp.places import NAMED_AFTER_KEY
    named = doc.user_data.get(NAMED_AFTER_KEY, {})
    return {s.text: s._.place or named.get((s.start_char, s.end_char)) for s in doc.spans["places"]}


def test_a_town_opening_the_name_of_its_police_is_a_toponym(places_nlp):
    doc = places_nlp("Shortly after 9 p.m. Saturday Raytown police were called to a disturbance at a bar on "
                     "the east side, where two men had been stabbed, a spokesman said.")
    place = geoparsed(doc).get("Raytown")
    assert place is not None and place.country_code == "US" and place.admin1 == "Missouri"


def test_a_town_before_its_people_is_a_toponym(places_nlp):
    doc = places_nlp("State troopers said a Crafton man was arrested after a chase that ended on the "
                     "Parkway West near Pittsburgh early Sunday.")
    place = geoparsed(doc).get("Crafton")
    assert place is not None and place.admin1 == "Pennsylvania"


def test_a_body_name_word_is_no_town(places_nlp):
    doc = places_nlp("The Supreme Court and the School Board both met on Tuesday in Columbus, Ohio.")
    assert "Supreme" not in geoparsed(doc) and "School" not in geoparsed(doc)


def test_a_legislators_home_after_the_party_letter_is_a_toponym(places_nlp):
    doc = places_nlp("The bill's sponsor, Delegate Brent Boggs, D-Braxton, said the House of Delegates in "
                     "Charleston would vote on it before the session ends.")
    place = geoparsed(doc).get("Braxton")
    assert place is not None and place.admin1 == "West Virginia"


def test_a_name_opened_by_a_place_word_is_a_town_though_tagged_a_person(places_nlp):
    doc = places_nlp("Israeli tanks shelled Beit Lahia at dawn.")
    place = places(doc).get("Beit Lahia")
    assert place is not None and place.country_code == "PS"


def test_a_big_city_across_the_border_by_another_spelling_is_no_homonym(places_nlp):
    doc = places_nlp("An Israeli air strike hit a house in Khan Younis, killing three people, medics said. "
                     "Militants fired rockets at the Israeli town of Sderot.")
    place = places(doc).get("Khan Younis")
    assert place is not None and place.country_code == "PS"


def test_a_mis_tagged_place_does_not_make_its_name_a_surname(places_nlp):
    doc = places_nlp("Volunteers from Historic Dublin handed out maps on Saturday. The route through Dublin "
                     "passes the old courthouse and ends at the river, organisers said.")
    tt = TokenTable(doc)
    assert "Dublin" not in surnames(tt)
    assert "Dublin" in places(doc)


def test_a_persons_surname_still_counts(places_nlp):
    doc = places_nlp("Coach Tom Fulton said the team would travel by bus. Fulton added that tickets were "
                     "sold out.")
    assert "Fulton" in surnames(TokenTable(doc))


def test_a_town_after_a_date_word_or_a_village_word_is_found(places_nlp):
    doc = places_nlp("Staff at the SOS Children's Village Malakal said the children were safe, and flights "
                     "into Juba resumed on Monday.")
    place = geoparsed(doc).get("Malakal")
    assert place is not None and place.country_code == "SS"


def test_towns_given_the_wrong_division_do_not_move_it():
    # a division of 60 towns, and four of its towns far away, each among another division's towns
    home = [("A", (40.0 + i * 0.05, 115.0 + (i % 6) * 0.05)) for i in range(60)]
    other = [("B", (31.0 + i * 0.05, 88.0 + (i % 6) * 0.05)) for i in range(60)]
    strays = [("A", (31.12 + i * 0.6, 88.12)) for i in range(4)]
    remote = [("B", (36.0 + i * 0.5, 80.0)) for i in range(5)]  # a division's own remote towns stay
    assert _mislabelled(home + other + strays + remote) == set(range(120, 124))


def test_chinese_provinces_lie_where_their_towns_are():
    gaz = get_gazetteer()
    for name, lat, lon in (("Hebei", 38.5, 115.5), ("Guangdong", 23.4, 113.5), ("Jiangsu", 33.0, 119.5)):
        division = next(p for p in gaz.lookup(name) if p.kind == "admin1" and p.country_code == "CN")
        assert haversine_km(division.latitude, division.longitude, lat, lon) < 250, name
