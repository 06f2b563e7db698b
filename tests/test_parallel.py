"""Extraction in worker processes: the same store whatever the number of workers, and an
article that breaks (or kills) a worker is recorded as failed while the others are stored."""
import json
import os
import sqlite3

import pytest

from warlog.batch import run_batch
from warlog.model import Article, Outcome
from warlog.parallel import WorkerStats, default_extract, extract_ordered
from warlog.store import Store

# Short reports written for these tests; several tell the same events, so the store's
# reconciliation across articles (which depends on the order of writing) is exercised.
STORIES = [
    ("Gunmen killed four villagers in an attack on Kadiri village in Niger's Tillaberi region on "
     "Sunday, a local official said.", "2021-03-16"),
    ("Four villagers were killed on Sunday when armed men raided Kadiri in the Tillaberi region of "
     "Niger, residents told reporters.", "2021-03-16"),
    ("Police fired tear gas at hundreds of students protesting fuel prices in Nairobi on Tuesday.",
     "2022-07-13"),
    ("An air strike hit a market in the Yemeni town of Saada on Thursday, killing at least 12 "
     "people, according to medical sources.", "2019-09-06"),
    ("At least 12 people died when warplanes bombed a crowded market in Saada, northern Yemen, "
     "on Thursday, a hospital director said.", "2019-09-06"),
    ("Soldiers recaptured the town of Mora from insurgents after two days of fighting, the army "
     "said on Monday. Nine fighters and two soldiers were killed.", "2020-02-11"),
    ("A roadside bomb struck a police patrol near Kandahar on Wednesday, wounding three officers, "
     "a provincial spokesman said.", "2018-05-10"),
    ("The weather in Lisbon was sunny and warm on Saturday, and the city's cafes were full.",
     "2023-06-11"),
    ("Rebels abducted 15 farmers from fields outside Beni in eastern Congo on Friday, a civil "
     "society leader said.", "2020-10-18"),
    ("Protesters set fire to tyres and blocked roads in Port-au-Prince on Monday to demand the "
     "resignation of the prime minister; two people were shot dead.", "2019-10-08"),
    ("A suicide bomber blew himself up at a checkpoint in Mogadishu on Saturday, killing six "
     "soldiers, police said.", "2022-01-16"),
    ("Security forces arrested 30 people suspected of planning attacks in Lahore on Tuesday, "
     "officials said.", "2017-03-01"),
]
BOOM = "This story breaks the worker."


def write_jsonl(path, stories):
    path.write_text("".join(json.dumps({"text": t, "published": p}) + "\n" for t, p in stories), encoding="utf-8")
    return path


def store_rows(db) -> dict[str, list[tuple]]:
    """Every table's rows (timestamps left out), in a stable order, to compare two stores."""
    queries = {
        "articles": "SELECT id, url, source, title, published, published_from, origin, text FROM articles",
        "events": "SELECT * FROM events",
        "event_reports": "SELECT * FROM event_reports",
        "evidence": "SELECT * FROM evidence",
        "claims": "SELECT * FROM claims",
        "ingest_log": "SELECT origin, article_id, status, reason, n_events FROM ingest_log",
    }
    with sqlite3.connect(db) as conn:
        return {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in queries.items()}


def breaking_extract(articles, batch_size):
    """Like the pipeline, but raises on the marked article (as a pipeline bug would)."""
    articles = list(articles)
    if any(BOOM in a.text for a in articles):
        raise ValueError("a component crashed on this article")
    return default_extract(articles, batch_size)


def dying_extract(articles, batch_size):
    """Like the pipeline, but the worker process dies on the marked article (as on a segfault)."""
    articles = list(articles)
    if any(BOOM in a.text for a in articles):
        os._exit(3)
    return default_extract(articles, batch_size)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("parallel")
    corpus = write_jsonl(folder / "stories.jsonl", STORIES)
    with corpus.open("a", encoding="utf-8") as handle:
        handle.write('{"text": "an unfinished line\n')  # an input that fails at ingest
        handle.write(json.dumps({"text": STORIES[0][0]}) + "\n")  # the same story again
    return corpus


def test_one_and_two_workers_give_identical_stores(inputs, tmp_path):
    """In this process (workers=0) and in two worker processes; test_resume compares a pool of
    one worker with a pool of two."""
    tallies, stats = {}, WorkerStats()
    for workers in (0, 2):
        with Store(tmp_path / f"w{workers}.db") as store:
            tallies[workers] = run_batch([str(inputs)], store, workers=workers, batch_size=3,
                                         stats=stats if workers == 2 else None)
    assert tallies[0] == tallies[2]
    assert tallies[2]["stored"] == len(STORIES) and tallies[2]["failed"] == 1 and tallies[2]["duplicate"] == 1
    one, two = store_rows(tmp_path / "w0.db"), store_rows(tmp_path / "w2.db")
    assert one == two
    assert len(one["events"]) >= 8
    reported_twice = {e for e, *_ in one["event_reports"]}
    assert len(reported_twice) < len(one["event_reports"])  # some events merged across articles
    assert len(stats.peak_rss) >= 1 and all(rss > 50e6 for rss in stats.peak_rss.values())
    assert sum(stats.articles.values()) == len(STORIES)


def test_in_process_run_matches_worker_runs_in_order(inputs):
    """Outcomes come back in input order; passing items keep their place among articles."""
    items = [("a", Article(text=STORIES[2][0])), ("skip", None), ("b", Article(text=STORIES[6][0]))]
    got = list(extract_ordered(items, workers=0, chunk_size=2))
    assert [payload for payload, _ in got] == ["a", "skip", "b"]
    assert got[1][1] is None
    assert got[0][1].events and got[0][1].events[0].event_type == "Protests"
    assert got[2][1].events and got[2][1].events[0].event_type == "Explosions/Remote violence"


@pytest.mark.parametrize("extract", [breaking_extract, dying_extract], ids=["raises", "worker-dies"])
def test_a_broken_article_fails_alone(tmp_path, extract):
    stories = STORIES[:3] + [(BOOM + " " + STORIES[3][0], STORIES[3][1])] + STORIES[4:7]
    corpus = write_jsonl(tmp_path / "with-bad.jsonl", stories)
    logged: list[Outcome] = []
    stats = WorkerStats()
    with Store(tmp_path / "bad.db") as store:
        tally = run_batch([str(corpus)], store, workers=1, batch_size=4, extract=extract,
                          on_outcome=logged.append, stats=stats)
        stored = {a.text for a in store.articles()}
    assert [o.status for o in logged] == ["stored"] * 3 + ["failed"] + ["stored"] * 3
    assert logged[3].origin.endswith("with-bad.jsonl:4")
    reason = "worker process died" if extract is dying_extract else "crashed on this article"
    assert reason in logged[3].reason
    assert tally["stored"] == 6 and tally["failed"] == 1
    assert len(stored) == 6 and not any(BOOM in text for text in stored)
    assert stats.restarts == (2 if extract is dying_extract else 0)


def test_a_large_jsonl_is_streamed_a_line_at_a_time_with_the_same_articles(tmp_path):
    """Above STREAM_FROM_BYTES a JSON Lines file is read a line at a time: the same articles
    and outcomes, with the same line numbers, as the whole-file reading of the same bytes."""
    from warlog.ingest import read_bytes, read_paths
    from warlog.ingest.reader import STREAM_FROM_BYTES

    lines = []
    while sum(map(len, lines)) <= STREAM_FROM_BYTES + 10_000:
        text, day = STORIES[len(lines) % len(STORIES)]
        lines.append(json.dumps({"text": f"{text} (Report {len(lines)}.)", "published": day}) + "\n")
    lines[7] = '{"text": "cut off\n'
    lines[9] = "\n"
    lines[11] = json.dumps({"text": "Caf\u00e9 owners in Lyon protested new taxes on Monday."}) + "\n"
    path = tmp_path / "large.jsonl"
    data = "".join(lines).encode("utf-8")
    path.write_bytes(data)

    def described(items):
        return [(i.origin, i.status, i.reason) if isinstance(i, Outcome) else (i.origin, i.id, i.published)
                for i in items]

    streamed = described(read_paths(path, check_language=False, max_bytes=len(data) // 2))
    whole = described(read_bytes(data, str(path), kind="jsonl", check_language=False))
    assert streamed == whole
    assert len(streamed) == len(lines) - 1
    assert streamed[7][1] == "failed" and streamed[7][0].endswith(":8")
    assert streamed[10][0].endswith(":12")
