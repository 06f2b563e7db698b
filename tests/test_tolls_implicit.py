"""Casualty counts told without a plain number, and one event's toll told over several sentences:
warlog.nlp.tolls_implicit, the vague-word readings of warlog.resolve.numbers and
warlog.resolve.casualties.combine_across."""
from __future__ import annotations

import pytest

from conftest import pipeline_with
from test_tolls import tolls as tolls_with_side
from warlog.resolve.casualties import combine_across
from warlog.resolve.numbers import find_quantities

N = None
K, I = "killed", "injured"


@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("warlog_tolls")


def tolls(nlp, text):
    """(kind, low, best, high) of each count: test_tolls' reading without the side."""
    return [found[:4] for found in tolls_with_side(nlp, text)]


CASES = [
    # ACLED's placeholder (10) for people killed in an unsaid number
    ("Jets pounded the rebel camp, destroying their trucks and killing their fighters.", [(K, 2, 10, N)]),
    ("A drone strike on the convoy left casualties among the ranks of the militia.", [(K, 10, 10, N)]),
    ("A number of gunmen were killed when troops stormed the compound.", [(K, 2, 10, N)]),
    ("Some of the insurgent elements were killed and the rest surrendered.", [(K, 2, 10, N)]),
    # single people coordinated with a counted one
    ("A pharmacist and her young daughter were killed when a rocket hit their street.", [(K, 1, 1, 1), (K, 1, 1, 1)]),
    ("The leader of the patrol and three other members of his unit died in the ambush.", [(K, 1, 1, 1), (K, 3, 3, 3)]),
    # "fatally wounded" is killed; a lost limb is an injury, not a death
    ("A shopkeeper and his brother were fatally wounded at the checkpoint.", [(K, 1, 1, 1), (K, 1, 1, 1)]),
    ("A police captain lost a leg when the mine went off under his car.", [(I, 1, 1, 1)]),
    ("Government troops lost 12 soldiers in the battle for the ridge.", [(K, 12, 12, 12)]),
    # murders / killings / executions count the dead; "a total of N" counts its noun
    ("The group released videos of four executions carried out near the river.", [(K, 4, 4, 4)]),
    ("Officials said that a total of 31 guards and drivers have been killed this week.", [(K, 31, 31, 31)]),
]
TRAPS = [
    "The soldiers were killed by a roadside bomb.",  # "the": people already counted
    "It is not clear whether any casualties were caused by the shelling.",
    "The army lost control of the border crossing on Sunday.",
    "There are no details of casualties from the raid.",
    "A number of houses were burned in the village.",
]


@pytest.mark.parametrize("text,expected", CASES)
def test_implicit_tolls(nlp, text, expected):
    assert tolls(nlp, text) == expected


@pytest.mark.parametrize("text", TRAPS)
def test_no_implicit_toll(nlp, text):
    assert [t for t in tolls(nlp, text) if t[0] == K and t[2]] == []


def test_vague_quantities():
    text = "A number of rebels fled and some of the guards stayed; the phone number of the office."
    found = [(text[f.start:f.end], f.quantity.best) for f in find_quantities(text)]
    assert found == [("A number", 10), ("some", 10)]


def across(nlp, text):
    doc = nlp(text)
    return combine_across(list(doc.spans["tolls"]))


def test_other_sides_add_up(nlp):
    killed, injured = across(nlp, "At least five soldiers died and six were wounded near the factory. "
                                  "Officials said at least 20 militants were also killed in the fighting.")
    assert killed[:2] == (25, 25) and injured[1] == 6


def test_conflicting_reports_take_the_lower(nlp):
    killed, _ = across(nlp, "One report said four policemen were killed at the post. "
                            "Another said three policemen died.")
    assert killed[1] == 3 and killed[2] == 4


def test_agreeing_reports_take_the_exact(nlp):
    killed, _ = across(nlp, "At least 30 people were killed in the bombing. Hospital officials said 36 people had died.")
    assert killed[1] == 36
    killed, _ = across(nlp, "As many as 10 people were killed in the clashes. Hospital staff counted 5 deaths.")
    assert killed[1] == 5


def test_same_sentence_single_victims_add(nlp):
    killed, _ = across(nlp, "A soldier and a policeman were killed when the bomb exploded.")
    assert killed[1] == 2
