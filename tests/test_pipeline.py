"""The whole pipeline on real text: the seed story end to end, and stories written for the project."""
from datetime import date

import pytest

import warlog
from warlog.ingest import read_paths
from warlog.model import Article

from conftest import SEED, need


@pytest.fixture(scope="module")
def seed():
    article = next(a for a in read_paths([need(SEED)], published="2016-06-22") if isinstance(a, Article))
    return warlog.extract(article.text, published=article.published)


def find(events, sub, location=None):
    return [e for e in events if e.sub_event_type == sub and not e.is_historical
            and (location is None or (e.location or "").lower().find(location.lower()) >= 0)]


def test_seed_finds_the_fronts(seed):
    current = [e for e in seed.events if not e.is_historical]
    countries = {e.country_code for e in current}
    assert {"SY", "IQ", "LY"} <= countries
    territory = find(current, "Non-state actor overtakes territory")
    assert territory and territory[0].event_date == date(2016, 6, 21)
    assert any("Islamic State" in (e.actor1 or "") for e in territory)
    regains = [e for e in find(current, "Government regains territory") if e.country_code == "SY"]
    assert regains and regains[0].event_date == date(2016, 6, 19)


def test_seed_sirte_toll_is_one_event(seed):
    sirte = [e for e in seed.events if e.country_code == "LY" and e.event_type == "Battles"]
    assert len(sirte) == 1
    assert sirte[0].fatalities == 36 and sirte[0].injured == 140
    assert sum(1 for ev in sirte[0].evidence if ev.field == "event") >= 2  # told twice, one record


def test_seed_history_is_not_news(seed):
    for e in seed.events:
        if "August 2014" in e.notes:
            assert e.is_historical


def test_seed_ouagadougou_is_not_burkina_faso(seed):
    assert all(e.country_code != "BF" for e in seed.events)


def test_every_field_has_its_words(seed):
    for e in seed.events:
        for ev in e.evidence:
            assert seed.article.text[ev.start:ev.end] == ev.text


def test_seed_claims(seed):
    shares = {(c.subject, c.value) for c in seed.claims if c.attribute == "share_controlled"}
    assert ("Fallujah", 0.33) in shares
    assert any(v == 0.8 for _s, v in shares)


@pytest.mark.parametrize("text, published, expect", [
    ("Houthi fighters fired artillery shells at residential districts of Taiz on Monday, killing four "
     "civilians including two children, a local health official said.", "2019-03-13",
     dict(sub_event_type="Shelling/artillery/missile attack", country_code="YE", fatalities=4,
          civilian_targeting=True, event_date=date(2019, 3, 11))),
    ("Suspected al-Shabaab militants detonated a car bomb outside a hotel in Mogadishu on Saturday, "
     "killing at least 12 people, police said.", "2018-11-12",
     dict(event_type="Explosions/Remote violence", country_code="SO", fatalities=12,
          event_date=date(2018, 11, 10))),
    ("Police in Lagos fired tear gas to disperse hundreds of protesters who had blocked a main road "
     "on Thursday.", "2020-10-24",
     dict(sub_event_type="Protest with intervention", country_code="NG", event_date=date(2020, 10, 22))),
    ("Gunmen abducted 30 passengers from a bus near Kaduna on Sunday, officials said.", "2021-05-05",
     dict(sub_event_type="Abduction/forced disappearance", country_code="NG", event_date=date(2021, 5, 2))),
])
def test_stories_written_for_the_project(text, published, expect):
    events = [e for e in warlog.extract(text, published=published).events if not e.is_historical]
    assert events, "no event found"
    best = max(events, key=lambda e: e.confidence)
    for field, value in expect.items():
        assert getattr(best, field) == value, (field, best)
