"""Who did what, read as a coder reads whole stories from many wars: an opposition government is
no state force, a date of the telling is not the event's, lethal force on a crowd is excessive
force, a group only supported or linked to is no side, a building stormed is attacked, unnamed
attackers are the group named, and a side's word on what its strike aimed at is that strike."""
from __future__ import annotations

from datetime import date

from conftest import current_events
from warlog.resolve.actors import ActorDictionary


def events_of(text: str, published: date = date(2022, 9, 8)):
    return current_events(text, published)


def table(found) -> list:
    return [(e.sub_event_type, e.actor1, e.actor2, str(e.event_date), e.location) for e in found]


def test_an_opposition_or_exiled_government_is_not_the_state():
    dic = ActorDictionary.load()
    assert dic.resolve_name("the exiled National Unity Government", ["MM"]) is None
    assert dic.resolve_name("Venezuelan government forces", ["VE"]).name == "Military Forces of Venezuela"


def test_a_unity_government_is_libyas_only_in_libya():
    dic = ActorDictionary.load()
    assert dic.resolve_name("the unity government", ["LY"]).name == "Military Forces of Libya (2016-)"
    found = dic.resolve_name("the Government of National Unity", ["SS"])
    assert found is None or "Libya" not in found.name


def test_jets_over_a_village_where_an_opposition_office_opened_are_the_states():
    found = events_of("Warplanes bombed Thit Seint village in Myingyan district on Saturday as villagers "
                      "met at a new school run by the exiled National Unity Government, locals said.")
    assert [(e.sub_event_type, e.actor1) for e in found] == [("Air/drone strike", "Military Forces of Myanmar")]


def test_the_day_news_was_told_does_not_date_the_event():
    # published on a Thursday: "said on Thursday" is the telling; the event stays loosely dated
    ev, = events_of("A drone strike on a market in Sudan's North Kordofan killed at least 12 people, "
                    "volunteers said on Thursday.")
    assert ev.time_precision != 1 or ev.event_date != date(2022, 9, 8), table([ev])


def test_police_shooting_protesters_dead_is_excessive_force_and_a_calm_march_is_its_own():
    found = events_of("Police in Freetown opened fire on demonstrators protesting fuel prices on Wednesday, "
                      "leaving three dead, a hospital official said. Amnesty International said officers "
                      "shot dead three protesters and wounded at least a dozen.\n\n"
                      "In Bo, several hundred people marched peacefully to the district council offices.")
    subs = [(e.sub_event_type, e.location, e.actor2) for e in found]
    assert ("Excessive force against protesters", "Freetown", "Police Forces of Sierra Leone") in subs, subs
    calm = [e for e in found if e.location == "Bo"]
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in calm] == [
        ("Peaceful protest", "Protesters (Sierra Leone)", None)], subs
    assert len(found) == 2, subs


def test_a_group_a_rally_supports_is_no_side_of_the_attack_on_it():
    found = events_of("Thousands of people gathered in Bamako on Friday in support of the Wagner Group. "
                      "A grenade was thrown into the crowd, wounding nine people.")
    assert all("Wagner" not in (e.actor1 or "") + (e.actor2 or "") for e in found), table(found)


def test_a_hotel_stormed_by_a_named_group_is_its_attack_not_ground_taken():
    found = events_of("KABUL — Islamic State fighters attacked a hotel popular with Chinese businessmen in "
                      "Kabul on Monday, setting off explosives at the entrance before gunmen stormed the building, "
                      "police said.\n\nThe jihadist group, which is linked to al Qaeda, said it carried out the raid.")
    assert found and all(e.event_type != "Strategic developments" for e in found), table(found)
    assert all(e.sub_event_type != "Non-state actor overtakes territory" for e in found), table(found)
    named = {x for e in found for x in (e.actor1, e.actor2) if x}
    assert not any(x.startswith(("Unidentified", "Al Qaeda", "Police")) for x in named), \
        table(found)


def test_a_towns_ground_stormed_is_still_taken():
    found = events_of("Houthi fighters stormed the town of Harib in Marib province on Sunday after days of fighting.")
    assert any(e.sub_event_type == "Non-state actor overtakes territory" for e in found), table(found)


def test_what_the_army_says_its_strike_aimed_at_is_that_strike():
    found = events_of("A Russian missile struck an apartment block in Dnipro on Saturday, killing 23 people, "
                      "officials said.\n\nThe Russian defence ministry said it had targeted military command "
                      "posts in the city.", published=date(2023, 1, 16))
    assert [e.sub_event_type for e in found] == ["Shelling/artillery/missile attack"], table(found)
