"""Hostile input (issue 9): a corpus made by scripts/hostile_corpus.py runs in one batch with
no crash, every input accounted for, nothing absurd stored, and the summary matching the store."""
from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warlog.batch import run_batch
from warlog.cli import app
from warlog.ingest import read_bytes
from warlog.ingest.sanitize import printable_name
from warlog.model import Article, Outcome
from warlog.store import Store

REPO = Path(__file__).resolve().parents[1]
STATUSES = ("stored", "duplicate", "skipped", "failed")
MAX_PLAUSIBLE_TOLL = 10_000_000


@functools.cache
def _generator():
    spec = importlib.util.spec_from_file_location("hostile_corpus", REPO / "scripts" / "hostile_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def manifest(folder: Path) -> dict[str, dict]:
    """The corpus's cases by the origin warlog gives their file."""
    cases = {}
    for line in (folder / ".manifest.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        name = os.fsdecode(bytes.fromhex(case["name"]))
        cases[printable_name(str(folder / name))] = case
    return cases


def file_of(origin: str, cases: dict) -> str:
    """The file an outcome belongs to ("x.jsonl:3" belongs to "x.jsonl")."""
    if origin in cases:
        return origin
    base, _, line = origin.rpartition(":")
    assert line.isdigit() and base in cases, f"outcome for an unknown input: {origin}"
    return base


def check_accounted(cases: dict, outcomes: list[Outcome]) -> None:
    """Each input gives exactly its expected number of outcomes, each of an allowed status."""
    by_file: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_file[file_of(outcome.origin, cases)].append(outcome)
    problems = []
    for origin, case in cases.items():
        got = by_file.get(origin, [])
        if len(got) != case["units"]:
            problems.append(f"{origin} ({case['rule']}): {len(got)} outcomes, expected {case['units']}")
        for outcome in got:
            if outcome.status not in case["expect"]:
                problems.append(f"{origin} ({case['rule']}): {outcome.status} ({outcome.reason}), "
                                f"expected {case['expect']}")
            elif case["reason"] and case["reason"] not in outcome.reason:
                problems.append(f"{origin} ({case['rule']}): reason {outcome.reason!r} lacks {case['reason']!r}")
    assert not problems, "\n".join(problems[:30])


def check_store(store: Store, tally: Counter, logged: list[Outcome]) -> None:
    """The store holds what the summary says, and nothing absurd got in."""
    outcomes = store.outcomes()
    assert [(o.origin, o.status) for o in outcomes] == [(o.origin, o.status) for o in logged]
    assert Counter(o.status for o in outcomes) == Counter({s: tally[s] for s in STATUSES if tally[s]})
    assert store.counts()["articles"] == tally["stored"]
    assert sum(o.n_events for o in outcomes) == tally["events"]
    for event in store.events(historical=None):
        for toll in (event.fatalities_low, event.fatalities, event.fatalities_high):
            assert toll is None or 0 <= toll <= MAX_PLAUSIBLE_TOLL, f"absurd toll stored: {event}"
    for article in store.articles():
        assert article.published is None or 1900 <= article.published.year <= 2100
        assert article.text.strip() and "\x00" not in article.text


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "corpus"
    _generator().build(folder, n=150, seed=9, huge_mb=50, long_prose=False)
    return folder


def test_generator_is_deterministic_and_covers_every_rule(tmp_path):
    generator = _generator()
    first = generator.build(tmp_path / "a", n=60, seed=3, huge_mb=0)
    second = generator.build(tmp_path / "b", n=60, seed=3, huge_mb=0)
    assert [(c.name, c.rule) for c in first] == [(c.name, c.rule) for c in second]
    assert sorted(os.listdir(tmp_path / "a")) == sorted(os.listdir(tmp_path / "b"))
    for name in os.listdir(tmp_path / "a"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert len(first) == 60 and len({c.rule.split(" ")[0] for c in first}) >= 15
    assert sum(c.units for c in first) > len(first)  # JSON Lines files give an outcome per line


def test_hostile_corpus_through_the_cli(corpus, tmp_path):
    db = tmp_path / "hostile.db"
    runner = CliRunner()
    strict = runner.invoke(app, ["extract", str(corpus), "--db", str(db), "--strict"], env={"COLUMNS": "250"})
    assert strict.exception is None or isinstance(strict.exception, SystemExit), repr(strict.exception)
    assert strict.exit_code == 1  # some inputs were skipped and --strict was asked for
    summary = re.search(r"(\d+) stored, (\d+) duplicate, (\d+) skipped, (\d+) failed; (\d+) events extracted\. "
                        r"Store \S+: (\d+) articles", strict.stdout)
    assert summary, strict.stdout
    stored, duplicate, skipped, failed, events, articles = map(int, summary.groups())
    cases = manifest(corpus)
    with Store(db) as store:
        outcomes = store.outcomes()
        check_accounted(cases, outcomes)
        tally = Counter(stored=stored, duplicate=duplicate, skipped=skipped, failed=failed, events=events)
        check_store(store, tally, outcomes)
    assert articles == stored > 0 and skipped > 0 and failed > 0
    assert stored + duplicate + skipped + failed == sum(c["units"] for c in cases.values())

    again = runner.invoke(app, ["extract", str(corpus), "--db", str(db)], env={"COLUMNS": "250"})
    assert again.exit_code == 0  # problems, but no --strict
    assert f"0 stored, {stored + duplicate} duplicate, {skipped} skipped, {failed} failed" in again.stdout
    with Store(db) as store:
        assert store.counts()["articles"] == stored
        assert len(store.outcomes()) == 2 * len(outcomes)


def test_skip_reasons_name_the_problem(corpus, tmp_path):
    """Run the batch in-process: each kind of refusal gives a reason saying what was wrong."""
    logged: list[Outcome] = []
    with Store(tmp_path / "h.db") as store:
        run_batch([str(corpus)], store, on_outcome=logged.append)
    reasons = Counter(re.sub(r"\(.*|:.*", "", o.reason).strip() for o in logged if o.status in ("skipped", "failed"))
    for expected in ("not English", "binary file", "empty", "file too large", "no main text", "invalid JSON",
                     "field 'published'", "text over 1000000 characters"):
        assert any(reason.startswith(expected) for reason in reasons), f"no {expected!r} in {reasons}"
    languages = {o.reason for o in logged if o.reason.startswith("not English")}
    assert len(languages) >= 6, languages


STORY = ("Rebels ambushed an army patrol near {town} on Friday, killing {n} soldiers, a regional "
         "commander said. The attackers seized two vehicles before withdrawing into the forest.")


def _stories(folder: Path, towns: list[str]) -> list[str]:
    paths = []
    for number, town in enumerate(towns):
        path = folder / f"{number}-{town}.txt"
        path.write_text(STORY.format(town=town, n=number + 3), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_an_article_that_breaks_extraction_fails_alone(tmp_path, monkeypatch):
    import warlog.pipeline

    real = warlog.pipeline.fill_published

    def breaks_on_beni(article):
        if "Beni" in article.text:
            raise RuntimeError("pipeline broke")
        return real(article)

    monkeypatch.setattr(warlog.pipeline, "fill_published", breaks_on_beni)
    paths = _stories(tmp_path, ["Gao", "Beni", "Kidal"])
    with Store(tmp_path / "x.db") as store:
        tally = run_batch(paths, store)
        statuses = {Path(o.origin).name: (o.status, o.reason) for o in store.outcomes()}
        assert store.counts()["articles"] == 2
    assert tally["stored"] == 2 and tally["failed"] == 1
    assert statuses["1-Beni.txt"] == ("failed", "extraction error: RuntimeError: pipeline broke")


def test_a_store_error_leaves_no_partial_article(tmp_path, monkeypatch):
    real = Store._reported_elsewhere

    def breaks_on_kidal(self, conn, event, taken):  # after the article's row was written
        if event.article_id == broken_id:
            raise KeyError("store broke mid-write")
        return real(self, conn, event, taken)

    paths = _stories(tmp_path, ["Gao", "Kidal", "Taiz"])
    broken_id = next(read_bytes(Path(paths[1]).read_bytes(), paths[1])).id
    monkeypatch.setattr(Store, "_reported_elsewhere", breaks_on_kidal)
    with Store(tmp_path / "x.db") as store:
        tally = run_batch(paths, store)
        outcomes = {Path(o.origin).name: o for o in store.outcomes()}
        stored_ids = {a.id for a in store.articles()}
        assert store.claims(article_id=broken_id) == []
    assert tally["stored"] == 2 and tally["failed"] == 1
    assert outcomes["1-Kidal.txt"].status == "failed" and "store broke" in outcomes["1-Kidal.txt"].reason
    assert broken_id not in stored_ids and len(stored_ids) == 2


@pytest.mark.parametrize("data, reason", [
    (b"\xe2\x80\x8b" * 50, "empty"),  # zero-width spaces only
    (b'{"text": "\\u200b\\u200b"}\n', "no text"),
    ("Le gouvernement a annoncé mardi un couvre-feu dans la capitale après des affrontements meurtriers "
     "entre l'armée et des groupes armés.".encode(), "not English (fr)"),
    ("В среду в столице прошли массовые протесты против повышения цен на топливо, сообщает полиция."
     .encode("cp1251"), "not English"),
    (b'{"text": ' + b"[" * 100_000, "nested too deeply"),
    (b"x" * 100, "too large"),
])
def test_read_bytes_refuses_with_a_reason(data, reason):
    [item] = list(read_bytes(data, "input", max_bytes=99 if reason == "too large" else 10**6))
    assert isinstance(item, Outcome) and item.status in ("skipped", "failed") and reason in item.reason


def test_read_bytes_keeps_the_english_story_and_cleans_it():
    story = ("Troops shelled the outskirts of Gao on Sunday, killing six fighters, an army officer said. "
             "Residents quoted a local chief as saying \u00ab\u0627\u0644\u062d\u0631\u0628 \u0642\u0627\u062f\u0645\u0629\u00bb.")
    line = json.dumps({"text": story + "\u0000\ud800 \u2028end of report."}) + "\n"
    [article] = list(read_bytes(line.encode(), "feed.jsonl", kind="jsonl"))
    assert isinstance(article, Article) and article.origin == "feed.jsonl:1"
    assert "\x00" not in article.text and "\ud800" not in article.text and "end of report" in article.text
    [utf16] = list(read_bytes(story.encode("utf-16-le"), "le.txt"))
    assert isinstance(utf16, Article) and utf16.text.startswith("Troops shelled")
    spliced = story.encode().replace(b"Sunday", b"Sun\xffday")  # UTF-8 with one stray byte: repaired, not mojibake
    [repaired] = list(read_bytes(spliced, "spliced.txt"))
    assert "Sun\ufffdday" in repaired.text and "\u00ab\u0627\u0644" in repaired.text


@pytest.mark.slow
def test_full_hostile_corpus(tmp_path):
    """The issue's figure: >= 1,000 hostile inputs (with a 50 MB page) in one batch."""
    folder = tmp_path / "corpus"
    cases = _generator().build(folder, n=1000, seed=9, huge_mb=50, long_prose=True)
    logged: list[Outcome] = []
    started = time.perf_counter()
    with Store(tmp_path / "full.db") as store:
        tally = run_batch([str(folder)], store, on_outcome=logged.append)
        seconds = time.perf_counter() - started
        check_accounted(manifest(folder), logged)
        check_store(store, tally, logged)
        counts = store.counts()
    reasons = Counter(re.sub(r"\(.*|:.*| at byte.*", "", o.reason).strip() for o in logged if o.status == "skipped")
    failed = Counter(re.sub(r":.*", "", o.reason).strip() for o in logged if o.status == "failed")
    print(f"\nhostile corpus: {len(cases)} inputs, {len(logged)} outcomes in {seconds:.0f} s: "
          + ", ".join(f"{tally[s]} {s}" for s in STATUSES) + f"; {tally['events']} events; store {counts}")
    print("skipped by reason:", dict(reasons.most_common()))
    print("failed by reason:", dict(failed.most_common()))
    assert len(cases) >= 1000 and sum(tally[s] for s in STATUSES) == len(logged) == sum(c.units for c in cases)
