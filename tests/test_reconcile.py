"""One event per real event across articles: other reports of an event add reports, not events."""
import html
from datetime import date

import pytest

from warlog.ingest import read_bytes, read_paths
from warlog.model import Article, Event
from warlog.pipeline import extract_article
from warlog.reconcile import combine_reports, compatible, merge
from warlog.store import Store

from conftest import SEED, need

PUBLISHED = "2016-06-22"
# A short rewrite of one of the seed's events, written for this test.
REWRITE = ("Fighting with Islamic State militants in the Libyan city of Sirte killed 36 fighters from "
           "militias loyal to the UN-backed government, and about 140 others were wounded, a spokesman "
           "for the hospital in Misrata said on Wednesday.\n")


def _article(items) -> Article:
    return next(a for a in items if isinstance(a, Article))


def scraped_again(seed: Article) -> bytes:
    """The seed story as another site serves it: HTML, its own furniture, a byline, the last
    paragraph cut off by the scrape."""
    paragraphs = seed.text.split("\n\n")[:-1]
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    page = f"""<html><head><title>{html.escape(seed.title or '')}</title>
<meta property="article:published_time" content="{PUBLISHED}T09:30:00Z">
<meta property="og:site_name" content="Another Wire Site"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/mideast">Middle East</a></nav>
<article><h1>{html.escape(seed.title or '')}</h1><p class="byline">By the Associated Press</p>
{body}</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Markets close higher</a></li></ul></aside>
<footer>Copyright 2016. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>"""
    return page.encode("utf-8")


@pytest.fixture(scope="module")
def extractions():
    seed = _article(read_paths([need(SEED)], published=PUBLISHED))
    copy = _article(read_bytes(scraped_again(seed), "copy.html", kind="html"))
    rewrite = _article(read_bytes(REWRITE.encode(), "rewrite.txt", kind="text", published=date(2016, 6, 22)))
    assert len({seed.id, copy.id, rewrite.id}) == 3, "three different articles"
    return [extract_article(a) for a in (seed, copy, rewrite)]


def current(store):
    return store.events()


def test_other_reports_add_reports_not_events(tmp_path, extractions):
    seed, copy, rewrite = extractions
    with Store(tmp_path / "one.db") as alone:
        alone.save(seed)
        n_alone = len(alone.events(historical=None))
    with Store(tmp_path / "all.db") as store:
        for extraction in (seed, copy, rewrite):
            assert store.save(extraction).status == "stored"
        events = store.events(historical=None)
        assert len(events) == n_alone
        assert store.counts()["articles"] == 3
        sirte = [e for e in events if e.country_code == "LY" and e.event_type == "Battles"]
        assert len(sirte) == 1
        reports = store.reports(sirte[0].id)
        assert len(reports) == 3  # the seed, its copy and the rewrite
        assert sirte[0].fatalities == 36 and sirte[0].injured == 140
        assert {ev.article_id for ev in sirte[0].evidence} == {r.id for r in reports}
        multi = [e for e in events if len(store.reports(e.id)) >= 2]
        assert len(multi) >= len(events) - 1  # (nearly) every event of the seed is told again by the copy


def test_conflicting_reports_give_a_range():
    figures = [
        {"fatalities": 36, "fatalities_low": 36, "fatalities_best": 36, "fatalities_high": 36, "injured": 140},
        {"fatalities": 40, "fatalities_low": 40, "fatalities_best": 40, "fatalities_high": None, "injured": None},
        {"fatalities": 30, "fatalities_low": 30, "fatalities_best": 30, "fatalities_high": 45, "injured": 150},
        {"fatalities": 0, "fatalities_low": None, "fatalities_best": None, "fatalities_high": None, "injured": None},
    ]
    combined = combine_reports(figures)
    assert combined == {"fatalities": 30, "fatalities_low": 30, "fatalities_best": 36,
                        "fatalities_high": 45, "injured": 150}


def test_different_events_stay_apart():
    base = dict(article_id="a", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                country_code="SY", latitude=35.95, longitude=39.01, geo_precision=1)
    syria = Event(**base, actor1="Military Forces of Syria")
    coalition = Event(**{**base, "article_id": "b"}, actor1="Coalition")
    far = Event(**{**base, "article_id": "c", "latitude": 36.2, "longitude": 37.15}, actor1="Military Forces of Syria")
    assert not compatible(syria, coalition)  # one strike, one perpetrator
    assert not compatible(syria, far)  # Aleppo is not Raqqa
    assert compatible(syria, Event(**{**base, "article_id": "d"}))


def test_an_event_placed_only_in_its_country_agrees_with_its_towns():
    base = dict(article_id="a", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                actor1="Military Forces of United States", country_code="LY", country="Libya")
    in_libya = Event(**base, location="Libya", latitude=26.3, longitude=17.2, geo_precision=3)
    in_sabratha = Event(**base, location="Sabratha", latitude=32.79, longitude=12.48, geo_precision=1)
    in_syria = Event(**{**base, "country_code": "SY", "country": "Syria"}, location="Syria",
                     latitude=35.0, longitude=38.5, geo_precision=3)
    assert compatible(in_libya, in_sabratha)
    assert not compatible(in_syria, in_sabratha)


def test_two_tellings_keep_a_consistent_range():
    # "killed a guard" and "a number of militants were killed" (at least 2, coded 10): open above
    one = Event("a", fatalities=1, fatalities_low=1, fatalities_best=1, fatalities_high=1)
    some = Event("a", fatalities=10, fatalities_low=2, fatalities_best=10, fatalities_high=None)
    merged = merge(one, some)
    assert (merged.fatalities_low, merged.fatalities, merged.fatalities_high) == (1, 10, None)
    exact = merge(one, Event("a", fatalities=3, fatalities_low=3, fatalities_best=3, fatalities_high=3))
    assert exact.fatalities_low <= exact.fatalities <= exact.fatalities_high
