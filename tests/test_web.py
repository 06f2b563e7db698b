"""The page in a real browser (Debian's headless Chromium, driven by Playwright): the seed's
events on the map, brushing the timeline, the Sirte event's "36" highlighted; and the
self-contained report opened from a file, with article markup kept as text.

Screenshots go to $WARLOG_TEST_ARTIFACTS (default: <tmp>/warlog-test-artifacts); the path
is printed. Skips when /usr/bin/chromium is absent (`make test` installs it).
"""
from __future__ import annotations

import os
import re
import socket
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from warlog.model import Article, Event, Evidence, Extraction
from warlog.store import Store

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run"]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (apt-get install chromium)")
ARTIFACTS = Path(os.environ.get("WARLOG_TEST_ARTIFACTS", Path(tempfile.gettempdir()) / "warlog-test-artifacts"))
HOSTILE = ('Residents of Tessalit said armed men burned the weekly market on Friday. A leaflet left behind read '
           '<script>window.pwned = 1</script> and a banner <img src="x" onerror="window.pwned = 2">.')


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    print(f"screenshot: {path}")
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def seed_url(tmp_path_factory, seed_text):
    """A server on a free loopback port over a store holding the seed's events."""
    import uvicorn

    from warlog.api import create_app
    from warlog.ingest import read_bytes
    from warlog.pipeline import extract_article

    path = str(tmp_path_factory.mktemp("web") / "seed.db")
    article = next(read_bytes(seed_text.encode("utf-8"), "seed/article.txt", kind="text", published=date(2016, 6, 22)))
    with Store(path) as store:
        assert store.save(extract_article(article)).status == "stored"
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), headless=True,
            args=FLAGS, viewport={"width": 1400, "height": 900})
        yield context
        context.close()


@pytest.fixture
def page(browser):
    """A page that records errors and any request leaving the machine."""
    tab = browser.new_page()
    tab.errors, tab.external = [], []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("request", lambda r: None if re.match(r"(http://127\.0\.0\.1|file:|data:)", r.url)
           else tab.external.append(r.url))
    yield tab
    tab.close()


def ready(tab, url: str) -> None:
    tab.goto(url)
    tab.wait_for_selector("body[data-ready=yes]", timeout=20_000)
    tab.wait_for_selector("path.leaflet-interactive[fill='#f4f1ea'], svg path[fill='#f4f1ea']", state="attached",
                          timeout=20_000)  # the basemap's countries are drawn


def marker_countries(tab) -> set[str]:
    """Countries of the event circles and clusters currently on the map."""
    return set(tab.evaluate("""() => {
        const seen = [...document.querySelectorAll('path.ev-marker')]
            .map(p => [...p.classList].find(c => c.startsWith('country-')).slice(8));
        document.querySelectorAll('.warlog-cluster [data-countries]')
            .forEach(d => seen.push(...d.dataset.countries.split(' ')));
        return seen; }"""))


def shown(tab) -> tuple[int, int]:
    found = re.match(r"(\d+) of (\d+) events shown", tab.inner_text("#count"))
    return int(found.group(1)), int(found.group(2))


def brush(tab, start: float, end: float) -> None:
    box = tab.locator("#timeline").bounding_box()
    tab.mouse.move(box["x"] + box["width"] * start, box["y"] + box["height"] / 2)
    tab.mouse.down()
    tab.mouse.move(box["x"] + box["width"] * end, box["y"] + box["height"] / 2, steps=6)
    tab.mouse.up()


def test_seed_map_brush_and_sirte_evidence(page, seed_url):
    ready(page, seed_url)
    assert {"SY", "IQ", "LY"} <= marker_countries(page)
    for code in ("SY", "IQ", "LY"):  # their provinces' boundaries are drawn, from the package
        page.wait_for_selector(f"path.admin1-{code}", state="attached", timeout=10_000)
    visible, total = shown(page)
    assert visible == total == page.locator("#events-table tbody tr").count() and total >= 3
    shot(page, "1-seed-map")

    brush(page, 0.75, 0.995)  # the last days of the period
    page.wait_for_function(f"() => !document.querySelector('#count').textContent.startsWith('{total} of')")
    visible, _ = shown(page)
    rows = page.locator("#events-table tbody tr")
    assert 0 < visible < total and rows.count() == visible
    selected = page.locator("#timeline rect.bar.in")
    first, last = selected.first.get_attribute("data-from"), selected.last.get_attribute("data-to")
    dates = rows.evaluate_all("rows => rows.map(r => r.cells[0].textContent)")
    assert all(first <= d <= last for d in dates)
    assert page.locator("#clear-brush").is_visible()
    shot(page, "2-brushed")

    page.locator("#clear-brush").click()
    assert shown(page) == (total, total)
    page.locator("#events-table tbody tr", has_text="Sirte").filter(has_text="36").first.click()
    page.wait_for_selector("#panel .article-text")
    highlighted = page.locator("#panel .article-text mark.f-fatalities")
    assert "36" in highlighted.all_inner_texts()
    assert "Sirte" in page.locator("#panel .article-text mark.f-location").all_inner_texts()
    assert "36" in page.locator("#panel table.fields").inner_text()
    shot(page, "3-sirte-evidence")
    assert page.errors == [] and page.external == []


def hostile_extraction() -> Extraction:
    article = Article(text=HOSTILE, title="Market burned in Tessalit", published=date(2024, 1, 13))
    words = "armed men burned the weekly market"
    start = HOSTILE.index(words)
    burned = Event(article_id=article.id, event_date=date(2024, 1, 12), event_type="Strategic developments",
                   sub_event_type="Looting/property destruction", actor1="Unidentified Armed Group (Mali)",
                   country="Mali", country_code="ML", location="Tessalit", latitude=20.2, longitude=1.01,
                   trigger="burned", evidence=[Evidence(article.id, 0, start, start + len(words), words, "event")])
    return Extraction(article, [burned], [])


def test_report_file_opens_offline_and_keeps_markup_as_text(page, tmp_path):
    from warlog.report import write_report

    db = str(tmp_path / "hostile.db")
    with Store(db) as store:
        store.save(hostile_extraction())
    out = tmp_path / "report.html"
    write_report(db, out)
    ready(page, out.as_uri())
    assert marker_countries(page) == {"ML"}
    page.wait_for_selector("path.admin1-ML", state="attached", timeout=10_000)
    page.locator("#events-table tbody tr").first.click()
    page.wait_for_selector("#panel .article-text")
    assert "<script>window.pwned = 1</script>" in page.inner_text("#panel .article-text")
    assert page.locator("#panel script, #panel img").count() == 0
    assert page.evaluate("() => window.pwned") is None
    shot(page, "4-report-file")
    assert page.errors == [] and page.external == []


def test_control_layer_follows_the_date_slider(page, seed_url):
    ready(page, seed_url)
    page.locator("#control-on").check()
    page.wait_for_selector("path.control-marker", timeout=10_000)

    def slide_to(day: str) -> None:  # move the slider as a user would, to the last change by `day`
        index = page.evaluate(f"() => window.warlog.control.days.filter(d => d <= '{day}').length - 1")
        page.locator("#control-day").fill(str(index))
        assert page.inner_text("#control-date") <= day

    slide_to("2016-06-19")
    contested_then = page.locator("path.control-contested").count()
    slide_to("2016-06-22")
    assert page.inner_text("#control-date") == "2016-06-22"
    assert page.locator("path.control-encircled").count() >= 2  # Manbij and Sirte
    assert contested_then >= 1
    page.evaluate("() => window.warlog.map.setView([35.84, 38.55], 10, {animate: false})")  # Thawra
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#panel ol.control-states")
    assert page.get_attribute("#panel", "data-control") == "Thawra"
    panel = page.inner_text("#panel")
    assert "lost again" in panel and "ISIS-held oilfield in Thawra" in panel
    shot(page, "5-control-layer")
    assert page.errors == [] and page.external == []
