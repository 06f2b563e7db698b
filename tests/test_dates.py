"""Temporal expressions: resolve() on a table of forms, and the warlog_dates component."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import parse, pipeline_with

from warlog.resolve.dates import When, is_historical, resolve

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "article.txt"
D = date

# (expression, published, context sentence written for this table, tense, expected value, precision)
# Published weekdays: 2016-06-22 Wed, 2017-01-03 Tue, 2016-03-01 Tue, 2015-01-10 Sat, 2019-11-04 Mon.
TABLE = [
    ("Tuesday", D(2016, 6, 22), "Rebels shelled the market Tuesday.", "past", D(2016, 6, 21), 1),
    ("on Sunday", D(2016, 6, 22), "Troops entered the village on Sunday.", "past", D(2016, 6, 19), 1),
    ("Wednesday", D(2016, 6, 22), "The army is advancing Wednesday.", "present", D(2016, 6, 22), 1),
    ("Wednesday night", D(2016, 6, 22), "A car bomb exploded Wednesday night.", "past", D(2016, 6, 22), 1),
    ("Friday", D(2016, 6, 22), "The talks will resume Friday.", "future", D(2016, 6, 24), 1),
    ("Saturday", D(2015, 1, 10), "Police fired tear gas Saturday.", "past", D(2015, 1, 10), 1),
    ("Sunday", D(2019, 11, 4), "Gunmen raided the checkpoint on Sunday.", "past", D(2019, 11, 3), 1),
    ("Monday", D(2019, 11, 4), "The governor said Monday that the curfew holds.", "past", D(2019, 11, 4), 1),
    ("last Tuesday", D(2016, 3, 1), "The convoy was ambushed last Tuesday.", "past", D(2016, 2, 23), 1),
    ("today", D(2016, 6, 22), "Protesters gathered today outside parliament.", "past", D(2016, 6, 22), 1),
    ("yesterday", D(2017, 1, 3), "Two soldiers died yesterday.", "past", D(2017, 1, 2), 1),
    ("yesterday", D(2016, 3, 1), "A drone struck a car yesterday.", "past", D(2016, 2, 29), 1),
    ("tonight", D(2016, 6, 22), "The council meets tonight.", "future", D(2016, 6, 22), 1),
    ("this morning", D(2015, 1, 10), "Shelling resumed this morning.", "past", D(2015, 1, 10), 1),
    ("last night", D(2017, 1, 3), "Militants attacked a base last night.", "past", D(2017, 1, 2), 1),
    ("overnight", D(2019, 11, 4), "Clashes broke out overnight.", "past", D(2019, 11, 3), 1),
    ("three days ago", D(2016, 6, 22), "The town fell three days ago.", "past", D(2016, 6, 19), 1),
    ("two weeks ago", D(2016, 6, 22), "The siege began two weeks ago.", "past", D(2016, 6, 8), 2),
    ("a month ago", D(2016, 6, 22), "A ceasefire collapsed a month ago.", "past", D(2016, 5, 22), 3),
    ("two years ago", D(2016, 6, 22), "The group seized the city two years ago.", "past", D(2014, 6, 22), 3),
    ("last week", D(2016, 6, 22), "Forces retook the hospital last week.", "past", D(2016, 6, 16), 2),
    ("last week", D(2017, 1, 3), "Airstrikes hit the bridge last week.", "past", D(2016, 12, 29), 2),
    ("this week", D(2019, 11, 4), "Students marched this week.", "past", D(2019, 11, 4), 2),
    ("earlier this week", D(2016, 6, 22), "Officials resigned earlier this week.", "past", D(2016, 6, 20), 2),
    ("next week", D(2016, 6, 22), "Elections will be held next week.", "future", D(2016, 6, 30), 2),
    ("last month", D(2017, 1, 3), "The port was blockaded last month.", "past", D(2016, 12, 16), 3),
    ("this month", D(2016, 3, 1), "Floods displaced thousands this month.", "past", D(2016, 3, 1), 3),
    ("earlier this month", D(2016, 6, 22), "A mass grave was found earlier this month.", "past", D(2016, 6, 11), 3),
    ("last year", D(2017, 1, 3), "The militia was formed last year.", "past", D(2016, 7, 1), 3),
    ("in May", D(2016, 6, 22), "The offensive started in May.", "past", D(2016, 5, 16), 3),
    ("in December", D(2017, 1, 3), "The pact was signed in December.", "past", D(2016, 12, 16), 3),
    ("since May", D(2016, 6, 22), "Militias have fought since May.", "present", D(2016, 5, 16), 3),
    ("on June 2", D(2016, 6, 22), "The campaign began on June 2.", "past", D(2016, 6, 2), 1),
    ("June 2", D(2016, 6, 22), "Rockets fell on the airport June 2.", "past", D(2016, 6, 2), 1),
    ("2 June", D(2016, 6, 22), "Rebels took the dam on 2 June.", "past", D(2016, 6, 2), 1),
    ("June 2, 2016", D(2016, 6, 22), "The vote took place on June 2, 2016.", "past", D(2016, 6, 2), 1),
    ("21 June 2016", D(2016, 6, 22), "A suicide attack on 21 June 2016 killed nine.", "past", D(2016, 6, 21), 1),
    ("Dec. 28", D(2017, 1, 3), "The prison was stormed on Dec. 28.", "past", D(2016, 12, 28), 1),
    ("Feb. 29", D(2016, 3, 1), "The truce took effect Feb. 29.", "past", D(2016, 2, 29), 1),
    ("March 15", D(2016, 3, 1), "The summit will open March 15.", "future", D(2016, 3, 15), 1),
    ("in August 2014", D(2016, 6, 22), "The militants overran it in August 2014.", "past", D(2014, 8, 16), 3),
    ("August 2014", D(2016, 6, 22), "The base fell August 2014.", "past", D(2014, 8, 16), 3),
    ("2014", D(2016, 6, 22), "The war began in 2014.", "past", D(2014, 7, 2), 3),
    ("mid-June", D(2016, 6, 22), "Fighting intensified in mid-June.", "past", D(2016, 6, 15), 3),
    ("early June", D(2016, 6, 22), "Aid convoys arrived in early June.", "past", D(2016, 6, 5), 3),
    ("late May", D(2016, 6, 22), "The bridge was destroyed in late May.", "past", D(2016, 5, 26), 3),
    ("the weekend", D(2016, 6, 22), "Riots spread over the weekend.", "past", D(2016, 6, 18), 2),
    ("last weekend", D(2019, 11, 4), "Two journalists vanished last weekend.", "past", D(2019, 11, 2), 2),
    ("the weekend", D(2015, 1, 10), "Marches are planned for the weekend.", "present", D(2015, 1, 10), 2),
    ("Friday [1 January]", D(2016, 1, 3), "Curfew was imposed on Friday [1 January].", "past", D(2016, 1, 1), 1),
    ("Friday (Jan. 1)", D(2016, 1, 3), "The envoy arrived Friday (Jan. 1).", "past", D(2016, 1, 1), 1),
    ("2016-06-21", D(2016, 6, 22), "Report dated 2016-06-21 lists the dead.", None, D(2016, 6, 21), 1),
    ("21/06/2016", D(2016, 6, 22), "The incident of 21/06/2016 is disputed.", None, D(2016, 6, 21), 1),
    ("06/21/2016", D(2016, 6, 22), "An attack on 06/21/2016 was reported.", None, D(2016, 6, 21), 1),
    ("03/04/2016", D(2016, 6, 22), "Clashes on 03/04/2016 left six dead.", None, D(2016, 4, 3), 1),
    ("Two days earlier", D(2016, 6, 22), "Two days earlier, troops seized an oilfield.", "past", D(2016, 6, 20), 1),
    ("the next day", D(2016, 6, 22), "Only the next day the rebels withdrew.", "past", D(2016, 6, 23), 1),
    ("Christmas", D(2017, 1, 3), "The church was bombed at Christmas.", "past", D(2016, 12, 25), 1),
    ("last December", D(2017, 1, 3), "The mayor was kidnapped last December.", "past", D(2016, 12, 16), 3),
    ("the third quarter", D(2016, 11, 2), "Oil exports fell in the third quarter.", "past", D(2016, 8, 15), 3),
    ("this summer", D(2016, 6, 22), "Refugee arrivals rose this summer.", "past", D(2016, 7, 16), 3),
    ("the 1990s", D(2016, 6, 22), "The conflict dates to the 1990s.", "past", D(1994, 12, 31), 3),
    ("le 3 mars 2015", D(2016, 6, 22), "Attaque le 3 mars 2015 : dix morts.", "past", D(2015, 3, 3), 1),
    # forms added with the discourse work (2016-06-22 Wed, 1989-11-02 Thu, 2000-01-07 Fri, 2000-04-17 Mon)
    ("Saturday", D(2016, 6, 22), "Donors meet in Geneva Saturday.", "present", D(2016, 6, 25), 1),
    ("Earlier Sunday", D(2016, 6, 22), "Earlier Sunday, mortars hit the camp.", "past", D(2016, 6, 19), 1),
    ("Tuesday morning", D(2016, 6, 22), "Tuesday morning the checkpoint was overrun.", "past", D(2016, 6, 21), 1),
    ("the previous Friday", D(2016, 6, 22), "Casualties doubled from the previous Friday.", "past", D(2016, 6, 17), 1),
    ("day before last Tuesday", D(2016, 6, 22), "On the day before last Tuesday the roads closed.", "past", D(2016, 6, 20), 1),
    ("the week of March 6", D(2000, 1, 7), "Hearings resume the week of March 6.", "future", D(2000, 3, 9), 2),
    ("a few days ago", D(2016, 6, 22), "The envoy left a few days ago.", "past", D(2016, 6, 17), 2),
    ("this past weekend", D(2019, 11, 4), "Militias clashed this past weekend.", "past", D(2019, 11, 2), 2),
    ("Easter week", D(2000, 4, 17), "Processions were banned as Easter week began.", "past", D(2000, 4, 20), 2),
    ("Thanksgiving Day", D(2000, 1, 7), "The boat sank on Thanksgiving Day.", "past", D(1999, 11, 25), 1),
    ("last Thanksgiving", D(2000, 2, 10), "He was rescued last Thanksgiving.", "past", D(1999, 11, 25), 1),
    ("Election Day", D(2016, 10, 20), "Militias vowed calm until Election Day.", "future", D(2016, 11, 8), 1),
    ("Christmas Eve", D(2017, 1, 3), "The market was shelled on Christmas Eve.", "past", D(2016, 12, 24), 1),
    ("January this year", D(2016, 6, 22), "The blockade started in January this year.", "past", D(2016, 1, 16), 3),
    ("June last year", D(2016, 6, 22), "The ceasefire was signed in June last year.", "past", D(2015, 6, 15), 3),
    ("mid-1996", D(1998, 2, 19), "The rebel army split in mid-1996.", "past", D(1996, 7, 1), 3),
    ("nineteen ninety-six", D(1998, 2, 27), "In nineteen ninety-six the stadium was bombed.", "past", D(1996, 7, 1), 3),
    ("the year two thousand", D(1998, 3, 3), "Elections are due by the year two thousand.", "future", D(2000, 7, 1), 3),
    ("the winter of nineteen ninety-four", D(1998, 2, 23), "Prices last fell that low in the winter of nineteen ninety-four.", "past", D(1995, 1, 14), 3),
    ("the nineties", D(1998, 3, 3), "Attacks declined through the nineties.", "past", D(1994, 12, 31), 3),
    ("the last decade", D(1998, 2, 6), "Wages stagnated in the last decade.", "past", D(1984, 12, 31), 3),
    ("the first half of 2015", D(2016, 6, 22), "Displacement peaked in the first half of 2015.", "past", D(2015, 4, 1), 3),
    ("the fiscal first quarter", D(1989, 11, 2), "Exports rose in the fiscal first quarter.", "past", D(1989, 2, 14), 3),
    ("this year's third quarter", D(1989, 11, 2), "Aid flows halved in this year's third quarter.", "past", D(1989, 8, 15), 3),
    ("the year-ago third quarter", D(1989, 11, 2), "Revenue beat the year-ago third quarter.", "past", D(1988, 8, 15), 3),
    ("the latest quarter", D(1989, 11, 2), "Arms imports grew in the latest quarter.", "past", D(1989, 8, 15), 3),
    ("the past year", D(2016, 6, 22), "Over the past year, 300 villages emptied.", "past", D(2015, 12, 22), 3),
    ("year-end", D(2016, 6, 22), "Peacekeepers will leave by year-end.", "future", D(2016, 12, 31), 1),
    # rules of the accuracy pass (1998-03-04 Wed, 1989-10-30 Mon, 2000-01-15 Sat, 1989-11-02 Thu)
    ("December", D(1998, 3, 4), "The crew will fly a relief mission in December.", "future", D(1998, 12, 16), 3),
    ("Jan. 14", D(2000, 1, 15), "The court ordered the detainee freed by Jan. 14.", "future", D(2000, 1, 14), 1),
    ("January", D(1989, 10, 30), "Lenders extended the credit line through January.", "limit", D(1990, 1, 16), 3),
    ("Feb. 1", D(1989, 10, 26), "A new curfew takes hold effective Feb. 1.", "open", D(1990, 2, 1), 1),
    ("last February", D(1998, 3, 1), "Two helicopters crashed last February.", "past", D(1997, 2, 14), 3),
    ("last March", D(1998, 5, 10), "The envoy resigned last March.", "past", D(1998, 3, 16), 3),
    ("year-end", D(1989, 10, 30), "Bad loans were written off at year-end.", "past", D(1988, 12, 31), 1),
    ("around year end", D(1989, 10, 30), "The sale should close around year end.", "future", D(1989, 12, 16), 3),
    ("the quarter ended July 31", D(1989, 10, 30), "Sales rose in the quarter ended July 31.", "past", D(1989, 6, 15), 3),
    ("the year ended Sept. 30", D(1989, 11, 2), "For the year ended Sept. 30, the firm lost money.", "past", D(1989, 4, 1), 3),
    ("the latest period", D(1989, 11, 2), "Margins widened in the latest period.", "past", D(1989, 8, 15), 3),
    ("in five years", D(1989, 11, 2), "The notes will be redeemed in five years.", "future", D(1994, 11, 2), 3),
    # the speed and TIMEX3 pass (1999-10-20 Wed, 2016-06-22 Wed)
    ("last Oct. 23", D(1999, 10, 20), "Gunmen burned the depot last Oct. 23.", "past", D(1998, 10, 23), 1),
    ("next May 1", D(2016, 6, 22), "The transition ends next May 1, the envoy said.", "future", D(2017, 5, 1), 1),
    ("this past June 3", D(2016, 6, 22), "The pipeline burned this past June 3.", "past", D(2016, 6, 3), 1),
    ("post-1991", D(2016, 6, 22), "The post-1991 borders were never demarcated.", None, D(1991, 7, 2), 3),
    ("an Aug. 10, 1988", D(1989, 11, 2), "Under an Aug. 10, 1988 accord the guns fell silent.", None,
     D(1988, 8, 10), 1),
    # runs of days: dated by the first day, precision 2 (a few days)
    ("15-18 February", D(2016, 2, 19), "Clashes went on over four days from 15-18 February.", "past",
     D(2016, 2, 15), 2),
    ("March 3 to 5", D(2021, 3, 9), "Shelling of the district lasted from March 3 to 5.", "past", D(2021, 3, 3), 2),
    ("between 27-28 April", D(2016, 4, 30), "Six people died in air strikes between 27-28 April.", "past",
     D(2016, 4, 27), 2),
]

# (expression, published, tense, TIMEX3 value) of the same pass where the value is the point
TIMEX_TABLE = [
    ("the quarter ended July 31", D(1989, 10, 30), "past", "1989-Q2"),       # most of May-July
    ("the quarter ended Sept. 30", D(1989, 11, 2), "past", "1989-Q3"),
    ("its fourth quarter ended Sept. 30", D(1989, 11, 2), "past", "1989-Q4"),  # a fiscal ordinal stays
    ("the fiscal-first quarter ended Sept. 30", D(1989, 10, 26), "past", "1989-Q1"),
    ("the year ended Sept. 30", D(1989, 11, 2), "past", "1989"),
    ("by year-end", D(1989, 11, 2), "future", "1989-12-31"),
    ("since year-end", D(1989, 10, 30), "present", "1988-12-31"),          # "since": one gone
    ("9 a.m. EST", D(2000, 4, 3), None, None),                  # a clock time alone is not a date
    ("9 a.m. EST Tuesday", D(2000, 4, 3), "future", "2000-04-04T09:00"),
    ("first two quarters of 1990", D(1989, 10, 26), "future", "1990-H1"),
]


@pytest.mark.parametrize("text,published,tense,timex", TIMEX_TABLE, ids=[r[0] for r in TIMEX_TABLE])
def test_timex_table(text, published, tense, timex):
    when = resolve(text, published, tense=tense)
    assert (when.timex if when else None) == timex


@pytest.mark.parametrize("text,published,context,tense,expected,precision", TABLE,
                         ids=[f"{row[0]}@{row[1]}" for row in TABLE])
def test_resolve_table(text, published, context, tense, expected, precision):
    assert text in context
    narrative = D(2016, 6, 22) if text == "Two days earlier" else None
    when = resolve(text, published, narrative=narrative, tense=tense)
    assert when is not None and when.kind in ("date", "ref")   # "a few days ago": PAST_REF with a window
    assert (when.value, when.precision) == (expected, precision)
    assert when.earliest <= when.value <= when.latest


@pytest.mark.parametrize("text,published,context,tense,expected,precision", TABLE,
                         ids=[f"window:{row[0]}@{row[1]}" for row in TABLE])
def test_precision_matches_window(text, published, context, tense, expected, precision):
    """ACLED time_precision: 1 a single day, 2 a week or a few days, 3 a month or more."""
    narrative = D(2016, 6, 22) if text == "Two days earlier" else None
    when = resolve(text, published, narrative=narrative, tense=tense)
    width = (when.latest - when.earliest).days + 1
    if when.precision == 1:
        assert width <= 2          # a day, or a night ("overnight")
    elif when.precision == 2:
        assert width <= 7          # "this week" said on a Monday is that Monday so far
    else:
        assert width >= 8 or "earlier this month" in context or "this month" in context


def test_windows_and_timex():
    last_week = resolve("last week", D(2017, 1, 3))
    assert (last_week.earliest, last_week.latest, last_week.timex) == (D(2016, 12, 26), D(2017, 1, 1), "2016-W52")
    since = resolve("since May", D(2016, 6, 22))
    assert (since.earliest, since.latest) == (D(2016, 5, 1), D(2016, 6, 22))
    earlier = resolve("earlier this week", D(2016, 6, 22))
    assert (earlier.earliest, earlier.latest) == (D(2016, 6, 20), D(2016, 6, 21))
    assert resolve("August 2014", D(2016, 6, 22)).timex == "2014-08"
    assert resolve("the weekend", D(2016, 6, 22)).timex == "2016-W24-WE"
    assert resolve("now", D(2016, 6, 22)).timex == "PRESENT_REF"
    assert resolve("recently", D(2016, 6, 22)).timex == "PAST_REF"


@pytest.mark.parametrize("text,timex", [("two years", "P2Y"), ("six years", "P6Y"), ("one month", "P1M"),
                                         ("24 hours", "PT24H"), ("the past three months", "P3M")])
def test_durations(text, timex):
    when = resolve(text, D(2016, 6, 22))
    assert (when.kind, when.timex, when.value) == ("duration", timex, None)


def test_relative_to_unknown_things():
    assert resolve("one month after the government launched its campaign", D(2016, 6, 22)).value is None
    assert resolve("two days after June 2", D(2016, 6, 22)).value == D(2016, 6, 4)
    no_anchor = resolve("Tuesday", None)
    assert no_anchor.value is None and no_anchor.note
    assert resolve("21 June 2016", None).value == D(2016, 6, 21)
    assert resolve("18 to 32", D(2016, 6, 22)) is None
    assert resolve("its sixth year", D(2016, 6, 22)) is None


def test_is_historical():
    anchor = D(2016, 6, 22)
    assert is_historical(resolve("August 2014", anchor), anchor)
    assert not is_historical(resolve("last week", anchor), anchor)
    assert not is_historical(None, anchor)
    assert isinstance(resolve("today", anchor), When)


# --- the component --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("warlog_dates")


def _run(nlp, text, published):
    return parse(nlp, text, published)


def test_component_on_own_text(nlp):
    from warlog.nlp.dates import timexes
    text = ("Government troops recaptured the town of Kassa on Monday, officials said. Three days "
            "earlier, rebels had ambushed a convoy there. Casualty reports ranged from 12 to 20. "
            "The army will hold a parade on Friday.")
    doc = _run(nlp, text, D(2019, 11, 6))
    got = {s.text: s._.when.value for s in doc.spans["dates"]}
    assert got["Monday"] == D(2019, 11, 4)
    assert got["Three days earlier"] == D(2019, 11, 1)
    assert got["Friday"] == D(2019, 11, 8)
    assert not any("12" in s.text for s in doc.spans["dates"])
    assert ("2019-11-04" in {t[2] for t in timexes(doc)})


@pytest.mark.parametrize("text,published,expected", [
    # a "VBP" tag on a verb whose past is spelled the same is no present tense
    ("Weak car sales hurt the shares of the carmaker on Friday.", D(1989, 10, 30), {"Friday": "1989-10-27"}),
    # the verb of a quotation does not date the speaker's words
    ("The lawyer on Thursday ``The charges are baseless,'' he said.", D(1998, 2, 6), {"Thursday": "1998-02-05"}),
    # a clock time and its day are one expression; "until" after "gave" sets a deadline ahead
    ("The agency gave the family until 9 a.m. Tuesday to sign.", D(2000, 4, 3),
     {"9 a.m. Tuesday": "2000-04-04T09:00"}),
    # "the quarter ended <day>": two expressions, the quarter resolved with its last day
    ("Profit rose 8% for the quarter ended July 31.", D(1989, 10, 30),
     {"the quarter": "1989-Q2", "July 31": "1989-07-31"}),
    ("For the year, exports were flat.", D(2016, 11, 2), {"the year": "2016"}),
    ("Protesters gather daily outside the ministry.", D(2016, 11, 2), {"daily": "P1D"}),
    # an outlook does not become the period that "year-ago" looks back from
    ("Profit fell in the third quarter. Analysts expect weak sales through the second quarter of 2017. "
     "In the year-ago period, the firm earned $3 million.", D(2016, 11, 2), {"the year-ago period": "2015-Q3"}),
    ("Revenue fell in the third quarter, against $4 million in the corresponding period last year. "
     "This quarter's loss includes a charge.", D(2016, 11, 2),
     {"the corresponding period last year": "2015-Q3", "This quarter": "2016-Q3"}),
    ("Profit doubled in the third quarter, above the comparable year-ago quarter.", D(2016, 11, 2),
     {"the comparable year-ago quarter": "2015-Q3"}),
    # a quarter named in a clause that looks ahead is an outlook, not the reference
    (("Profit fell in the latest quarter. The closure will lead to a fourth-quarter charge. A year ago, "
      "the refiner earned $3 million."), D(2016, 11, 2), {"the latest quarter": "2016-Q3", "A year ago": "2015-Q3"}),
    # a time noun's possessive belongs to the expression; a second day takes the first one's month
    ("The ministry said the camp would close by year's end.", D(2016, 6, 22), {"year's end": "2016-12-31"}),
    ("Donors will meet in Oslo on April 24 and 25.", D(2016, 3, 1), {"April 24": "2016-04-24", "25": "2016-04-25"}),
    ("``Nobody should leave the city at this crucial moment,'' the mayor said.", D(2016, 6, 22),
     {"this crucial moment": "PRESENT_REF"}),
    ("Since the post-2003 purge, many officers have joined the insurgents.", D(2016, 6, 22), {"post-2003": "2003"}),
    # TimeML extents end before a possessive marker: "[December]'s", "[last Friday]'s"
    ("The bureau trimmed December's jobless figures on Friday.", D(2016, 1, 8), {"December": "2015-12"}),
    ("Last Friday's bombing in Quetta killed four policemen.", D(2017, 3, 1), {"Last Friday": "2017-02-24"}),
    # a count and the time it counts from are one expression
    ("The day before last Sunday's runoff, militants blocked the road to Bouake.", D(2015, 11, 4),
     {"The day before last Sunday": "2015-10-31"}),
    ("Two days after the March 3 vote, the opposition called a general strike.", D(2018, 4, 10),
     {"Two days after the March 3": "2018-03-05"}),
    # ... unless it counts from an event: the date inside stays an expression of its own
    ("Six trading days after Oct. 9, the index had recovered its losses.", D(2014, 10, 30), {"Oct. 9": "2014-10-09"}),
    # a fiscal quarter told again by its last day stays that quarter for what refers back
    ("The chipmaker earned $4 million in the fiscal first quarter. Sales for the quarter ended Sept. 25 "
     "rose 9%. In the 2015 period, it lost $2 million.", D(2016, 10, 26),
     {"the fiscal first quarter": "2016-Q1", "the quarter": "2016-Q1", "the 2015 period": "2015-Q1"}),
])

def test_component_rules(nlp, text, published, expected):
    from warlog.nlp.dates import timexes
    doc = _run(nlp, text, published)
    got = {text[s:e]: v for s, e, v in timexes(doc)}
    for span, value in expected.items():
        assert got.get(span) == value, (span, got)


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present (../shared/seed)")
def test_seed_article(nlp):
    doc = _run(nlp, SEED.read_text(encoding="utf-8"), D(2016, 6, 22))
    spans = list(doc.spans["dates"])

    def first(text, after=0):
        return next(s._.when for s in spans if s.text == text and s.start_char >= after)

    assert first("Tuesday").value == D(2016, 6, 21)
    tuesday_at = next(s.start_char for s in spans if s.text == "Tuesday")
    assert first("Two days earlier", tuesday_at).value == D(2016, 6, 19)
    assert first("Sunday").value == D(2016, 6, 19)
    assert first("June 2").value == D(2016, 6, 2)
    week = first("last week")
    assert (week.earliest, week.latest, week.precision) == (D(2016, 6, 13), D(2016, 6, 19), 2)
    aug = first("August 2014")
    assert (aug.timex, aug.precision) == ("2014-08", 3) and is_historical(aug, D(2016, 6, 22))
    assert first("Wednesday").value == D(2016, 6, 22)
    assert first("Friday").value == D(2016, 6, 17)
    texts = {s.text for s in spans}
    assert "18 to 32" not in texts and "Wednesday" in texts
    assert not any("month Wednesday" in t for t in texts)


def test_matcher_windows_find_what_the_whole_doc_matcher_finds(nlp):
    """The Matcher runs only around key tokens; it must find exactly what it finds on the whole doc."""
    from spacy.matcher import Matcher

    from warlog.nlp.dates import PATTERNS, _DateMatcher
    text = ("KABUL, March 3 -- The same fiscal 1989 third quarter was weak, a year ago the figures were "
            "better. Gunmen attacked a checkpoint last Tuesday night and again on 12/03/2016; since mid-2015 "
            "the district has changed hands twice, most recently three weeks ago. The governor said on "
            "Christmas Eve that talks would resume in the near future, possibly next week or by year-end. "
            "Officials met on April 24 and 25, 2016, and again in the first two quarters of 2017.")
    doc = _run(nlp, text, D(2016, 6, 22))
    whole = Matcher(nlp.vocab)
    for name, patterns in PATTERNS.items():
        whole.add(name, patterns, greedy="LONGEST")
    assert sorted(_DateMatcher(nlp.vocab)(doc)) == sorted(whole(doc))
    assert len(whole(doc)) > 10


@pytest.mark.parametrize("text, name", [
    ("Fighters stormed a farm south of the 7 October Neighborhood on Monday.", "7 October"),
    ("Crowds gathered near the 26 July Avenue roundabout on Friday.", "26 July"),
])
def test_a_date_that_names_a_place_is_no_time(nlp, text, name):
    from warlog.nlp.dates import timexes
    doc = _run(nlp, text, D(2016, 1, 14))
    got = {text[s:e] for s, e, _v in timexes(doc)}
    assert not any(name in g for g in got), got
    assert any(g.endswith("day") for g in got)  # the weekday is still found
