"""ACLED naming conventions the actor finder follows: acronyms an article defines, named
militias and tribes, patrons, armed men from a town, clan spellings; and the cheap per-doc
indexes it reads (noun-chunk starts, paragraph starts) agree with spaCy's own answers."""
from __future__ import annotations

import re
from bisect import bisect_right

import pytest

from conftest import pipeline_with
from warlog.nlp.actor_parse import ChunkStarts, paragraph_starts
from warlog.resolve.actor_groups import GroupNames
from warlog.resolve.actors import ActorDictionary


@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("warlog_places", "warlog_actors")


def names(doc) -> dict[str, str]:
    return {s.text: s._.actor.name for s in doc.spans["actors"]}


def test_an_acronym_defined_in_brackets_names_what_the_article_says(nlp):
    doc = nlp("The Rada Special Deterrence Force (SDF) said on Monday that SDF units had detained "
              "three men in the Souq al-Jumaa district of Tripoli, Libya.")
    found = [(s.text, s._.actor.name) for s in doc.spans["actors"] if s.text == "SDF"]
    assert found and all(name == "Special Deterrence Forces" for _, name in found)


def test_an_undefined_acronym_keeps_its_dictionary_reading(nlp):
    doc = nlp("SDF fighters pushed into the last pocket held by the jihadists near Hajin, Syria.")
    assert names(doc).get("SDF fighters") == "SDF: Syrian Democratic Forces"


@pytest.mark.parametrize("text, span, expected", [
    ("Gunfire erupted overnight between the Kamwina Nsapu militia and soldiers near Tshikapa, Congo.",
     "the Kamwina Nsapu militia", "Kamwina Nsapu Militia"),
    ("Residents of Beledweyne said the Shiite militia had withdrawn before dawn.", "the Shiite militia", None),
])
def test_a_militia_named_by_its_own_words(nlp, text, span, expected):
    found = names(nlp(text)).get(span)
    if expected is None:
        assert found != "Shiite Militia"
    else:
        assert found == expected


def test_a_tribe_that_fights_is_its_ethnic_militia(nlp):
    doc = nlp("Clashes broke out near Kufra, Libya, between Zuwayya gunmen and the Awlad Bu Seif tribe on Tuesday.")
    assert "Awlad Bu Seif Ethnic Militia (Libya)" in names(doc).values()


def test_a_tribe_only_mentioned_is_no_actor(nlp):
    doc = nlp("Elders of the Awlad Bu Seif tribe met the mayor of Kufra, Libya, to discuss water prices.")
    assert not any("Awlad Bu Seif" in n for n in names(doc).values())


def test_a_clan_tribesmen_and_a_clan_militia(nlp):
    doc = nlp("Habar Gidir clansmen attacked a checkpoint outside Galkayo, Somalia, late on Friday.")
    assert "Habar Gidir Clan Militia (Somalia)" in names(doc).values()


def test_armed_men_from_a_town_are_its_communal_militia(nlp):
    doc = nlp("Armed men from Zintan stormed the power station west of Tripoli, Libya, witnesses said.")
    assert "Zintan Ethnic Militia (Libya)" in names(doc).values()  # the dictionary types Zintan's men


def test_a_helicopter_belonging_to_a_commander_is_his_army(nlp):
    doc = nlp("Two people died when a helicopter belonging to Khalifa Haftar struck a farm near Derna, Libya.")
    assert "Military Forces of Libya (2014-)" in names(doc).values()


def test_fighters_belonging_to_a_clan_leader(nlp):
    doc = nlp("Fighters belonging to a Habar Gidir commander's militia shelled a market in Mogadishu, Somalia.")
    assert "Habar Gidir Clan Militia (Somalia)" in names(doc).values()


def test_clan_spellings_share_the_acled_name():
    groups = GroupNames({"clans": [{"Margahni": ["Marghani"]}, "Hawiye"]})
    assert groups.people("Marghani") == ("Margahni", "Clan")
    assert groups.people("Hawiye") == ("Hawiye", "Clan")


def test_a_town_militia_without_any_country_in_sight_takes_the_dictionary_one():
    dic = ActorDictionary.load()
    ref = dic.community_militia("Zintan", "Communal", None, "Zintani fighters")
    assert ref.name == "Zintan Ethnic Militia (Libya)" and ref.country == "LY"


TEXTS = [
    "Troops of the 5th Brigade and fighters of the opposition's northern command clashed on Sunday.\n\n"
    "The commander of the rebels' artillery unit, a former army officer, was killed. His men retreated.",
    "Police said the attackers, three young men from a nearby village, fled on motorbikes.\n \n"
    "  Local leaders and the governor's office condemned the raid on the market.\n\n\n"
    "Residents said they and their children had no food.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_chunk_starts_agree_with_spacy(nlp, text):
    doc = nlp(text)
    roots = {c.root.i: c.start for c in doc.noun_chunks}
    starts = ChunkStarts(doc)
    for tok in doc:
        if tok.pos_ in ("NOUN", "PROPN"):
            assert starts.start(tok) == roots.get(tok.i, tok.i), tok.text


@pytest.mark.parametrize("text", TEXTS)
def test_paragraph_starts_agree_with_blank_lines(nlp, text):
    doc = nlp(text)
    regex = [m.end() for m in re.finditer(r"\n\s*\n", text)]
    ours = paragraph_starts(doc)
    assert len(ours) == len(regex)
    for tok in doc:
        if not tok.is_space:
            assert bisect_right(ours, tok.idx) == bisect_right(regex, tok.idx)
