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


# --- the reporting period, contrasts and what does not move the discourse ----------------------

def test_a_quarter_refers_back_to_the_reporting_period_over_a_year_between(nlp):
    text = ("The shipping line said its third-quarter profit would fall short of the 30 cents a share "
            "it earned last year. It earned $5 million on revenue of $40 million in the 1988 quarter.")
    spans = _spans(nlp, text, D(1989, 10, 30))
    assert _timex(spans, "last year") == "1988"
    assert _timex(spans, "the 1988 quarter") == "1988-Q3"


def test_the_quarter_refers_back_over_a_month_mentioned_between(nlp):
    text = ("The carrier earned $4 million in the fiscal first quarter. Earlier this month, it said it "
            "expected to break even for the quarter on lower fuel costs. Planes flew fuller in April, "
            "and it carried 9% more passengers in the quarter.")
    spans = doc_spans = _spans(nlp, text, D(1989, 10, 26))
    quarters = [w.timex for t, w in doc_spans if t == "the quarter"]
    assert quarters == [_timex(spans, "the fiscal first quarter")] * 2


def test_a_quarter_told_as_a_contrast_is_not_the_reporting_period(nlp):
    text = ("The paper maker posted a 20% gain in third-quarter profit. After a flat second quarter "
            "hurt by pulp prices, it credited the gain to its tissue business. The quarter-to-quarter "
            "comparison was helped by charges taken in the year-earlier period. In the 1989 period, "
            "interest costs were lower than a year ago.")
    spans = _spans(nlp, text, D(1989, 11, 1))
    assert _timex(spans, "a flat second quarter") == "1989-Q2"
    assert _timex(spans, "the year-earlier period") == "1988-Q3"
    assert _timex(spans, "the 1989 period") == "1989-Q3"
    assert _timex(spans, "a year ago") == "1988-Q3"
    assert not any(t.startswith("quarter") for t, _ in spans)     # "quarter-to-quarter" is no date


def test_a_duration_that_modifies_a_noun_keeps_the_reference(nlp):
    text = ("The steelmaker reported a 54% drop in third-quarter profit, the end of a two-year boom. "
            "In the year-ago period, it earned $101 million.")
    spans = _spans(nlp, text, D(1989, 10, 26))
    assert _timex(spans, "the year-ago period") == "1988-Q3"


def test_the_previous_weekday_counts_from_the_day_narrated_not_the_night(nlp):
    # published Monday 30 October: the story tells of Friday 27th, "the previous Friday" is the 20th
    text = ("Frankfurt shares closed lower Friday, hurt by overnight losses in Tokyo. The DAX ended "
            "the day down 3% from the previous Friday.")
    spans = _spans(nlp, text, D(1989, 10, 30))
    assert _timex(spans, "Friday") == "1989-10-27"
    assert _timex(spans, "the previous Friday") == "1989-10-20"


@pytest.mark.parametrize("sentence,expected", [
    ("It is the third day of protests in the capital, and shops stay shut.", "2011-02-03"),
    ("Today is the tenth day of the siege of the old city.", "2011-02-03"),
    ("It's the second straight day of shelling along the front line.", "2011-02-03"),
    ("Tuesday was the second day of clashes in the port.", None),
])
def test_an_ordinal_day_said_of_today(nlp, sentence, expected):
    spans = _spans(nlp, sentence, D(2011, 2, 3))
    found = [w.timex for t, w in spans if t.endswith(" day")]
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize("sentence,published,expected", [
    # a plan told in the past: the nearer of the two (published Saturday 15 January)
    ("The immigration office set Friday as the deadline for the boy's return.", D(2000, 1, 15),
     D(2000, 1, 14)),
    ("Rebels planned a march on Saturday.", D(2016, 6, 22), D(2016, 6, 25)),
    # a deadline put off is ahead; a run that ended in the past is not (published Thursday 30 March)
    ("Officials postponed until Tuesday morning any ruling on the permit.", D(2000, 3, 30), D(2000, 4, 4)),
    ("The fund bought 250,000 shares from Sept. 14 to Thursday.", D(1989, 10, 30), D(1989, 10, 26)),
])
def test_weekday_of_a_plan_told_in_the_past(nlp, sentence, published, expected):
    spans = _spans(nlp, sentence, published)
    weekday = next(w for t, w in spans if t.split()[0] in ("Friday", "Saturday", "Tuesday", "Thursday"))
    assert weekday.value == expected
