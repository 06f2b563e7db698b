"""HTTP API: every event filter, pagination, detail, articles, actors, summary, codebook,
the 422 paths, read-only by default, and ingest (with its 413) when allowed."""
from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from warlog.api import create_app
from warlog.columns import COLUMNS
from warlog.model import Article, Claim, Event, Evidence, Extraction
from warlog.store import Store

SAHEL = ("Rebel fighters attacked an army outpost near Kidal on Monday, killing nine soldiers, a military "
         "source said. Later that day, a roadside bomb struck a convoy outside Gao, wounding four peacekeepers.")
CHILE = ("Thousands of teachers marched through central Santiago on Thursday demanding higher pay. Police used "
         "water cannon to disperse the crowd near the presidential palace. One placard read "
         "\"<script>alert('pay')</script>\". Older marchers recalled how soldiers stormed the same palace in 1973.")


def span(article: Article, words: str, field: str, sentence: int = 0) -> Evidence:
    start = article.text.index(words)
    return Evidence(article.id, sentence, start, start + len(words), words, field)


def sahel() -> Extraction:
    article = Article(text=SAHEL, title="Outpost attacked near Kidal", source="Sahel Desk",
                      url="https://sahel.example.net/kidal", published=date(2023, 3, 7))
    clash = Event(article_id=article.id, event_date=date(2023, 3, 6), event_type="Battles",
                  sub_event_type="Armed clash", actor1="Rebel Forces (Mali)", actor2="Military Forces of Mali (2021-)",
                  country="Mali", country_code="ML", admin1="Kidal", location="Kidal", latitude=18.44,
                  longitude=1.41, fatalities=9, fatalities_low=9, fatalities_best=9, fatalities_high=9,
                  trigger="attacked", notes=SAHEL[:SAHEL.index("said.") + 5],
                  evidence=[span(article, "Rebel fighters attacked an army outpost", "event"),
                            span(article, "attacked", "trigger"), span(article, "Rebel fighters", "actor1"),
                            span(article, "Kidal", "location"), span(article, "nine", "fatalities")])
    bomb = Event(article_id=article.id, event_date=date(2023, 3, 6), event_type="Explosions/Remote violence",
                 sub_event_type="Remote explosive/landmine/IED", actor2="MINUSMA: United Nations Mission in Mali",
                 assoc_actor_2="Civilians (Mali)", country="Mali", country_code="ML", admin1="Gao",
                 location="Gao", latitude=16.27, longitude=-0.04, injured=4, trigger="struck",
                 notes=SAHEL[SAHEL.index("Later"):],
                 evidence=[span(article, "a roadside bomb struck a convoy", "event", 1),
                           span(article, "four", "injured", 1)])
    claim = Claim(subject="Kidal", attribute="killed", value=9, source="a military source", date=date(2023, 3, 6),
                  evidence=span(article, "killing nine soldiers", "claim"), event_id=clash.id)
    return Extraction(article, [clash, bomb], [claim])


def chile() -> Extraction:
    article = Article(text=CHILE, title="Teachers march <b>in</b> Santiago", published=date(2023, 3, 10))
    march = Event(article_id=article.id, event_date=date(2023, 3, 9), event_type="Protests",
                  sub_event_type="Protest with intervention", actor1="Protesters (Chile)",
                  assoc_actor_1="Teachers (Chile)", actor2="Police Forces of Chile (2022-)", country="Chile",
                  country_code="CL", admin1="Santiago Metropolitan", location="Santiago", latitude=-33.45,
                  longitude=-70.65, trigger="marched", notes=CHILE[:CHILE.index("pay.") + 4],
                  evidence=[span(article, "teachers marched through central Santiago", "event")])
    storming = Event(article_id=article.id, event_date=date(1973, 9, 11), time_precision=3, event_type="Battles",
                     sub_event_type="Armed clash", actor1="Military Forces of Chile (1973-1990)", country="Chile",
                     country_code="CL", admin1="Santiago Metropolitan", location="Santiago", latitude=-33.44,
                     longitude=-70.66, is_historical=True, trigger="stormed",
                     evidence=[span(article, "soldiers stormed the same palace", "event", 3)])
    return Extraction(article, [march, storming], [])


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("api") / "warlog.db")
    with Store(path) as store:
        for extraction in (sahel(), chile()):
            assert store.save(extraction).status == "stored"
    return path


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(store_path)) as test_client:
        yield test_client


def locations(client, **params) -> list[str]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return [e["location"] for e in response.json()["items"]]


def test_list_leaves_historical_out_by_default_and_pages(client):
    page = client.get("/api/events").json()
    assert page["total"] == 3 and [e["event_date"] for e in page["items"]] == ["2023-03-06", "2023-03-06", "2023-03-09"]
    second = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert second["total"] == 3 and len(second["items"]) == 1 and second["items"][0] == page["items"][1]
    assert page["next"] is None and second["next"].endswith("/api/events?limit=1&offset=2")
    assert client.get(second["next"]).json()["items"] == page["items"][2:]
    assert client.get("/api/events", params={"offset": 5}).json()["items"] == []


def test_store_filters_counts_and_pages_in_the_database(store_path):
    with Store(store_path) as store:
        every = store.events(historical=None)
        assert store.count_events(historical=None) == len(every) == 4
        assert store.events(historical=None, limit=2, offset=1) == every[1:3]
        assert [e.location for e in store.events(admin1="GAO")] == ["Gao"]
        assert [e.location for e in store.events(bbox=(0, 17, 5, 20))] == ["Kidal"]
        assert store.count_events(bbox=(170, -40, -60, -30), historical=None) == 2  # across the antimeridian
        assert store.count_events(country="ML", actor="%") == 0 and store.count_events(text="_") == 0
        assert store.event(every[0].id) == every[0] and store.event("0123456789abcdef") is None
        assert store.events(evidence=False)[0].evidence == [] and every[0].evidence


@pytest.mark.parametrize("params, expected", [
    ({"historical": "include"}, ["Santiago", "Kidal", "Gao", "Santiago"]),  # by date: 1973 first
    ({"historical": "only"}, ["Santiago"]),
    ({"date_from": "2023-03-07"}, ["Santiago"]),
    ({"date_to": "2023-03-06"}, ["Kidal", "Gao"]),
    ({"date_from": "2023-03-06", "date_to": "2023-03-06"}, ["Kidal", "Gao"]),
    ({"country": "mali"}, ["Kidal", "Gao"]),
    ({"country": "CL", "historical": "include"}, ["Santiago", "Santiago"]),
    ({"admin1": "gao"}, ["Gao"]),
    ({"event_type": "battles", "historical": "include"}, ["Santiago", "Kidal"]),
    ({"sub_event_type": "Remote explosive/landmine/IED"}, ["Gao"]),
    ({"actor": "minusma"}, ["Gao"]),
    ({"actor": "teachers"}, ["Santiago"]),
    ({"bbox": "-5,15,5,20"}, ["Kidal", "Gao"]),
    ({"bbox": "0,17,5,20"}, ["Kidal"]),
    ({"bbox": "170,-40,-60,-30"}, ["Santiago"]),  # west > east: the box crosses the antimeridian
    ({"q": "roadside"}, ["Gao"]),
    ({"q": "santiago"}, ["Santiago"]),
    ({"country": "Mali", "q": "outpost"}, ["Kidal"]),
    ({"country": "Nowhere"}, []),
])
def test_each_filter(client, params, expected):
    assert locations(client, **params) == expected


@pytest.mark.parametrize("params, parameter", [
    ({"limit": 0}, "limit"), ({"limit": 1001}, "limit"), ({"limit": "ten"}, "limit"), ({"offset": -1}, "offset"),
    ({"date_from": "2023-13-01"}, "date_from"), ({"date_to": "yesterday"}, "date_to"),
    ({"date_from": "2023-03-09", "date_to": "2023-03-01"}, "date_from"),
    ({"bbox": "1,2,3"}, "bbox"), ({"bbox": "a,b,c,d"}, "bbox"), ({"bbox": "0,-95,5,20"}, "bbox"),
    ({"bbox": "0,20,5,10"}, "bbox"), ({"bbox": "-190,0,5,10"}, "bbox"),
    ({"historical": "maybe"}, "historical"), ({"q": "x" * 201}, "q"),
])
def test_invalid_parameters_give_422_naming_the_parameter(client, params, parameter):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    body = response.json()
    assert f"query parameter '{parameter}'" in body["message"]
    assert any(error["loc"] == ["query", parameter] for error in body["detail"])


def test_invalid_summary_actor_and_id_parameters_give_422(client):
    assert client.get("/api/summary", params={"interval": "month"}).status_code == 422
    assert "'by'" in client.get("/api/summary", params={"by": "region"}).json()["message"]
    assert client.get("/api/actors", params={"limit": 0}).status_code == 422
    assert client.get("/api/events/not-an-id!").status_code == 422
    assert client.get("/api/articles/NOPE").status_code == 422


def test_event_detail_has_row_evidence_claims_and_reports(client):
    kidal = client.get("/api/events", params={"admin1": "Kidal"}).json()["items"][0]
    detail = client.get(f"/api/events/{kidal['id']}").json()
    assert detail["event"] == kidal
    assert list(detail["row"]) == COLUMNS and detail["row"]["event_id_cnty"].startswith("MLI")
    assert detail["row"]["source"] == "Sahel Desk"
    text = detail["reports"][0]["text"]
    assert text == SAHEL and [r["id"] for r in detail["reports"]] == [kidal["article_id"]]
    fields = {ev["field"]: text[ev["start"]:ev["end"]] for ev in detail["evidence"]}
    assert fields == {"event": "Rebel fighters attacked an army outpost", "trigger": "attacked",
                      "actor1": "Rebel fighters", "location": "Kidal", "fatalities": "nine"}
    assert [(c["attribute"], c["value"], c["source"]) for c in detail["claims"]] == [("killed", 9, "a military source")]
    assert client.get("/api/events/0123456789abcdef").status_code == 404


def test_articles_list_and_one_with_its_text_kept_verbatim(client):
    page = client.get("/api/articles").json()
    assert page["total"] == 2 and {a["title"] for a in page["items"]} == {"Outpost attacked near Kidal",
                                                                           "Teachers march <b>in</b> Santiago"}
    chile_id = next(a["id"] for a in page["items"] if a["title"].startswith("Teachers"))
    article = client.get(f"/api/articles/{chile_id}").json()
    assert article["text"] == CHILE and "<script>alert('pay')</script>" in article["text"]
    assert article["length"] == len(CHILE) and len(article["event_ids"]) == 2
    assert client.get("/api/articles/0123456789abcdef").status_code == 404
    assert client.get("/api/articles", params={"limit": 1, "offset": 1}).json()["items"][0]["id"] != \
        client.get("/api/articles", params={"limit": 1}).json()["items"][0]["id"]


def test_actors_counted_with_their_fatalities(client):
    actors = {a["name"]: a for a in client.get("/api/actors").json()}
    assert actors["Military Forces of Mali (2021-)"] == {"name": "Military Forces of Mali (2021-)", "events": 1,
                                                         "fatalities": 9, "as_actor1": 0, "as_actor2": 1}
    assert actors["Teachers (Chile)"]["events"] == 1 and actors["Teachers (Chile)"]["as_actor1"] == 0
    assert "Military Forces of Chile (1973-1990)" not in actors
    only_mali = client.get("/api/actors", params={"country": "ML"}).json()
    assert {a["name"] for a in only_mali} == {"Rebel Forces (Mali)", "Military Forces of Mali (2021-)",
                                              "MINUSMA: United Nations Mission in Mali", "Civilians (Mali)"}


def test_summary_series_by_day_week_type_country_and_actor(client):
    overall = client.get("/api/summary").json()
    assert overall["series"][0]["key"] == "all"
    assert [(p["period"], p["events"], p["fatalities"]) for p in overall["series"][0]["points"]] == [
        ("2023-03-06", 2, 9), ("2023-03-09", 1, 0)]
    weekly = client.get("/api/summary", params={"interval": "week", "by": "country"}).json()
    by_country = {s["key"]: [(p["period"], p["events"]) for p in s["points"]] for s in weekly["series"]}
    assert by_country == {"Mali": [("2023-03-06", 2)], "Chile": [("2023-03-06", 1)]}  # both in the week of Monday 6th
    by_type = client.get("/api/summary", params={"by": "event_type", "historical": "include"}).json()
    assert {s["key"]: s["events"] for s in by_type["series"]} == {
        "Battles": 2, "Explosions/Remote violence": 1, "Protests": 1}
    by_actor = client.get("/api/summary", params={"by": "actor", "country": "Mali"}).json()
    assert {s["key"]: s["fatalities"] for s in by_actor["series"]}["Rebel Forces (Mali)"] == 9


def test_codebook_endpoint_and_page_describe_every_column(client):
    codebook = client.get("/api/codebook").json()
    assert [c["name"] for c in codebook] == COLUMNS and all(c["description"] for c in codebook)
    page = client.get("/codebook").text
    assert all(f"<code>{name}</code>" in page for name in COLUMNS)


def test_page_and_static_assets_are_served_without_any_cdn(client):
    page = client.get("/")
    assert page.status_code == 200 and 'id="map"' in page.text
    assert "http://" not in page.text and "https://" not in page.text
    for asset in ("static/vendor/leaflet/leaflet.js", "static/vendor/world-atlas/countries-50m.json", "static/app.js"):
        assert client.get(f"/{asset}").status_code == 200


def test_read_only_by_default(client):
    assert client.post("/api/articles", json={"text": SAHEL}).status_code == 405
    assert "post" not in client.get("/openapi.json").json()["paths"]["/api/articles"]
    assert client.get("/api/counts").json() == {"articles": 2, "events": 4, "evidence": 10, "claims": 1,
                                                "allow_ingest": False}


def test_openapi_documents_filters_and_models(client):
    spec = client.get("/openapi.json").json()
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"date_from", "date_to", "country", "admin1", "event_type", "actor", "bbox", "historical", "q",
            "limit", "offset"} <= names
    assert spec["components"]["schemas"]["EventRow"]["properties"]["fatalities"]["description"]
    assert {"/api/events/{event_id}", "/api/articles/{article_id}", "/api/actors", "/api/summary"} <= set(spec["paths"])


@pytest.fixture(scope="module")
def ingest_client(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("ingest") / "warlog.db")
    with TestClient(create_app(path, allow_ingest=True, max_body_bytes=20_000)) as test_client:
        yield test_client


def test_ingest_refuses_oversize_and_invalid_bodies(ingest_client):
    big = ingest_client.post("/api/articles", json={"text": "word " * 10_000})
    assert big.status_code == 413 and "limit" in big.json()["detail"]
    assert ingest_client.post("/api/articles", json={"text": "   "}).status_code == 422
    bad_date = ingest_client.post("/api/articles", json={"text": SAHEL, "published": "soon"})
    assert bad_date.status_code == 422 and "body field 'published'" in bad_date.json()["message"]
    assert ingest_client.post("/api/articles", json={"text": SAHEL, "colour": "red"}).status_code == 422
    assert ingest_client.post("/api/articles", content=b"not json",
                              headers={"content-type": "application/json"}).status_code == 422


def test_ingest_runs_the_pipeline_and_stores_once(ingest_client):
    text = ("Gunmen killed six villagers in an attack on a market near Maiduguri on Sunday, "
            "a local official said.")
    first = ingest_client.post("/api/articles", json={"text": text, "title": "Market attack",
                                                      "published": "2024-02-12", "source": "Borno Desk"})
    assert first.status_code == 201, first.text
    stored = first.json()
    assert stored["status"] == "stored" and stored["n_events"] >= 1
    event = ingest_client.get(f"/api/events/{stored['event_ids'][0]}").json()
    assert event["event"]["fatalities"] == 6 and event["reports"][0]["title"] == "Market attack"
    assert any(ev["field"] == "fatalities" and ev["text"] == "six" for ev in event["evidence"])
    again = ingest_client.post("/api/articles", json={"text": text, "published": "2024-02-12"})
    assert again.status_code == 200 and again.json()["status"] == "duplicate"


def test_seed_article_events_in_syria_iraq_and_libya(tmp_path, seed_text):
    from warlog.ingest import read_bytes
    from warlog.pipeline import extract_article

    path = str(tmp_path / "seed.db")
    article = next(read_bytes(seed_text.encode("utf-8"), "seed/article.txt", kind="text", published=date(2016, 6, 22)))
    with Store(path) as store:
        assert store.save(extract_article(article)).status == "stored"
    with TestClient(create_app(path)) as seed_client:
        events = seed_client.get("/api/events", params={"limit": 1000}).json()["items"]
        assert {"Syria", "Iraq", "Libya"} <= {e["country"] for e in events}
        sirte = seed_client.get("/api/events", params={"country": "LY", "q": "Sirte"}).json()["items"]
        assert any(e["fatalities"] == 36 for e in sirte)
        detail = seed_client.get(f"/api/events/{next(e['id'] for e in sirte if e['fatalities'] == 36)}").json()
        text = detail["reports"][0]["text"]
        assert any(ev["field"] == "fatalities" and text[ev["start"]:ev["end"]] == "36" for ev in detail["evidence"])
        libya_box = seed_client.get("/api/events", params={"bbox": "9,19,26,34"}).json()["items"]
        assert libya_box and {e["country"] for e in libya_box} == {"Libya"}


def test_api_docs_page_uses_packaged_swagger_ui(client):
    docs = client.get("/docs")
    assert docs.status_code == 200 and "static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "cdn." not in docs.text and client.get("/static/vendor/swagger-ui/swagger-ui.css").status_code == 200
