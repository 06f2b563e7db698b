"""Counts of further victims, bodies found, relative clauses and plural demonyms
(warlog.nlp.tolls, warlog.nlp.tolls_implicit, warlog.nlp.toll_words), and the per-Doc word
index the component reads instead of asking every token."""
from __future__ import annotations

import pytest
from conftest import pipeline_with
from test_tolls import tolls as tolls_with_side

from warlog.nlp.toll_words import DocWords, kind_of
from warlog.resolve.casualties import combine_across

N = None
K, I, A, R = "killed", "injured", "abducted", "arrested"


@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("warlog_tolls")


def tolls(nlp, text):
    return [found[:4] for found in tolls_with_side(nlp, text)]


def killed_over_sentences(nlp, text):
    killed, _ = combine_across(list(nlp(text).spans["tolls"]))
    return killed[1] if killed else None


CASES = [
    # one body, told without a number
    ("The body of a missing schoolteacher was found in an irrigation ditch outside Kandahar on Sunday.",
     [(K, 1, 1, 1)]),
    ("Police said his corpse had been dumped near the ring road overnight.", [(K, 1, 1, 1)]),
    # the main verb, not the relative clause that tells the victims' past, says what happened
    ("The militia says it executed two aid workers it abducted last month near Kidal.", [(K, 2, 2, 2)]),
    ("Villagers said gunmen shot dead three herders they had seized at dawn.", [(K, 3, 3, 3)]),
    # a relative clause whose subject is the counted people makes them the doers
    ("Insurgents ambushed and killed four policemen who had arrested a smuggling suspect.",
     [(K, 4, 4, 4), (R, 1, 1, 1)]),
    # a plural demonym the tagger reads as a singular name
    ("Five Eritreans were killed when the smugglers' truck overturned under fire near Kufra.",
     [(K, 5, 5, 5)]),
    # killed "to death" after a shooting verb
    ("A tribal elder was shot to death outside his home in Wana.", [(K, 1, 1, 1)]),
]
TRAPS = [
    "The regional body of the African Union met in Addis Ababa to discuss the crisis.",
    "No body has been recovered from the collapsed building yet.",
    "The father of four boys was shot to death on his doorstep.",  # one killed, not the four boys
]


@pytest.mark.parametrize("text,expected", CASES)
def test_counts(nlp, text, expected):
    assert tolls(nlp, text) == expected


def test_traps(nlp):
    assert tolls(nlp, TRAPS[0]) == []
    assert [t for t in tolls(nlp, TRAPS[1]) if t[2]] == []  # at most "none killed"
    assert [t for t in tolls(nlp, TRAPS[2]) if t[0] == K] == [(K, 1, 1, 1)]


@pytest.mark.parametrize("text,expected", [
    # another victim in a later sentence adds to the toll
    (("Militants publicly executed a man in the market square of Raqqa on Friday. "
      "Another man was reported executed for smoking."), 2),
    ("Two soldiers were killed by a roadside bomb near Kirkuk. Two more soldiers died of their wounds in hospital.", 4),
    (("The bodies of five farmers were found in a field near Maiduguri. "
      "There were also reports that a herder and his son were killed nearby."), 7),
    ("Four civilians died in the shelling of the market. The shelling also killed two children in a nearby school.", 6),
    # the same toll told again is not added
    ("Four civilians died in the shelling of the market. Local officials said four civilians were killed.", 4),
    ("Six people were killed in the blast. The ministry also said six people had died.", 6),
    # "others" counts beyond the other figure of its own sentence, not beyond an earlier one
    ("His mother and ten others drowned when the boat capsized. His mother and 10 others died at sea.", 11),
    ("The blast killed 12 people and wounded more than 40 others. Twelve people were killed, police said.", 12),
    # a forecast of the toll is not a count
    (("An air strike on a market in Kanbalu killed at least 30 people on Tuesday. "
      "Rescuers said the death toll could rise to as many as 50."), 30),
    ("Floods and a landslide left 14 villagers dead. The toll is expected to climb to 40 as the search goes on.", 14),
    ("Shelling killed nine people in Nyala. The death toll rose to 15 on Monday, medics said.", 15),
])
def test_further_victims(nlp, text, expected):
    assert killed_over_sentences(nlp, text) == expected


def test_word_index_matches_the_tokens(nlp):
    doc = nlp("The number of dead rose to 61 after troops stoned two men to death and took a driver hostage; "
              "the army lost ground and a soldier lost his life.")
    words = DocWords.of(doc)
    assert words.sentence_starts() == [s.start for s in doc.sents]
    kinds = [(t.text, kind_of(t)) for t in doc if kind_of(t)]
    # "lost ground" is no loss of life; the second "lost" (his life) is
    assert kinds == [("dead", K), ("stoned", K), ("death", K), ("took", A), ("hostage", A), ("lost", K), ("life", K)]
    first_lost = next(t for t in doc if t.text == "lost")
    assert first_lost.nbor(1).text == "ground" and kind_of(first_lost) is None
    assert [doc[i].text for i in words.toll_nouns()] == ["number"]  # "number" is a spaCy symbol id
    assert [doc[i].text for i in words.lemma_positions(frozenset({"death"}))] == ["death"]
