"""`warlog batch` on a local Dask cluster: the same events as `warlog extract`, partitioned
inputs of every kind (JSON Lines, Parquet, WARC), bad inputs recorded, Parquet parts that
match the store. One cluster of two worker processes serves the whole module."""
import io
import json
from datetime import date

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from warlog.batch import run_batch
from warlog.cluster import dask_client, run_cluster_batch
from warlog.cluster.inputs import Slice, partitions, plan_file
from warlog.store import Store

# Short conflict reports written for these tests: (published, source, text).
STORIES = [
    ("2021-06-08", "Tigris Wire", ("KIRKUK, Iraq - Gunmen attacked a federal police checkpoint on the outskirts of "
     "Kirkuk on Monday night, killing four officers and wounding two others, a provincial security official said.")),
    ("2022-03-14", "Harbour Daily", ("Russian artillery shelled residential districts of Mykolaiv on Sunday, killing "
     "three civilians and wounding nine, the regional governor said on Monday.")),
    ("2020-11-02", "Gulf Monitor", ("Saudi-led coalition aircraft struck a market in Saada province on Saturday, "
     "killing seven civilians, Houthi-run health authorities said.")),
    ("2019-08-20", "Sahel Report", ("Suspected jihadists attacked an army post near Boulkessi in central Mali on "
     "Monday, killing ten soldiers, the army said in a statement.")),
    ("2023-05-09", "Nile Courier", ("Fighting between the Sudanese army and the Rapid Support Forces in Omdurman "
     "killed at least twelve people on Monday, a doctors' union said.")),
    ("2021-02-15", "Horn Bulletin", ("A roadside bomb struck a minibus near Afgooye, west of Mogadishu, on Sunday, "
     "killing five passengers, a local police officer told reporters.")),
    ("2022-09-05", "Irrawaddy Post", ("Myanmar military aircraft bombed a village in Sagaing region on Saturday, "
     "killing eleven villagers, including four children, residents said.")),
    ("2021-07-19", "Lake Chad Times", ("Boko Haram fighters raided the town of Geidam in Yobe State on Friday, "
     "killing six people and burning homes, a local official said.")),
    ("2020-12-07", "Kivu Observer", ("ADF rebels attacked the village of Kisima near Beni on Saturday night, "
     "killing nine civilians with machetes, a civil society leader said.")),
    ("2019-04-29", "Levant Dispatch", ("Government shelling of the town of Kafr Nabudah in Hama province killed "
     "four civilians on Sunday, a monitoring group said.")),
    ("2021-05-31", "Kabul Ledger", ("Taliban fighters attacked a police outpost in Ghazni province on Sunday, "
     "killing five policemen, a provincial council member said.")),
    ("2022-01-24", "Andes Herald", ("ELN guerrillas clashed with dissidents of the former FARC in Arauca department "
     "on Sunday, leaving at least sixteen dead, the ombudsman's office said.")),
    ("2021-10-11", "Mindanao News", ("Soldiers clashed with Abu Sayyaf militants in the hinterlands of Patikul, Sulu, "
     "on Saturday, killing two militants, the military said.")),
    ("2022-06-13", "Volta Voice", ("Gunmen killed at least twenty civilians in an attack on the village of Seytenga "
     "in northern Burkina Faso on Saturday night, the government said.")),
    ("2021-11-22", "Highlands Review", ("Ethiopian government forces and Tigrayan fighters clashed near the town of "
     "Shewa Robit on Sunday, residents said, and at least eight people were killed.")),
    ("2023-01-30", "Frontier Star", ("A suicide bomber blew himself up inside a mosque in a police compound in "
     "Peshawar on Monday, killing at least forty people, police said.")),
    ("2021-03-29", "Rovuma Review", ("Insurgents attacked the coastal town of Palma in Cabo Delgado province on "
     "Wednesday, killing dozens of people, the defence ministry said on Sunday.")),
    ("2022-08-29", "Tripoli Today", ("Clashes between rival armed groups in Tripoli killed 32 people on Saturday, "
     "the Libyan health ministry said.")),
    ("2021-09-06", "Savanna Post", ("Separatist fighters ambushed a military convoy near Bamenda in Cameroon's "
     "Northwest region on Friday, killing four soldiers, a security source said.")),
    ("2022-04-25", "Island Wire", ("Gang members opened fire on residents of Croix-des-Bouquets, east of "
     "Port-au-Prince, on Sunday, killing six people, a human rights group said.")),
]
# The first story told again by another site: the same event, in other words.
REWRITE = ("2021-06-08", "Kurdistan Eye", ("Four Iraqi federal police officers were killed and two wounded when "
           "gunmen stormed their checkpoint near Kirkuk on Monday night, a security official said."))


def _line(story, url) -> str:
    published, source, body = story
    return json.dumps({"url": url, "source": source, "published": published, "text": body})


def write_inputs(folder):
    """Four JSON Lines files: one story twice (in two files), a rewrite of another in a third,
    an unreadable line and a record of the wrong type; plus a Parquet file that is not one."""
    lines = [_line(story, f"https://news.example/{n}") for n, story in enumerate(STORIES)]
    files = {"a.jsonl": lines[0:6], "b.jsonl": lines[6:11] + ["{not json at all"],
             "c.jsonl": lines[11:16] + [lines[2], json.dumps({"text": 42})],
             "d.jsonl": lines[16:] + [_line(REWRITE, "https://news.example/rewrite")]}
    for name, content in files.items():
        (folder / name).write_text("\n".join(content) + "\n\n", encoding="utf-8")
    (folder / "e.parquet").write_bytes(b"PAR1" + bytes(range(256)) * 4)  # not a Parquet file
    return folder


@pytest.fixture(scope="module")
def client():
    with dask_client(workers=2) as dask:
        yield dask


@pytest.fixture(scope="module")
def runs(client, tmp_path_factory):
    """The same folder through the cluster (partitions of three records) and through run_batch."""
    root = tmp_path_factory.mktemp("cluster")
    (root / "news").mkdir()
    inputs = write_inputs(root / "news")
    with Store(root / "dask.db") as store:
        tally = run_cluster_batch([inputs], store, client, out=root / "out", partition_size=3)
    with Store(root / "single.db") as store:
        single = run_batch([inputs], store)
    return {"root": root, "tally": tally, "single": single, "dask_db": root / "dask.db",
            "single_db": root / "single.db", "out": root / "out"}


def table(db, query):
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        found = sorted(tuple(row) for row in conn.execute(text(query)))
    engine.dispose()
    return found


def test_same_events_as_a_single_process(runs):
    assert runs["tally"]["partitions"] >= 8
    for query in ("SELECT * FROM events", "SELECT * FROM event_reports",
                  "SELECT id, url, source, title, published, published_from, origin, text FROM articles",
                  "SELECT article_id, sentence, start, \"end\", text, field, event_id FROM evidence"):
        dask_rows, single_rows = table(runs["dask_db"], query), table(runs["single_db"], query)
        differ = sorted(set(dask_rows) ^ set(single_rows), key=repr)[:4]
        assert dask_rows and dask_rows == single_rows, f"{query}: {differ}"
    reports = table(runs["dask_db"], "SELECT event_id FROM event_reports GROUP BY event_id HAVING COUNT(*) > 1")
    assert reports, "the rewrite of the Kirkuk story (another partition) is one event with two reports"
    with Store(runs["dask_db"]) as store:
        kirkuk = [e for e in store.events() if e.location == "Kirkuk"]
        assert len(kirkuk) == 1 and len(store.reports(kirkuk[0].id)) == 2


def test_every_input_has_an_outcome(runs):
    tally, single = runs["tally"], runs["single"]
    assert tally["stored"] == len(STORIES) + 1 == single["stored"]
    assert tally["duplicate"] == 1 and tally["failed"] == 3  # a bad line, a bad record, a bad Parquet file
    with Store(runs["dask_db"]) as store:
        outcomes = {o.origin.rsplit("/", 1)[-1]: o for o in store.outcomes()}
    assert outcomes["b.jsonl:6"].status == "failed" and "invalid JSON" in outcomes["b.jsonl:6"].reason
    assert outcomes["c.jsonl:7"].status == "failed" and "string" in outcomes["c.jsonl:7"].reason
    assert outcomes["c.jsonl:6"].status == "duplicate"
    assert outcomes["e.parquet"].status == "failed"
    assert outcomes["d.jsonl:5"].status == "stored" and outcomes["d.jsonl:5"].n_events >= 1
    assert sum(tally[s] for s in ("stored", "duplicate", "skipped", "failed")) == len(outcomes)


def test_parquet_parts_match_the_store(runs):
    out = runs["out"]
    with Store(runs["dask_db"]) as store:
        counts = store.counts()
        n_logged = len(store.outcomes())
    n_reports = table(runs["dask_db"], "SELECT COUNT(*) FROM event_reports")[0][0]
    parts = {name: ds.dataset(out / name, format="parquet").to_table()
             for name in ("articles", "events", "evidence", "claims", "outcomes")}
    assert len(list((out / "articles").glob("part-*.parquet"))) == runs["tally"]["partitions"]
    assert parts["articles"].num_rows == counts["articles"]
    assert parts["events"].num_rows == n_reports  # each article's own events: one report each
    assert parts["evidence"].num_rows == counts["evidence"]
    assert parts["claims"].num_rows == counts["claims"]
    assert parts["outcomes"].num_rows == n_logged
    assert pq.read_table(out / "events_reconciled.parquet").num_rows == counts["events"] < n_reports
    assert pq.read_table(out / "event_reports.parquet").num_rows == n_reports
    stored_ids = set(table(runs["dask_db"], "SELECT id FROM articles"))
    assert {(i,) for i in parts["articles"].column("id").to_pylist()} == stored_ids


def warc_bytes() -> bytes:
    """A small crawl: two article pages, an image and a missing page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    pages = [("https://wire.example/sudan-el-fasher", "200 OK", "text/html; charset=utf-8",
              ("<html><head><title>Shelling hits El Fasher market</title></head><body><article>"
              "<h1>Shelling hits El Fasher market</h1><p>Shelling by the Rapid Support Forces hit the main "
              "market of El Fasher in North Darfur on Tuesday, killing fifteen civilians, local medics said."
              "</p><p>The paramilitary group has besieged the city for months.</p></article></body></html>")),
             ("https://wire.example/logo.png", "200 OK", "image/png", "\x89PNG not really"),
             ("https://wire.example/gone", "404 Not Found", "text/html", "<html><body>Not found</body></html>"),
             ("https://wire.example/somalia-baidoa", "200 OK", "text/html",
              ("<html><head><title>Car bomb in Baidoa</title></head><body><article><h1>Car bomb in Baidoa</h1>"
              "<p>A car bomb exploded outside a hotel in Baidoa, in southwestern Somalia, on Sunday, killing "
              "seven people, police said. Al-Shabaab claimed responsibility for the blast.</p></article>"
              "</body></html>"))]
    for url, status, content_type, body in pages:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode("utf-8")),
                                                      http_headers=headers))
    return buffer.getvalue()


def test_parquet_and_warc_inputs(client, tmp_path):
    rows = [{"text": body, "url": f"https://pq.example/{n}", "title": None, "source": source,
             "published": date.fromisoformat(published)} for n, (published, source, body) in enumerate(STORIES[:5])]
    rows[3]["text"] = None  # a row without text: skipped, the others go in
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "news.parquet", row_group_size=2)
    (tmp_path / "crawl.warc.gz").write_bytes(warc_bytes())
    assert len(plan_file(str(tmp_path / "crawl.warc.gz"), "warc", 1)) == 4  # one slice per response
    with Store(tmp_path / "w.db") as store:
        tally = run_cluster_batch([tmp_path / "news.parquet", tmp_path / "crawl.warc.gz"], store, client,
                                  out=tmp_path / "out", partition_size=2)
        outcomes = {o.origin.rsplit("/", 1)[-1]: o for o in store.outcomes()}
        articles = {a.url: a for a in store.articles()}
    assert tally["stored"] == 6 and tally["skipped"] == 3
    assert outcomes["news.parquet:4"].status == "skipped"
    assert outcomes["crawl.warc.gz:2"].status == "skipped" and "image/png" in outcomes["crawl.warc.gz:2"].reason
    assert outcomes["crawl.warc.gz:3"].status == "skipped" and "404" in outcomes["crawl.warc.gz:3"].reason
    fasher = articles["https://wire.example/sudan-el-fasher"]
    assert fasher.title == "Shelling hits El Fasher market" and fasher.text.startswith("Shelling by the Rapid")
    assert articles["https://pq.example/2"].published == date(2020, 11, 2)
    assert articles["https://pq.example/2"].published_from == "jsonl"
    assert outcomes["crawl.warc.gz:4"].n_events >= 1 and outcomes["news.parquet:5"].n_events >= 1


def test_partitions_keep_input_order():
    whole = [Slice(f"{n}.txt", "file") for n in range(5)]
    sliced = [Slice("big.jsonl", "jsonl", 0, 10), Slice("big.jsonl", "jsonl", 10, -1, 4)]
    found = partitions(whole[:3] + [sliced] + whole[3:], 2)
    assert [p.slices for p in found] == [tuple(whole[:2]), (whole[2],), (sliced[0],), (sliced[1],), tuple(whole[3:])]
    assert [p.index for p in found] == list(range(5))


def test_cli_batch_on_a_running_scheduler(client, tmp_path):
    from warlog.cli import app

    (tmp_path / "one.jsonl").write_text(_line(STORIES[4], "https://news.example/sudan") + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "one.jsonl"), "--scheduler", client.scheduler.address,
                                      "--db", str(tmp_path / "c.db"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "1 stored" in result.output and (tmp_path / "out" / "events_reconciled.parquet").exists()
