"""One incident, one record: episodes told just after a main event fold into it (warlog.incidents),
while events with a place, a day or sides of their own stay apart. Sentences written for warlog."""
from datetime import date

import pytest

import warlog
from warlog.incidents import part_of
from warlog.model import Event, Evidence
from warlog.resolve.geo import haversine_km

PUBLISHED = date(2021, 3, 9)


def _types(text: str) -> list[str]:
    return [e.sub_event_type for e in warlog.extract(text, published=PUBLISHED).events if not e.is_historical]


@pytest.mark.parametrize("text, expected", [
    # the shelling and the mortar fire are how the battle was fought
    (("Government troops clashed with al-Shabaab fighters in Bulo Burde on Monday. "
      "Residents said mortar shells fell on the market during the exchange."), ["Armed clash"]),
    # the kidnapping that set off a clash is background to it
    (("Tribal gunmen clashed with police in the town of Gharyan on Sunday after the abduction of a "
      "local merchant. Two policemen were wounded."), ["Armed clash"]),
    # strikes and rocket fire on one city on one day: one remote-violence event, the first told
    (("Army jets bombed militant positions in Sirte on Thursday. In response, rockets were fired "
      "at random into the eastern districts of the city."), ["Air/drone strike"]),
    (("A roadside bomb went off near the central market of Kismayo on Monday. Mortar shells also "
      "landed near the port, causing no casualties."), ["Remote explosive/landmine/IED"]),
    # the same kinds of violence on another day or in another city are events of their own
    (("Army jets bombed militant positions in Sirte on Thursday. On Saturday, rockets hit the "
      "eastern districts of the city."), ["Air/drone strike", "Shelling/artillery/missile attack"]),
    (("Army jets bombed militant positions in Sirte on Thursday. Rockets also hit Misrata, "
      "200 kilometres to the west."), ["Air/drone strike", "Shelling/artillery/missile attack"]),
    # the side that was struck answering is another event; so is fire across a border
    (("Paramilitary fighters shelled residential districts of Nyala on Saturday, killing nine people. "
      "The army responded with air strikes on the paramilitaries' positions."),
     ["Shelling/artillery/missile attack", "Air/drone strike"]),
    (("Russian jets bombed Vovchansk on Monday, killing two civilians. Rockets also hit the "
      "Russian border town of Shebekino, damaging several houses."),
     ["Air/drone strike", "Shelling/artillery/missile attack"]),
    # an air strike elsewhere is another event
    (("Houthi fighters clashed with government forces in Marib on Monday. "
      "Separately, an air strike hit a market in Saada, killing four people."),
     ["Armed clash", "Air/drone strike"]),
])
def test_episodes_fold_into_their_main_event(text, expected):
    assert sorted(_types(text)) == sorted(expected)


def test_a_clash_with_air_support_is_a_battle():
    text = "Heavy clashes continued in Kidal on Tuesday, with the air force carrying out strikes on rebel positions."
    assert _types(text) == ["Armed clash"]


@pytest.mark.parametrize("text", [
    "There were no reports of clashes in Tillaberi on Monday.",
    "Witnesses said there was no sign of fighting in the town on Friday.",
])
def test_no_report_of_an_event_is_no_event(text):
    assert _types(text) == []


def _event(sub: str, etype: str, sentence: int, place: bool = True, actors=("Military Forces of Mali", None),
           day: date = date(2021, 3, 8)) -> Event:
    fields = ["event", "date", "location"] if place else ["event"]
    return Event(article_id="a", event_date=day, date_earliest=day, date_latest=day, time_precision=1,
                 event_type=etype, sub_event_type=sub, actor1=actors[0], actor2=actors[1],
                 latitude=18.44, longitude=1.41, geo_precision=1, country_code="ML", location="Kidal",
                 evidence=[Evidence("a", sentence, 0, 1, "x", f) for f in fields])


def test_part_of_needs_the_same_day_sides_and_nearness():
    main = _event("Armed clash", "Battles", 0, actors=("Military Forces of Mali", "CMA: Coordination of Azawad Movements"))
    shelling = _event("Shelling/artillery/missile attack", "Explosions/Remote violence", 1, place=False)
    assert part_of(main, shelling)  # no place and no day of its own: the main event's
    assert not part_of(main, _event("Shelling/artillery/missile attack", "Explosions/Remote violence", 5))
    assert not part_of(main, _event("Shelling/artillery/missile attack", "Explosions/Remote violence", 1,
                                    day=date(2021, 3, 7)))
    assert not part_of(main, _event("Air/drone strike", "Explosions/Remote violence", 1,
                                    actors=("Military Forces of France", None)))
    assert not part_of(main, _event("Peaceful protest", "Protests", 1, actors=("Protesters (Mali)", None)))


@pytest.mark.parametrize("text", [
    "The company launched an operation to clean the beach at Mombasa on Sunday.",
    "Colombia's president suspended the ceasefire with the Clan del Golfo on Sunday.",  # Other, no Agreement
])
def test_measures_outside_the_conflict_and_ended_agreements(text):
    assert "Agreement" not in _types(text)
    assert _types(text) in ([], ["Other"])
    assert ("company" in text) == (_types(text) == [])


@pytest.mark.parametrize("text, day", [
    # a date in a relative clause on a participant dates that clause, not the event
    ("Nine people were killed in the clash near Gao, among them two herders who were abducted last July.",
     date(2021, 3, 9)),
    # ... but a relative clause on the event's own words dates the event
    ("The clashes, which began on Monday, killed five people in Gao.", date(2021, 3, 8)),
])
def test_the_event_date_comes_from_the_events_own_clause(text, day):
    events = [e for e in warlog.extract(text, published=PUBLISHED).events if e.event_type == "Battles"]
    assert [e.event_date for e in events] == [day]
    assert not events[0].is_historical


def test_an_event_told_nowhere_else_is_placed_at_its_actors_hometown():
    text = "Fighters of the Zintan brigades clashed with Islamist militias on Monday, a spokesman said."
    event = warlog.extract(text, published=date(2014, 7, 15)).events[0]
    assert event.location and event.country_code == "LY" and event.geo_precision == 2
    assert haversine_km(event.latitude, event.longitude, 31.93, 12.25) < 25  # Zintan
