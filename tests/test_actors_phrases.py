"""Actor phrases found on the parse: town and tribe militias, demonym forces, unknown attackers, victims."""
from __future__ import annotations

import pytest

from conftest import pipeline_with
from warlog.resolve.actor_groups import GroupNames, militia_name


@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("warlog_places", "warlog_actors")


def names(doc) -> dict[str, tuple[str, int]]:
    return {s.text: (s._.actor.name, s._.actor.inter) for s in doc.spans["actors"]}


def test_group_names_tables():
    groups = GroupNames({"towns": {"misrata": "Misratah"}, "ethnic_groups": {"Tabu": ["Tebu", "Toubou"]},
                         "clans": ["Hawiye"]})
    assert groups.town("Misrata") == "Misratah"
    assert groups.town("Misratan") == "Misratah"  # a demonym of the town
    assert groups.town("Nowhere") is None
    assert groups.people("Toubou") == ("Tabu", "Ethnic")
    assert groups.people("Hawiye") == ("Hawiye", "Clan")
    assert militia_name("Zawiya", "Communal", "Libya") == "Zawiya Communal Militia (Libya)"


@pytest.mark.parametrize("text, expected", [
    ("Fighting flared again between Toubou and Tuareg tribesmen in Ubari, Libya, on Sunday.",
     {"Toubou": ("Tabu Ethnic Militia (Libya)", 4), "Tuareg tribesmen": ("Tuareg Ethnic Militia (Libya)", 4)}),
    ("Zawiya militias clashed with fighters from Warshefana west of Tripoli, Libya.",
     {"Zawiya militias": ("Zawiya Communal Militia (Libya)", 4),
      "fighters from Warshefana": ("Wershefana Communal Militia (Libya)", 4)}),
    ("Misratan fighters repelled an assault on their checkpoint near Sirte, Libya.",
     {"Misratan fighters": ("Misratah Communal Militia (Libya)", 4)}),
    ("Russian shelling killed four civilians in Kherson, Ukraine, officials said.",
     {"Russian": ("Military Forces of Russia", 8), "four civilians": ("Civilians (Ukraine)", 7)}),
    ("Turkish drones struck a fuel depot near Qamishli in northeastern Syria.",
     {"Turkish": ("Military Forces of Turkey", 8)}),
    ("Armed residents and local militias fought off the attackers in Sabratha, Libya.",
     {"local militias": ("Sabratha Communal Militia (Libya)", 4)}),
    ("Syrian government artillery pounded Douma, in the countryside of Damascus, Syria.",
     {"Syrian government": ("Military Forces of Syria", 1)}),
    ("Unidentified warplanes struck a convoy outside Sirte, Libya, late on Monday.",
     {"Unidentified warplanes": ("Unidentified Armed Group (Libya)", 3)}),
    ("Gunmen kidnapped a local councillor and his two brothers in Baquba, Iraq.",
     {"Gunmen": ("Unidentified Armed Group (Iraq)", 3), "a local councillor": ("Civilians (Iraq)", 7),
      "his two brothers": ("Civilians (Iraq)", 7)}),
    ("A sniper killed a soldier at a checkpoint in Ramadi, Iraq.",
     {"A sniper": ("Unidentified Armed Group (Iraq)", 3), "a soldier": ("Military Forces of Iraq", 1)}),
    ("Five armed men stopped a bus on the coastal road near Zuwara, Libya.",
     {"Five armed men": ("Unidentified Armed Group (Libya)", 3)}),
    ("Near Mosul, Iraq, two Jordanians were kidnapped from their hotel.",
     {"two Jordanians": ("Civilians (Jordan)", 7)}),
    ("Four schoolchildren died when an old shell went off in a field near Homs, Syria.",
     {"Four schoolchildren": ("Civilians (Syria)", 7)}),
    ("A hospital administrator survived an assassination attempt in Kandahar, Afghanistan.",
     {"A hospital administrator": ("Civilians (Afghanistan)", 7)}),
    ("A member of the village council of elders was abducted near Gao, Mali.",
     {"A member": ("Civilians (Mali)", 7)}),
    ("The Sultan Murad Division shelled a village near Afrin, Syria.",
     {"The Sultan Murad Division": ("Sultan Murad Division", 3)}),
    ("The 47th Brigade repelled an assault near Bakhmut, Ukraine.",
     {"The 47th Brigade": ("Military Forces of Ukraine", 1)}),
    ("Iranian border guards exchanged fire with smugglers near Saravan, Iran.",
     {"Iranian border guards": ("Military Forces of Iran", 1)}),
])
def test_phrases(nlp, text, expected):
    found = names(nlp(text))
    for phrase, want in expected.items():
        assert found.get(phrase) == want, (phrase, found)


def test_no_false_militias_or_demonyms(nlp):
    found = names(nlp("A car bomb exploded near a market in Kirkuk, Iraq, wounding nine people."))
    assert not any("Central African" in name for name, _ in found.values())
    found = names(nlp("Iraqi security forces detained three suspects in Mosul, Iraq."))
    assert found.get("Iraqi security forces") == ("Military Forces of Iraq", 1)
    assert not any("Communal" in name for name, _ in found.values())


def test_soldiers_killed_are_not_civilians(nlp):
    found = names(nlp("Militants killed three soldiers and two members of the police in Arish, Egypt."))
    assert found.get("three soldiers") == ("Military Forces of Egypt", 1)
    assert not any(name.startswith("Civilians") for name, _ in found.values())


def test_coordinated_actors_are_two_mentions(nlp):
    doc = nlp("Clashes erupted in Benghazi, Libya, between forces loyal to Khalifa Haftar and fighters of the "
              "Benghazi Revolutionaries Shura Council.")
    found = {name for name, _ in names(doc).values()}
    assert "Military Forces of Libya (2014-)" in found
    assert "BRSC: Shura Council of Benghazi Revolutionaries" in found


def test_members_of_armed_groups_are_not_civilians(nlp):
    found = names(nlp("A member of Ansar al-Sharia was kidnapped in Benghazi, Libya."))
    assert not any(name.startswith("Civilians") for name, _ in found.values()), found


def test_a_town_named_brigade_stays_a_community_militia(nlp):
    found = names(nlp("Zintani brigades shelled the outskirts of Kikla, Libya."))
    assert not any(name.endswith("Brigade") for name, _ in found.values()), found


def test_a_car_is_no_central_african_republic(nlp):
    """A country acronym ("CAR", "US") counts only in capitals: a suicide car bomber is nobody's army."""
    found = names(nlp("A suicide car bomber blew himself up at a checkpoint outside Baidoa, Somalia, on Tuesday."))
    assert not any("Central African" in name for name, _ in found.values()), found
    found = names(nlp("CAR troops fought armed men near Bambari on Sunday."))
    assert any("Central African Republic" in name for name, _ in found.values()), found


@pytest.mark.parametrize("text, phrase", [
    ("Jihadists shot dead three unidentified men on the road out of Menaka, Mali, residents said.",
     "three unidentified men"),
    ("Militants executed two unknown individuals in a village square near Palmyra, Syria, a monitor said.",
     "two unknown individuals"),
])
def test_unnamed_people_harmed_are_victims_not_an_armed_group(nlp, text, phrase):
    found = names(nlp(text))
    assert found.get(phrase, ("", 0))[1] == 7, found


def test_a_security_force_member_is_not_a_civilian(nlp):
    found = names(nlp("A security force member was shot dead at a checkpoint in Kandahar, Afghanistan."))
    assert not any(name.startswith("Civilians") for name, _ in found.values()), found


@pytest.mark.parametrize("text, short, full", [
    ("Fighting broke out in Tarhouna between the Al-Kanni brigade and the Naja'a tribe. Three people were "
     "killed and the Kanni brigade blew up several homes.", "the Kanni brigade", "Al-Kanni Brigade"),
    ("Residents of Bani Walid said the Al-Nasr battalion shelled the farms of its rivals on Thursday. By "
     "evening the Nasr battalion had withdrawn to the hills.", "the Nasr battalion", "Al-Nasr Battalion"),
    ("The El-Fajr brigade clashed with tribesmen near Sabha. Elders said the Fajr brigade later released "
     "the prisoners.", "the Fajr brigade", "El-Fajr Brigade"),
])
def test_a_shortened_unit_name_is_the_unit_named_in_full(nlp, text, short, full):
    found = names(nlp(text))
    assert found.get(short, ("",))[0] == full, found
