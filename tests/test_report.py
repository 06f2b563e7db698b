"""`warlog report`: one self-contained HTML file holding the page, its assets and the data."""
from __future__ import annotations

import json
import re

import pytest
from test_api import CHILE, chile, sahel
from typer.testing import CliRunner

from warlog.cli import app
from warlog.report import render_report, report_data, write_report
from warlog.store import Store
from warlog.web import json_for_html

DATA = re.compile(r'<script type="application/json" id="warlog-data">(.*?)</script>', re.DOTALL)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("report") / "warlog.db")
    with Store(path) as store:
        for extraction in (sahel(), chile()):
            store.save(extraction)
    return path


def embedded(page: str) -> dict:
    return json.loads(DATA.search(page).group(1))


def test_report_is_self_contained(store_path, tmp_path):
    out = tmp_path / "nested" / "report.html"
    assert write_report(store_path, out) == 4
    page = out.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\bsrc=", page) and not re.search(r"<link[^>]*stylesheet", page)
    assert "L.markerClusterGroup" in page and "topojson" in page and ".leaflet-container" in page
    data = embedded(page)
    assert data["basemap"]["type"] == "Topology" and "countries" in data["basemap"]["objects"]
    assert len(data["events"]) == 4 and sum(e["is_historical"] for e in data["events"]) == 1
    assert 'id="codebook"' in page and "<code>event_id_cnty</code>" in page


def test_report_carries_details_and_article_text_safely(store_path):
    with Store(store_path) as store:
        data = report_data(store)
    kidal = next(e for e in data["events"] if e["location"] == "Kidal")
    detail = data["details"][kidal["id"]]
    assert detail["report_ids"] == [kidal["article_id"]] and detail["row"]["event_id_cnty"].startswith("MLI")
    assert {ev["field"] for ev in detail["evidence"]} >= {"actor1", "location", "fatalities"}
    assert CHILE in {a["text"] for a in data["articles"].values()}
    page = render_report(data)
    assert "<script>alert('pay')</script>" not in page  # the article's markup cannot become markup
    assert CHILE in [a["text"] for a in embedded(page)["articles"].values()]


def test_json_for_html_cannot_close_its_script_element():
    text = json_for_html({"t": "</script><!-- & -->"})
    assert "<" not in text and ">" not in text and json.loads(text) == {"t": "</script><!-- & -->"}


def test_report_command_filters(store_path, tmp_path):
    out = tmp_path / "mali.html"
    result = CliRunner().invoke(app, ["report", "--db", store_path, "--out", str(out), "--country", "Mali",
                                      "--title", "Mali <week>"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert {e["location"] for e in embedded(page)["events"]} == {"Kidal", "Gao"}
    assert "<title>Mali &lt;week&gt;</title>" in page
