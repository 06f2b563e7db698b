"""An extraction killed half-way (SIGKILL, workers and all) and restarted with --resume ends
with the same events as a run that was never interrupted: none lost, none stored twice."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DEV, need
from test_parallel import STORIES, store_rows

WARLOG = [sys.executable, "-m", "warlog.cli"]
N_ARTICLES = 48


def warlog(*args, **popen) -> subprocess.Popen:
    return subprocess.Popen([*WARLOG, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "COLUMNS": "200"}, **popen)


def finished(process: subprocess.Popen) -> str:
    out, errors = process.communicate(timeout=300)
    assert process.returncode == 0, errors
    return out


def stored_articles(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created yet, or the schema is being written
        return 0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Short dev-set stories (read at test time), our own reports of shared events, and an
    input that is skipped, so a resumed run meets every kind of earlier outcome."""
    records = []
    for line in need(DEV / "events-gtd-iraq-2016.jsonl").read_text(encoding="utf-8").split("\n"):
        if line.strip() and len(records) < N_ARTICLES - len(STORIES):
            record = json.loads(line)
            records.append({"text": record["text"], "published": record.get("published")})
    records[10:10] = [{"text": text, "published": day} for text, day in STORIES]
    path = tmp_path_factory.mktemp("resume") / "stories.jsonl"
    lines = [json.dumps(r) for r in records]
    lines.insert(5, json.dumps({"text": "   "}))  # skipped: no text
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def uninterrupted(corpus, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("whole") / "whole.db"
    out = finished(warlog("extract", corpus, "--db", db, "--workers", "1"))
    assert f"{N_ARTICLES} stored" in out
    return db


def test_killed_run_resumes_to_the_same_store(corpus, uninterrupted, tmp_path):
    db = tmp_path / "killed.db"
    run = warlog("extract", corpus, "--db", db, "--workers", "2", "--batch-size", "2", start_new_session=True)
    deadline = time.monotonic() + 120
    while stored_articles(db) < 8 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(run.pid, signal.SIGKILL)  # the command and its worker processes, mid-run
    run.communicate()
    at_kill = stored_articles(db)
    assert 8 <= at_kill < N_ARTICLES, "the run was not caught half-way"

    out = finished(warlog("extract", corpus, "--db", db, "--workers", "1", "--resume"))
    assert f"{N_ARTICLES - at_kill} stored" in out and "0 duplicate" in out
    resumed = int(out.split(" resumed")[0].rsplit(" ", 1)[-1])
    assert resumed >= at_kill  # stored articles (and a logged skip) are passed over, not re-extracted

    whole, resumed_rows = store_rows(uninterrupted), store_rows(db)
    for table in ("articles", "events", "event_reports", "evidence", "claims"):
        assert resumed_rows[table] == whole[table], table
    assert len(whole["events"]) >= N_ARTICLES // 2
    stored_log = [row for row in resumed_rows["ingest_log"] if row[2] == "stored"]
    assert len({row[1] for row in stored_log}) == len(stored_log) <= N_ARTICLES  # none stored twice


def test_plain_rerun_logs_duplicates_and_resume_logs_nothing(corpus, uninterrupted, tmp_path):
    db = tmp_path / "copy.db"
    db.write_bytes(uninterrupted.read_bytes())
    before = len(store_rows(db)["ingest_log"])
    out = finished(warlog("extract", corpus, "--db", db, "--workers", "1", "--resume"))
    assert "0 stored" in out and f"{N_ARTICLES + 1} resumed" in out
    assert len(store_rows(db)["ingest_log"]) == before
    out = finished(warlog("extract", corpus, "--db", db, "--workers", "1"))
    assert f"0 stored, {N_ARTICLES} duplicate, 1 skipped" in out
    assert len(store_rows(db)["ingest_log"]) == before + N_ARTICLES + 1
