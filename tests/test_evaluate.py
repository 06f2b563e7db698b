"""The scorers of warlog.evaluate on small hand-made gold files and fake systems."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from warlog.evaluate import format_table, haversine_km, score_dates, score_events, score_places, summary_line
from warlog.evaluate.event_fields import check_actors, check_fatalities
from warlog.evaluate.timex_values import canonical, same_at_gold_granularity
from warlog.model import Article, Claim, Event, Evidence, Extraction

SHARED_EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
EVENT_KEYS = {"n_articles", "f1", "precision", "recall", "duplicates", "not_events", "sub_type_acc", "date_acc",
              "location_acc", "actors_acc", "fatalities_acc", "civilian_targeting_acc", "claims_found"}
LABEL_KEYS = {"label_accuracy", "label_macro_f1", "label_weighted_f1"}

STORY = (
    "Rebel gunners shelled the cattle market in Dankano on Monday, killing four traders. "
    "On Tuesday the army said its troops had retaken the ridge above Kurmin Dutse. "
    "Back in 2012 the rebels\u2019  fighters had seized the old airfield. "
    "Read more stories from the region."
)
SHELLING = {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
            "date": "2021-03-01", "date_tolerance_days": 0, "location": "Dankano", "country": "NG",
            "lat": 10.0, "lon": 8.0, "km_tolerance": 25, "actor1_any": ["rebel"], "actor2_any": ["civilians"],
            "fatalities_low": 4, "fatalities_high": 4, "civilian_targeting": True}
RETAKING = {"event_type": "Battles", "sub_event_type": "Government regains territory", "date": "2021-03-02",
            "date_tolerance_days": 1, "location": "Kurmin Dutse", "country": "NG", "lat": 10.5, "lon": 8.5,
            "km_tolerance": 50, "actor1_any": ["army", "military forces of nigeria"], "actor2_any": ["rebel"],
            "fatalities_low": None, "fatalities_high": None, "civilian_targeting": False}


def event(gold: dict, **changes) -> Event:
    """A prediction that copies a gold event, with some fields changed."""
    fields = dict(article_id="t", event_type=gold["event_type"], sub_event_type=gold.get("sub_event_type", ""),
                  event_date=date.fromisoformat(gold["date"]) if gold.get("date") else None,
                  country_code=gold.get("country"), latitude=gold.get("lat"), longitude=gold.get("lon"),
                  actor1=(gold.get("actor1_any") or [None])[0], actor2=(gold.get("actor2_any") or [None])[0],
                  fatalities=gold.get("fatalities_low") or 0, civilian_targeting=bool(gold.get("civilian_targeting")))
    fields.update(changes)
    return Event(**fields)


def write_gold(folder: Path, records: list[dict], name: str = "gold.jsonl") -> Path:
    path = folder / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def run_events(tmp_path: Path, golds: list[dict], preds: list[Event], predicted_claims=(), **extra) -> dict:
    path = write_gold(tmp_path, [{"id": "a", "text": STORY, "published": "2021-03-03", "events": golds, **extra}])
    seen = []

    def extract(text, published):
        seen.append((text, published))
        return Extraction(article=Article(text=text), events=list(preds), claims=list(predicted_claims))

    result = score_events(path, extract)
    assert seen == [(STORY, date(2021, 3, 3))]
    return result


def test_perfect_prediction_scores_one_everywhere(tmp_path):
    result = run_events(tmp_path, [SHELLING, RETAKING], [event(RETAKING), event(SHELLING)])
    assert set(result) == EVENT_KEYS | {"detail"}  # two events in one article: no snippet labels
    assert (result["f1"], result["precision"], result["recall"], result["duplicates"]) == (1.0, 1.0, 1.0, 0)
    for key in ("sub_type_acc", "date_acc", "location_acc", "actors_acc", "fatalities_acc", "civilian_targeting_acc"):
        assert result[key] == 1.0
    assert result["claims_found"] is None
    assert json.loads(json.dumps(result))["detail"]["articles"][0]["pairs"][0]["fields"]["date_acc"] is True
    assert summary_line(result, "events") == (
        "events F1=1.000 P=1.000 R=1.000 dup=0 sub_type=1.000 date=1.000 loc=1.000 actors=1.000 fatalities=1.000")


def test_missed_event_and_wrong_fields(tmp_path):
    far_and_late = event(SHELLING, latitude=10.5, event_date=date(2021, 3, 4), sub_event_type="Air/drone strike")
    result = run_events(tmp_path, [SHELLING, RETAKING], [far_and_late])
    assert result["precision"] == 1.0 and result["recall"] == 0.5
    assert result["f1"] == pytest.approx(2 / 3)
    assert (result["sub_type_acc"], result["date_acc"], result["location_acc"]) == (0.0, 0.0, 0.0)
    assert result["actors_acc"] == 1.0
    assert result["detail"]["articles"][0]["misses"][0]["location"] == "Kurmin Dutse"


def test_nothing_paired_gives_null_accuracies(tmp_path):
    result = run_events(tmp_path, [RETAKING], [event(RETAKING, country_code="NE")])
    assert (result["f1"], result["precision"], result["recall"]) == (0.0, 0.0, 0.0)
    assert result["date_acc"] is None and result["actors_acc"] is None
    assert "date=n/a" in summary_line(result, "events")


def test_duplicate_within_tolerance_is_a_counted_false_positive(tmp_path):
    near = event(SHELLING, latitude=10.09)  # about 10 km away: inside the 25 km tolerance
    far = event(SHELLING, latitude=12.0)  # about 220 km away: a false positive, not a duplicate
    result = run_events(tmp_path, [SHELLING, RETAKING], [event(SHELLING), near, far, event(RETAKING)])
    assert result["duplicates"] == 1
    assert (result["detail"]["tp"], result["detail"]["fp"], result["detail"]["fn"]) == (2, 2, 0)
    assert result["precision"] == 0.5 and result["recall"] == 1.0
    reasons = sorted(fp["reason"] for fp in result["detail"]["articles"][0]["false_positives"])
    assert reasons == ["duplicate", "unpaired"]


def test_optional_gold_event_neither_earns_nor_costs(tmp_path):
    optional = {**RETAKING, "optional": True}
    with_it = run_events(tmp_path, [SHELLING, optional], [event(SHELLING), event(optional)])
    without_it = run_events(tmp_path, [SHELLING, optional], [event(SHELLING)])
    for result in (with_it, without_it):
        assert (result["f1"], result["precision"], result["recall"]) == (1.0, 1.0, 1.0)
    assert with_it["detail"]["optional_matched"] == 1
    # the optional pair's wrong fatalities are not scored
    wrong_toll = run_events(tmp_path, [SHELLING, optional], [event(SHELLING), event(optional, fatalities=9)])
    assert wrong_toll["fatalities_acc"] == 1.0


def test_historical_predictions_are_left_out(tmp_path):
    old = event(RETAKING, is_historical=True)
    old_unmatched = event(SHELLING, event_date=date(2012, 5, 1), is_historical=True)
    result = run_events(tmp_path, [SHELLING, RETAKING], [event(SHELLING), old, old_unmatched])
    assert (result["precision"], result["recall"]) == (1.0, 0.5)
    assert result["detail"]["articles"][0]["n_historical"] == 2


def test_not_event_overlap_by_span_and_by_text(tmp_path):
    sentence_start = STORY.index("Back in 2012")
    sentence_end = STORY.index("airfield.") + len("airfield.")
    seized = Event(article_id="t", event_type="Battles", sub_event_type="Non-state actor overtakes territory",
                   evidence=[Evidence("t", 2, sentence_start + 8, sentence_end, STORY[sentence_start + 8:sentence_end])])
    teaser = Event(article_id="t", event_type="Strategic developments", sub_event_type="Other",
                   evidence=[Evidence("t", 3, 0, 0, "read more stories")])
    not_events = [{"evidence": "Back in 2012 the rebels' fighters had seized the old airfield.", "why": "history"},
                  {"evidence": "Read more stories from our partners", "why": "boilerplate, not in the text"}]
    result = run_events(tmp_path, [SHELLING], [event(SHELLING), seized, teaser], not_events=not_events)
    assert result["not_events"] == 2
    assert result["precision"] == pytest.approx(1 / 3)
    assert result["duplicates"] == 0


def test_actor_substrings_both_ways_and_single_actor():
    gold = {"actor1_any": ["military forces of nigeria", "army"], "actor2_any": ["boko haram"]}
    assert check_actors(gold, Event("t", actor1="Military Forces", actor2="Boko Haram fighters"))
    assert check_actors(gold, Event("t", actor1="Boko Haram", actor2="Nigerian Army"))  # order not scored
    assert check_actors(gold, Event("t", actor1="Police; Army", actor2="Boko Haram"))
    assert check_actors(gold, Event("t", actor1="Police", assoc_actor_1="Army", actor2="Boko Haram"))
    assert not check_actors(gold, Event("t", actor1="Army", actor2="Police"))
    assert not check_actors(gold, Event("t", actor1="Army"))
    alone = {"actor1_any": ["boko haram"], "actor2_any": []}
    assert check_actors(alone, Event("t", actor1="Unidentified gunmen", actor2="Boko Haram"))
    assert check_actors({}, Event("t", actor1="Army")) is None


def test_fatalities_null_and_zero_rules():
    none_reported = {"fatalities_low": None, "fatalities_high": None}
    assert check_fatalities(none_reported, Event("t"))
    assert not check_fatalities(none_reported, Event("t", fatalities=3))
    assert check_fatalities({"fatalities_low": 0, "fatalities_high": 0}, Event("t"))
    ranged = {"fatalities_low": 18, "fatalities_high": 32}
    assert check_fatalities(ranged, Event("t", fatalities=20))
    assert check_fatalities(ranged, Event("t", fatalities_low=18, fatalities_high=40))  # best = low end
    assert not check_fatalities(ranged, Event("t", fatalities=33))
    assert not check_fatalities(ranged, Event("t"))
    assert check_fatalities({"event_type": "Battles"}, Event("t", fatalities=3)) is None


def test_claims_found_within_share_tolerance_and_as_pairs(tmp_path):
    gold_claims = [
        {"subject": "Dankano", "attribute": "share_controlled", "value": 0.33, "source_any": ["coalition"]},
        {"subject": "Dankano", "attribute": "civilians_killed", "value": [18, 32], "source_any": ["activists"]},
        {"subject": "Kurmin Dutse", "attribute": "killed", "value": 4, "source_any": ["hospital"]},
        {"subject": "Kurmin Dutse", "attribute": "share_controlled", "value": 0.8, "source_any": ["commanders"]},
    ]
    predicted = [
        Claim("dankano", "share_controlled", 0.3, source="the US-led Coalition"),  # within 0.05
        Claim("Dankano", "civilians_killed", [18, 30], source="activists"),  # pair differs
        Claim("Kurmin Dutse", "killed", 4, source="a hospital spokesman"),
        Claim("Kurmin Dutse", "share_controlled", 0.74, source="commanders"),  # 0.06 away
    ]
    result = run_events(tmp_path, [SHELLING], [event(SHELLING)], predicted_claims=predicted, claims=gold_claims)
    assert result["claims_found"] == 0.5
    found = [c["found"] for c in result["detail"]["articles"][0]["claims"]]
    assert found == [True, False, True, False]


def test_labelled_snippet_metrics(tmp_path):
    clash = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    bomb = {"event_type": "Explosions/Remote violence", "sub_event_type": "Suicide bomb"}
    records = [
        {"id": "s1", "text": "Soldiers and gunmen exchanged fire near the bridge.", "published": None, "events": [clash]},
        {"id": "s2", "text": "Gunmen fought a police patrol at dawn.", "published": None, "events": [clash]},
        {"id": "s3", "text": "A bomber blew himself up at a checkpoint.", "published": None, "events": [bomb]},
        {"id": "s4", "text": "The minister opened a new school.", "published": None, "events": []},
    ]
    attack = {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
    predictions = {
        "s1": [event(clash, confidence=0.9), event(attack, confidence=0.4)],
        "s2": [event(attack, confidence=0.8)],
        "s3": [event(bomb)],
        "s4": [],
    }
    texts = {r["text"]: r["id"] for r in records}
    path = write_gold(tmp_path, records)
    calls = []
    result = score_events(path, lambda text, published: Extraction(Article(text), events=predictions[texts[text]]),
                          progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert set(result) == EVENT_KEYS | LABEL_KEYS | {"detail"}
    assert result["label_accuracy"] == 0.75
    assert result["label_macro_f1"] == pytest.approx((2 / 3 + 1 + 1) / 3)
    assert result["label_weighted_f1"] == pytest.approx((2 * 2 / 3 + 1 + 1) / 4)
    assert (result["detail"]["tp"], result["detail"]["fp"], result["detail"]["fn"]) == (2, 2, 1)


def test_haversine_one_degree_on_the_equator():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.195, abs=0.001)


def test_places_accuracy_median_auc_and_recognition(tmp_path):
    text = "Rain fell on Kafanchan and on Gidan Waya, then moved to Zonkwa and Jos."
    first, second, third = text.index("Kafanchan"), text.index("Gidan Waya"), text.index("Zonkwa")
    spurious = text.index("Jos")
    gold = [{"start": first, "end": first + 9, "name": "Kafanchan", "lat": 0.0, "lon": 0.0},
            {"start": second, "end": second + 10, "name": "Gidan Waya", "lat": 0.0, "lon": 0.0},
            {"start": third, "end": third + 6, "name": "Zonkwa", "lat": 10.0, "lon": 10.0}]
    path = write_gold(tmp_path, [{"id": "p", "text": text, "published": None, "toponyms": gold}])
    predicted = [(first, first + 9, 0.0, 0.0),  # exact span, right point
                 (second + 6, second + 10, 0.0, 1.0),  # overlapping span ("Waya"), 111 km off
                 (third, third + 6, None, None),  # found but unresolved: worst error
                 (spurious, spurious + 3, 9.9, 8.9)]
    result = score_places(path, lambda t, p: predicted)
    assert result["n_toponyms"] == 3
    assert result["acc_161km"] == pytest.approx(2 / 3)
    assert result["median_km"] == pytest.approx(111.195, abs=0.001)
    assert result["mean_km"] == pytest.approx((0 + 111.19508 + 20039) / 3, abs=0.001)
    assert result["auc"] == pytest.approx(0.48827, abs=1e-5)
    assert (result["recognition_precision"], result["recognition_recall"]) == (0.5, pytest.approx(2 / 3))
    assert result["recognition_f1"] == pytest.approx(4 / 7)
    assert summary_line(result, "places").startswith("places acc@161km=0.667 median_km=111.195 mean_km=6716.732 auc=")


def test_timex_granularity():
    assert same_at_gold_granularity("2016-06", "2016-06-21")
    assert not same_at_gold_granularity("2016-06-21", "2016-06")
    assert same_at_gold_granularity("2016-W24", "2016-06-15")
    assert not same_at_gold_granularity("2016-W24", "2016-06-20")
    assert same_at_gold_granularity("2000-W6", "2000-W06")
    assert same_at_gold_granularity("1998-Q3", "1998-08-01")
    assert same_at_gold_granularity("199", "1995") and same_at_gold_granularity("19XX", "1905-03")
    assert same_at_gold_granularity("1989-WXX", "1989-05")
    assert same_at_gold_granularity("PRESENT_REF", "present_ref")
    assert not same_at_gold_granularity("PRESENT_REF", "2016-06-21")


def test_timex_canonical_notations():
    """One value written two ways is one value; different values stay different."""
    assert canonical("2000-w6") == canonical("2000-W06")
    assert canonical("199X") == canonical("199") and canonical("19XX") == canonical("19")
    assert canonical("199X") != canonical("1990") and canonical("19XX") != canonical("190")
    assert canonical("1968-XX") != canonical("1968")


def test_dates_exact_versus_granularity(tmp_path):
    text = "Talks ended on June 21, 2016, after a round in June 2016 and one last week that ran for three days."
    def span(words):
        start = text.index(words)
        return start, start + len(words)
    timexes = [
        {**dict(zip(("start", "end"), span("June 21, 2016"))), "text": "June 21, 2016", "type": "DATE", "value": "2016-06-21"},
        {**dict(zip(("start", "end"), span("June 2016"))), "text": "June 2016", "type": "DATE", "value": "2016-06"},
        {**dict(zip(("start", "end"), span("last week"))), "text": "last week", "type": "DATE", "value": "2016-W24"},
        {**dict(zip(("start", "end"), span("three days"))), "text": "three days", "type": "DURATION", "value": "P3D"},
    ]
    path = write_gold(tmp_path, [{"id": "d", "text": text, "published": "2016-06-22", "timexes": timexes}])
    predicted = [(*span("June 21, 2016"), "2016-06-21"), (*span("June 2016"), "2016-06-21"),
                 (*span("week"), "2016-W25"), (*span("three days"), "P3D"), (*span("Talks"), "2016-06-20")]
    result = score_dates(path, lambda t, p: predicted)
    assert result["n_dates"] == 3
    assert result["exact_acc"] == pytest.approx(1 / 3)
    assert result["granularity_acc"] == pytest.approx(2 / 3)
    assert (result["recognition_precision"], result["recognition_recall"]) == (0.5, pytest.approx(2 / 3))
    assert result["detail"]["relaxed_recall"] == 1.0 and result["detail"]["relaxed_precision"] == 0.75
    assert summary_line(result, "dates") == "dates exact=0.333 granularity=0.667 recognition F1=0.571 P=0.500 R=0.667"
    assert format_table(result, "dates").row_count >= 6


@pytest.mark.skipif(not (SHARED_EVAL / "dev").is_dir(), reason="shared eval folder (../shared/eval) is absent")
def test_shared_gold_files_parse_with_an_empty_system():
    nothing = lambda text, published: Extraction(article=Article(text=text))  # noqa: E731
    for path in [SHARED_EVAL / "seed.gold.jsonl", *sorted((SHARED_EVAL / "dev").glob("events-*.jsonl"))]:
        result = score_events(path, nothing)
        assert result["n_articles"] > 0 and result["recall"] == 0.0 and result["precision"] is None
        assert EVENT_KEYS <= set(result) <= EVENT_KEYS | LABEL_KEYS | {"detail"}
    for path in sorted((SHARED_EVAL / "dev").glob("places-*.jsonl")):
        result = score_places(path, lambda text, published: [])
        assert result["n_toponyms"] > 0 and result["acc_161km"] == 0.0 and result["auc"] >= 1.0
    for path in sorted((SHARED_EVAL / "dev").glob("dates-*.jsonl")):
        result = score_dates(path, lambda text, published: [])
        assert result["n_dates"] > 0 and result["exact_acc"] == 0.0
