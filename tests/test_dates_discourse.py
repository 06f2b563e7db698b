"""Time expressions in discourse: references back ("a year earlier", "the quarter"), TimeML
extents, the governing tense, datelines. Sentences written for these tests."""
from __future__ import annotations

from datetime import date as D

import pytest

from conftest import parse, pipeline_with

from warlog.resolve.dates import resolve


@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("warlog_dates")


def _spans(nlp, text, published):
    doc = parse(nlp, text, published)  # kept alive while its spans are read
    return [(s.text, s._.when) for s in doc.spans["dates"]]


def _timex(spans, text):
    return next(w.timex for t, w in spans if t == text)


# --- resolve() with a reference ----------------------------------------------------------------

@pytest.mark.parametrize("text,reference,expected", [
    ("a year earlier", "the third quarter", "2015-Q3"),
    ("a year ago", "the first half of 2016", "2015-H1"),
    ("the year-ago period", "the third quarter", "2015-Q3"),
    ("the corresponding period last year", "the second quarter", "2015-Q2"),
    ("the latest period", "the third quarter", "2016-Q3"),
    ("the 2014 quarter", "the third quarter", "2014-Q3"),
    ("a year earlier", "June 2", "2015-06-02"),
    ("a year earlier", "August 2014", "2013-08"),
    ("later that year", "August 2014", "2014"),
    ("the following month", "August 2014", "2014-09"),
    ("that same day", None, "2016-06-20"),
])
def test_reference(text, reference, expected):
    anchor = D(2016, 11, 2)
    ref = resolve(reference, anchor, tense="past") if reference else None
    when = resolve(text, anchor, narrative=D(2016, 6, 20), tense="past", reference=ref)
    assert when.timex == expected
    assert when.earliest <= when.value <= when.latest


def test_without_reference_falls_back_on_the_anchor():
    assert resolve("a year earlier", D(2016, 11, 2)).timex == "2015"
    assert resolve("the latest period", D(2016, 11, 2)).timex == "2016-Q3"   # the last quarter ended
    assert resolve("the same period", D(2016, 11, 2)) is None               # nothing to be the same as
    assert resolve("the quarter", D(2016, 11, 2), tense="past").timex == "2016-Q3"


# --- the component ------------------------------------------------------------------------------

def test_a_year_earlier_follows_the_quarter_being_compared(nlp):
    text = ("The port authority said revenue fell 12% in the third quarter. Revenue had risen "
            "a year earlier, when exports peaked. In the latest period, fees rose 4%, compared "
            "with a drop in the year-ago quarter.")
    spans = _spans(nlp, text, D(2016, 11, 2))
    assert _timex(spans, "the third quarter") == "2016-Q3"
    assert _timex(spans, "a year earlier") == "2015-Q3"
    # "a year earlier" is itself anaphoric: the next "latest period" still means 2016-Q3
    assert _timex(spans, "the latest period") == "2016-Q3"
    assert _timex(spans, "the year-ago quarter") == "2015-Q3"


def test_extents_keep_the_article_not_the_possessive(nlp):
    text = ("The militia lost ground in the third quarter. Its fourth quarter began badly, and "
            "it reported a third-quarter drop in recruits.")
    texts = [t for t, _ in _spans(nlp, text, D(2016, 11, 2))]
    assert "the third quarter" in texts
    assert "fourth quarter" in texts and "Its fourth quarter" not in texts
    assert "third-quarter" in texts and "a third-quarter" not in texts


def test_refs_found_by_patterns(nlp):
    text = ("In the past, the rebels held the pass. Under current rules, convoys need permits. "
            "The envoy said talks would resume soon, as soon as the roads reopen.")
    spans = _spans(nlp, text, D(2016, 6, 22))
    assert _timex(spans, "the past") == "PAST_REF"
    assert _timex(spans, "current") == "PRESENT_REF"
    assert _timex(spans, "soon") == "FUTURE_REF"
    assert sum(t == "soon" for t, _ in spans) == 1          # not the "soon" of "as soon as"


@pytest.mark.parametrize("sentence,expected", [
    ("Leaders meet in Addis Ababa Monday to discuss the truce.", D(2016, 6, 27)),
    ("Rebels planned a march on Saturday.", D(2016, 6, 25)),
    ("A vigil planned for Saturday was cancelled after the blast.", D(2016, 6, 18)),
    ("Police are investigating Monday's attack on the depot.", D(2016, 6, 20)),
    ("The minister said he would travel to the border Friday.", D(2016, 6, 24)),
    ("The convoy could leave as early as Thursday.", D(2016, 6, 23)),
    ("Troops have been searching the hills since Sunday.", D(2016, 6, 19)),
])
def test_weekday_direction_follows_the_clause(nlp, sentence, expected):
    spans = _spans(nlp, sentence, D(2016, 6, 22))          # a Wednesday
    weekday = next(w for t, w in spans if t.split()[-1] in
                   ("Monday", "Saturday", "Friday", "Thursday", "Sunday"))
    assert weekday.value == expected


def test_dateline_anchors_relative_dates(nlp):
    # filed Friday 17 June, published the next Wednesday: "Tuesday" is the 14th, not the 21st
    text = "KINSHASA, June 17 (Reuters) -- Gunmen attacked a convoy on Tuesday, officials said."
    spans = _spans(nlp, text, D(2016, 6, 22))
    assert next(w for t, w in spans if t == "Tuesday").value == D(2016, 6, 14)
    spans = _spans(nlp, "Gunmen attacked a convoy on Tuesday, officials said.", D(2016, 6, 22))
    assert next(w for t, w in spans if t == "Tuesday").value == D(2016, 6, 21)


def test_holidays_and_spelled_years(nlp):
    text = ("The boy was rescued on Thanksgiving Day. In nineteen ninety-six the stadium was "
            "bombed, and prices last fell that low in the winter of nineteen ninety-four.")
    spans = _spans(nlp, text, D(2000, 1, 7))
    assert _timex(spans, "Thanksgiving Day") == "1999-11-25"
    assert _timex(spans, "nineteen ninety-six") == "1996"
    assert _timex(spans, "the winter of nineteen ninety-four") == "1994-WI"
