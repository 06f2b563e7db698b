"""The command line end to end: extract, re-extract, events, export, eval, and bad input in a batch."""
import csv
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from warlog.cli import app
from warlog.columns import COLUMNS
from warlog.store import Store

from conftest import EXAMPLES, SEED_GOLD, need

runner = CliRunner()

GOOD = ("Clashes erupted on Tuesday between army troops and Islamist fighters in the Libyan town of "
        "Derna, killing five soldiers, a military spokesman said.\n")


def run(*args):
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output + str(result.exception)
    return result.output


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "warlog.db"
    out = run("extract", EXAMPLES, "--db", db)
    assert "stored" in out
    return db


def test_extract_examples_stores_events(examples_db):
    with Store(examples_db) as store:
        counts = store.counts()
        events = store.events()
    assert counts["articles"] >= 8
    assert counts["events"] >= 10
    assert len({e.country_code for e in events}) >= 4  # several conflicts and countries
    assert all(e.evidence for e in events)


def test_reextract_stores_nothing_new(examples_db):
    with Store(examples_db) as store:
        before = store.counts()
    out = run("extract", EXAMPLES, "--db", examples_db)
    assert "0 stored" in out and "duplicate" in out
    with Store(examples_db) as store:
        assert store.counts() == before


def test_events_table(examples_db):
    out = run("events", "--db", examples_db)
    assert "events" in out and "Battles" in out


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson", "parquet"])
def test_export_formats(examples_db, tmp_path, fmt):
    target = tmp_path / f"events.{fmt}"
    run("export", "--db", examples_db, "--format", fmt, "--output", target)
    with Store(examples_db) as store:
        n = len(store.events())
    if fmt == "csv":
        with open(target, newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == COLUMNS and len(rows) == n + 1
    elif fmt == "json":
        assert len(json.loads(target.read_text())) == n
    elif fmt == "geojson":
        data = json.loads(target.read_text())
        assert data["type"] == "FeatureCollection" and 0 < len(data["features"]) <= n
    else:
        assert pq.read_table(target).num_rows == n


def test_bad_inputs_do_not_stop_the_batch(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (folder / "broken.html").write_text("<html><body><div><p>unclosed <b>tags <i>nothing")
    (folder / "garbled.txt").write_bytes(b"Shelling hit the market " + bytes(range(0x80, 0x100)) * 20)
    (folder / "lines.jsonl").write_text('{"text": "not closed\n' + json.dumps({"text": GOOD, "published": "2016-05-18"}) + "\n")
    (folder / "good.txt").write_text(GOOD)
    db = tmp_path / "w.db"
    result = runner.invoke(app, ["extract", str(folder), "--db", str(db), "--published", "2016-05-18"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        outcomes = {o.origin.split("/")[-1]: o for o in store.outcomes()}
        assert store.counts()["articles"] == 1  # good.txt; the JSONL's good line is the same story
    assert outcomes["good.txt"].status == "stored"
    for name in ("empty.txt", "binary.bin", "broken.html", "garbled.txt"):
        assert outcomes[name].status in ("skipped", "failed") and outcomes[name].reason, name
    strict = runner.invoke(app, ["extract", str(folder), "--db", str(tmp_path / "s.db"), "--strict"])
    assert strict.exit_code == 1


def test_bad_published_date_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path), "--published", "not a date"])
    assert result.exit_code != 0 and "--published" in result.output


def test_eval_events_on_the_seed():
    out = run("eval", "events", need(SEED_GOLD))
    assert "events F1=" in out
    data = json.loads(run("eval", "events", SEED_GOLD, "--json"))
    assert data["n_articles"] == 1 and data["f1"] is not None
