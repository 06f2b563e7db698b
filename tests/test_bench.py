"""Throughput against bare spaCy on the same texts (slow: run with -m slow)."""
import json

import pytest

from warlog.bench import benchmark

from conftest import DEV, need


@pytest.mark.slow
def test_extraction_costs_little_beyond_the_parse():
    texts = []
    for name in ("events-acled-libya-2016.jsonl", "events-gtd-iraq-2016.jsonl"):
        for line in need(DEV / name).read_text().splitlines():
            record = json.loads(line)
            texts.append((record["text"], None))
    result = benchmark(texts, repeat=2)
    print(json.dumps(result.as_dict()))
    assert result.n_articles == len(texts)
    assert result.ratio >= 0.5  # warlog keeps most of bare spaCy's speed (1.0 = free); noisy on shared cores
    assert 0.5 <= result.events_per_article <= 3
