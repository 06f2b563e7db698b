"""A coder's tally of a toll ("14 fatalities recorded"), a toll split over several records
("fatalities split between Dori and Djibo"), counts hedged by a reporting verb
("18 are claimed dead") and one victim whose phrase the tagger garbled (warlog.nlp.tolls,
warlog.nlp.tolls_implicit, warlog.nlp.toll_notes, warlog.resolve.casualties)."""
from __future__ import annotations

import pytest
from conftest import pipeline_with
from test_tolls_further import killed_over_sentences


@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("warlog_places", "warlog_dates", "warlog_tolls")


killed = killed_over_sentences  # the best killed figure over all the text's sentences


@pytest.mark.parametrize("text,expected", [
    # the tally stands for the totals told before it
    (("At least 25 fighters died over four days of clashes around Kidal. 9 fatalities recorded, "
      "remaining 16 fatalities recorded on 3 and 4 June."), 9),
    ("Scores of rebels were killed in the assault on Kismayo, the army said [21 fatalities recorded].", 21),
    ("Residents described many dead after the mortar fire (6 fatalities recorded).", 6),
    # a toll split over several records: the first share is this record's
    (("Four policemen were killed in two days of attacks in Peshawar. 3 fatalities recorded on 2 May "
      "and 1 fatality recorded on 3 May."), 3),
    (("Eleven soldiers died in the ambush and the fighting that followed. 8 fatalities recorded in Dori, "
      "3 in Djibo."), 8),
    # people "among" those killed are part of the toll, not more of it
    ("Three aid workers were among the 11 people killed in the shelling of Kherson.", 11),
    # a toll split over several records: this record's share is the larger one
    ("Four soldiers and ten rebels died in the fighting (fatalities split between Dori and Djibo).", 7),
    ("Nine people were killed in two days of raids on villages near Gao. Fatalities split between 4 and 5 May.", 5),
    ("Twelve militiamen were killed around Marib. Fatalities divided between 3 events.", 4),
    # a split with no count of records, or of something else, divides nothing
    ("Twelve militiamen were killed around Marib. Fatalities divided between locations.", 12),
    ("The blast in Aden killed 9 people. The ruling coalition was split between two camps.", 9),
    # without a tally, the figures combine as before
    ("Four civilians died in the shelling of the market. The shelling also killed two children in a nearby school.", 6),
])
def test_tallies(nlp, text, expected):
    assert killed(nlp, text) == expected


def test_the_others_share_is_never_counted(nlp):
    doc = nlp("Remaining 12 fatalities recorded on 8 July.")
    assert [s._.toll.recorded for s in doc.spans["tolls"]] == ["rest"]
    assert killed(nlp, "Remaining 12 fatalities recorded on 8 July.") is None


@pytest.mark.parametrize("text,expected", [
    ("Twelve are claimed dead after the raid on the camp.", 12),
    ("Five are believed killed in the explosion at the depot.", 5),
    ("Nine were said killed when the bus struck a mine.", 9),
])
def test_hedged_counts(nlp, text, expected):
    assert killed(nlp, text) == expected


def test_one_victim_in_a_garbled_phrase(nlp):
    # the tagger reads "IS" as a verb heading the subject; "was" still says one person
    text = "An alleged IS “field commander” Abu Hamza al-Libi, was found dead with a gunshot wound near Bin Jawad."
    assert killed(nlp, text) == 1
    assert killed(nlp, "The convoy was found abandoned near the border crossing.") is None
