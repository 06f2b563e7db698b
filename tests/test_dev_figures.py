"""The dev sets' figures, as `warlog eval` prints them, held at or above where they stand.

The events sets and TimeBank are quick and run by default: ACLED Libya 2016 carries the tolls
bar (fatalities >= 0.9) and the event-detection bar (F1 >= 0.8), and holds its actor pairs at
the level last measured (0.6, below the events issue's 0.7); GTD Iraq 2016 carries the event,
sub-type and actor bars (>= 0.8 / 0.8 / 0.7); TimeBank carries the dates issue's bar (0.90
exact). The places sets and AQUAINT take longer and are marked slow; their floors are the
figures last measured, below the issues' targets (0.85 within 161 km; 0.90 exact), so they
guard against losing ground rather than claim it.
Each test prints the summary it checked.
"""
from __future__ import annotations

import json

import pytest
from conftest import DEV, need

from warlog.evaluate import systems
from warlog.evaluate.dates import score_dates
from warlog.evaluate.events import score_events
from warlog.evaluate.places import score_places


def _summary(result: dict) -> dict:
    return {k: v for k, v in result.items() if k != "detail"}


def test_acled_libya_events_and_tolls():
    result = score_events(need(DEV / "events-acled-libya-2016.jsonl"), systems.extract_fn)
    print(json.dumps(_summary(result)))
    assert result["fatalities_acc"] >= 0.9  # the tolls issue's bar
    assert result["f1"] >= 0.8 and result["sub_type_acc"] >= 0.8
    assert result["duplicates"] <= 4
    assert result["actors_acc"] >= 0.6  # a floor, not the 0.7 bar


def test_gtd_iraq_events():
    result = score_events(need(DEV / "events-gtd-iraq-2016.jsonl"), systems.extract_fn)
    print(json.dumps(_summary(result)))
    assert result["f1"] >= 0.8 and result["sub_type_acc"] >= 0.8 and result["actors_acc"] >= 0.7


def test_timebank_dates():
    result = score_dates(need(DEV / "dates-timebank.jsonl"), systems.timex_fn)
    print(json.dumps(_summary(result)))
    assert result["exact_acc"] >= 0.9 and result["recognition_f1"] >= 0.9  # the dates issue's bar


@pytest.mark.slow
@pytest.mark.parametrize("name, floor, key", [
    ("places-lgl.jsonl", 0.85, "acc_161km"), ("places-geovirus.jsonl", 0.815, "acc_161km"),
    ("dates-aquaint.jsonl", 0.855, "exact_acc"),
])
def test_places_and_dates_hold_their_ground(name, floor, key):
    score, system = (score_places, systems.geoparse_fn) if name.startswith("places") else (score_dates, systems.timex_fn)
    result = score(need(DEV / name), system)
    print(json.dumps(_summary(result)))
    assert result[key] >= floor and result["recognition_f1"] >= 0.8
