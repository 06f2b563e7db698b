"""Publication date inferred from the text, and wire datelines."""
from __future__ import annotations

from datetime import date as D

from warlog.resolve.published import (
    Inferred,
    dateline_date,
    fill_published,
    infer_published,
)


def test_latest_full_date_opens_the_window():
    text = ("Fighting resumed on 14 March 2017 near the dam. By Thursday, March 16, 2017, "
            "aid agencies had counted 40 dead. Talks are scheduled for April 30, 2017.")
    got = infer_published(text)
    assert isinstance(got, Inferred)
    # the scheduled date looks ahead and is ignored; a weekday is named, so within six days
    assert (got.window_earliest, got.window_latest, got.best) == (D(2017, 3, 16), D(2017, 3, 22), D(2017, 3, 17))
    assert "2017-03-16" in got.reason


def test_weekday_must_agree_with_the_date():
    # 16 March 2017 was a Thursday, not a Monday: the clashing pair is not used
    text = "The convoy left on 2 March 2017. Officials said on Monday, March 16, 2017, that it arrived."
    got = infer_published(text)
    assert got.window_earliest == D(2017, 3, 2)
    assert "Thursday" in got.reason


def test_month_day_without_year_takes_the_year_written_elsewhere():
    text = "The siege, which began in 2015, tightened on June 2 when the road was cut. Residents fled on Friday."
    got = infer_published(text)
    assert got.window_earliest == D(2015, 6, 2) and got.best == D(2015, 6, 3)
    assert got.window_latest == D(2015, 6, 8)


def test_weekday_picks_the_year_of_a_month_day():
    # 21 June 2015 was a Sunday: of the candidate years 2015-2016 only 2016 agrees with "Tuesday"
    text = "Clashes were reported in 2015. On Tuesday, June 21, the militia withdrew."
    assert infer_published(text).window_earliest == D(2016, 6, 21)
    text2 = "Clashes were reported in 2016. On Tuesday, June 21, the militia withdrew."
    assert infer_published(text2).window_earliest == D(2016, 6, 21)


def test_only_years_give_a_wide_window_and_no_best_day():
    got = infer_published("The massacre of 1994 is still remembered in the villages.")
    assert (got.window_earliest, got.window_latest, got.best) == (D(1994, 1, 1), D(1995, 12, 31), None)


def test_nothing_to_go_on_is_said_never_today():
    got = infer_published("Gunmen attacked a checkpoint on Tuesday, killing two soldiers.")
    assert got == Inferred(None, None, None, got.reason) and "unknown" in got.reason


def test_dateline_sets_the_day():
    text = "NAIROBI, June 21 (Reuters) -- Police dispersed a march in the capital on Tuesday."
    assert infer_published(text + " It was the third since 1 June 2016.").best == D(2016, 6, 21)
    assert dateline_date(text, D(2016, 6, 22)) == D(2016, 6, 21)
    assert dateline_date(text, D(2016, 8, 1)) is None           # too far before publication
    assert dateline_date(text, None) is None
    assert dateline_date("KABUL (AP) -- A bomb exploded.", D(2016, 6, 22)) is None
    assert dateline_date("BRUSSELS, December 30 (Xinhua) -- Talks ended.", D(2017, 1, 2)) == D(2016, 12, 30)


def test_fill_published_sets_the_article_and_says_so():
    from warlog.model import Article
    article = Article(text="Fighting resumed on 14 March 2017 near the dam; on Thursday the army withdrew.")
    note = fill_published(article)
    assert (article.published, article.published_from) == (D(2017, 3, 15), "text")
    assert "inferred from the text" in note and "2017-03-14..2017-03-20" in note
    assert fill_published(article) is None                      # it has a date now
    undated = Article(text="Gunmen attacked a checkpoint on Tuesday.")
    assert "no publication date" in fill_published(undated) and undated.published is None
