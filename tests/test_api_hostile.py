"""The HTTP API against hostile input (issue 9), over a store filled by the real pipeline:
invalid parameters give a 422 naming the parameter, SQL metacharacters match literally,
path tricks never reach a file outside the static folder, oversize or chunked bodies are
counted, and an ingest that fails writes nothing and says why."""
from __future__ import annotations

import asyncio
import importlib.util
import json
from datetime import date

import pytest
from conftest import SEED
from fastapi.testclient import TestClient

from warlog import web
from warlog.api import create_app
from warlog.store import Store

# Short articles written for these tests: a percent sign and an apostrophe in the event
# sentences, markup in the text, and places on three continents.
TEXTS = {
    "kaduna": (("Gunmen killed seven guards at a fuel depot in Kaduna on Tuesday, where 40% of the state's "
                "petrol is stored, police said."), date(2024, 5, 15)),
    "nairobi": (("Protesters burned tyres outside the parliament in Nairobi on Thursday. One banner read "
                 "<script>alert('tax')</script> and another \"No new taxes\". Police fired tear gas at the crowd."),
                date(2024, 6, 21)),
    "helmand": (("Soldiers clashed with militants near O'Brien's Crossing in Helmand on Friday, killing three "
                 "fighters, an army spokesman said."), date(2023, 8, 12)),
}
NEW_ARTICLE = ("Militants ambushed a police patrol near Mardan on Sunday, killing two officers, "
               "a district official said.")


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> tuple[str, dict[str, str]]:
    """A store of the texts above (and the seed article when present), extracted once."""
    from warlog.batch import save_safely
    from warlog.ingest import read_bytes
    from warlog.pipeline import extract_safely

    inputs = [(name, text.encode("utf-8"), published) for name, (text, published) in TEXTS.items()]
    if SEED.exists():
        inputs.append(("seed", SEED.read_bytes(), date(2016, 6, 22)))
    articles = [next(read_bytes(data, name, kind="text", published=published)) for name, data, published in inputs]
    path = str(tmp_path_factory.mktemp("hostile") / "warlog.db")
    with Store(path) as store:
        for article, result in zip(articles, extract_safely(articles)):
            assert save_safely(store, article, result).status == "stored"
    return path, {name: article.id for (name, _, _), article in zip(inputs, articles)}


@pytest.fixture(scope="module")
def client(filled):
    with TestClient(create_app(filled[0])) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def ingest_client(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("hostile-ingest") / "warlog.db")
    with TestClient(create_app(path, allow_ingest=True)) as test_client:
        yield test_client


def events(client, **params) -> list[dict]:
    response = client.get("/api/events", params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]


@pytest.mark.parametrize("path, params, parameter", [
    ("/api/events", {"date_from": "2016-13-45"}, "date_from"),
    ("/api/events", {"date_to": "2016-02-30"}, "date_to"),
    ("/api/events", {"bbox": "1,2,3"}, "bbox"),
    ("/api/events", {"bbox": "1,2,3,4,5"}, "bbox"),
    ("/api/events", {"bbox": "0,200,5,210"}, "bbox"),
    ("/api/events", {"bbox": "0,0,200,10"}, "bbox"),
    ("/api/events", {"bbox": "nan,0,5,10"}, "bbox"),
    ("/api/events", {"bbox": "0,inf,5,10"}, "bbox"),
    ("/api/events", {"limit": 0}, "limit"),
    ("/api/events", {"limit": 10**9}, "limit"),
    ("/api/events", {"offset": -1}, "offset"),
    ("/api/events", {"offset": 10**30}, "offset"),
    ("/api/events", {"historical": "sometimes"}, "historical"),
    ("/api/events", {"event_type": "Battels"}, "event_type"),
    ("/api/events", {"sub_event_type": "Skirmish"}, "sub_event_type"),
    ("/api/events", {"country": "x" * 201}, "country"),
    ("/api/events", {"actor": "y" * 5000}, "actor"),
    ("/api/actors", {"q": "z" * 201}, "q"),
    ("/api/summary", {"interval": "fortnight"}, "interval"),
    ("/api/summary", {"by": "region"}, "by"),
    ("/api/articles", {"limit": 1001}, "limit"),
])
def test_invalid_parameters_get_a_422_naming_them(client, path, params, parameter):
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    body = response.json()
    assert f"query parameter '{parameter}'" in body["message"]
    assert len(response.content) < 2000  # a long input is not echoed back whole


def test_unknown_event_type_lists_the_valid_ones_and_any_case_is_accepted(client):
    message = client.get("/api/events", params={"event_type": "Battels"}).json()["message"]
    assert "Battles" in message and "Riots" in message
    assert events(client, event_type="riots") == events(client, event_type="Riots") != []
    assert events(client, event_type="") == events(client)  # an empty form field is no filter


def test_west_greater_than_east_crosses_the_antimeridian(client, filled):
    located = {e["id"] for e in events(client, historical="include") if e["longitude"] is not None}
    world = {e["id"] for e in events(client, historical="include", bbox="-180,-90,180,90")}
    assert world == located
    outside = {e["id"] for e in events(client, historical="include", bbox="40,-90,30,90")}  # all but 30..40 E
    nairobi = {e["id"] for e in events(client) if e["article_id"] == filled[1]["nairobi"]}
    assert nairobi and outside == world - {e["id"] for e in events(client, historical="include",
                                                                    bbox="30,-90,40,90")}
    assert not nairobi & outside


def test_an_over_long_request_target_is_refused(client):
    response = client.get("/api/events", params={f"p{i}": "v" * 50 for i in range(400)})
    assert response.status_code == 414 and "request target" in response.json()["detail"]
    assert client.get("/static/" + "a" * 10_000).status_code == 414
    assert client.get("/api/" + "b/" * 2000).status_code == 404  # long but under the limit: not found


@pytest.mark.parametrize("name", ["q", "actor", "country", "admin1"])
@pytest.mark.parametrize("value", ["' OR 1=1 --", "%", "_", "\\", "%' --", "\"; DROP TABLE events; --"])
def test_sql_metacharacters_are_matched_literally(client, name, value):
    found = events(client, **{name: value}, historical="include")
    if name == "q" and value == "%":  # the one event sentence with a percent sign in it
        assert [e["location"] for e in found] == ["Kaduna"] and "40%" in found[0]["notes"]
    else:
        assert found == []
    assert client.get("/api/counts").json()["events"] > 0  # nothing was dropped


def test_an_apostrophe_in_the_text_is_an_ordinary_character(client):
    found = events(client, q="O'Brien's")
    assert [e["location"] for e in found] == ["Helmand"]
    assert client.get("/api/events", params={"event_type": "' OR 1=1 --"}).status_code == 422


def test_pages_follow_next_links_to_every_match(client):
    every = events(client, historical="include")
    seen, url = [], "/api/events?historical=include&limit=2"
    while url:
        page = client.get(url).json()
        assert page["total"] == len(every) and len(page["items"]) <= 2
        seen += page["items"]
        url = page["next"]
    assert seen == every and len(every) >= 3
    assert client.get("/api/events", params={"offset": 10**6}).json()["items"] == []


def test_articles_page_the_same_way_and_keep_markup_verbatim(client, filled):
    first = client.get("/api/articles", params={"limit": 1}).json()
    assert first["total"] == len(filled[1]) and first["next"].endswith("limit=1&offset=1")
    response = client.get(f"/api/articles/{filled[1]['nairobi']}")
    assert response.headers["content-type"] == "application/json"
    assert response.json()["text"] == TEXTS["nairobi"][0]  # JSON gives the text as written
    assert "<script>alert('tax')</script>" in response.text  # escaping it is the page's job


def asgi_get(app, raw_path: bytes) -> tuple[int, bytes]:
    """GET a raw path straight through the ASGI app, past any client's URL normalisation."""
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    path = raw_path.decode("latin-1")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": raw_path, "root_path": "", "query_string": b"", "headers": [],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    asyncio.run(app(scope, receive, send))
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


@pytest.mark.parametrize("path", [
    "/static/../__init__.py", "/static/../../api/app.py", "/static/../../../../../../etc/passwd",
    "/static/%2e%2e/__init__.py", "/static/%2e%2e%2f%2e%2e%2fapi%2fapp.py", "/static/..%2f..%2fapi/app.py",
    "/static/%252e%252e%252f__init__.py", "/static/app.js%00.png", "/static/%00", "/static//etc/passwd",
])
def test_paths_never_reach_a_file_outside_the_static_folder(client, path):
    outside = (web.STATIC.parent / "__init__.py").read_bytes()
    assert outside  # the file a successful trick would serve
    response = client.get(path)
    assert response.status_code in (400, 404) and b"import" not in response.content
    status, body = asgi_get(client.app, path.encode())
    assert status in (400, 404) and body != outside and b"root:" not in body


def test_a_literal_nul_in_the_path_is_a_400(client):
    assert asgi_get(client.app, b"/static/app.js\x00.png")[0] == 400


def test_bodies_over_the_limit_are_refused_announced_or_chunked(ingest_client):
    big = json.dumps({"text": "x" * 3_000_000}).encode()
    announced = ingest_client.post("/api/articles", content=big, headers={"content-type": "application/json"})
    assert announced.status_code == 413 and "limit" in announced.json()["detail"]
    chunked = ingest_client.post("/api/articles", content=(big[i:i + 65536] for i in range(0, len(big), 65536)),
                                 headers={"content-type": "application/json"})
    assert chunked.status_code == 413 and "limit" in chunked.json()["detail"]


def test_a_chunked_body_under_the_limit_is_read_whole(ingest_client):
    body = json.dumps({"text": NEW_ARTICLE, "published": "2024-03-04", "title": "Patrol ambushed"}).encode()
    response = ingest_client.post("/api/articles", content=(body[i:i + 10] for i in range(0, len(body), 10)),
                                  headers={"content-type": "application/json"})
    assert response.status_code == 201, response.text
    stored = response.json()
    assert stored["status"] == "stored" and stored["n_events"] >= 1
    detail = ingest_client.get(f"/api/events/{stored['event_ids'][0]}").json()
    assert detail["event"]["fatalities"] == 2 and detail["reports"][0]["title"] == "Patrol ambushed"


FRENCH = ("Des hommes armés ont attaqué un poste de l'armée près de Gao lundi, tuant neuf soldats, "
          "selon une source militaire. Le gouvernement a condamné cette attaque.")


@pytest.mark.parametrize("content, words", [
    (bytes(range(256)) * 8, "not valid JSON"),
    (b'{"text": "unfinished', "not valid JSON"),
    (json.dumps({"text": 5}).encode(), "body field 'text'"),
    (json.dumps({"text": ["a", "list"]}).encode(), "body field 'text'"),
    (json.dumps({"text": NEW_ARTICLE, "published": "2016-13-45"}).encode(), "body field 'published'"),
    (json.dumps({"text": NEW_ARTICLE, "title": {"nested": True}}).encode(), "body field 'title'"),
    (json.dumps([NEW_ARTICLE]).encode(), "body"),
    (json.dumps(NEW_ARTICLE).encode(), "body"),
    (json.dumps({"text": "word " * 220_000}).encode(), "at most 500000 characters"),  # 1.1 MB of text
    (json.dumps({"text": ""}).encode(), "no 'text' or 'html'"),
    (json.dumps({"text": "   \n\t  "}).encode(), "no 'text' or 'html'"),
    (json.dumps({"text": "\u0001\u0002\ufffd\u0003" * 200}).encode(), "no text"),
    (json.dumps({"text": FRENCH}).encode(), "not English"),
])
def test_junk_bodies_get_a_clear_4xx_and_write_nothing(ingest_client, content, words):
    before = ingest_client.get("/api/counts").json()
    response = ingest_client.post("/api/articles", content=content, headers={"content-type": "application/json"})
    assert response.status_code == 422, response.text
    body = response.json()
    assert words in (body.get("message") or body.get("reason") or "")
    assert ingest_client.get("/api/counts").json() == before


def test_an_article_that_breaks_the_pipeline_is_a_422_with_the_reason(ingest_client, monkeypatch):
    import warlog.pipeline

    def broken(articles, batch_size=16):
        raise RuntimeError("tokenizer gave up")
        yield  # a generator, as the real one

    monkeypatch.setattr(warlog.pipeline, "extract_many", broken)
    before = ingest_client.get("/api/counts").json()
    response = ingest_client.post("/api/articles", json={"text": NEW_ARTICLE.replace("two", "four")})
    assert response.status_code == 422
    assert response.json()["status"] == "failed" and "tokenizer gave up" in response.json()["reason"]
    assert ingest_client.get("/api/counts").json() == before


def test_a_store_failure_mid_write_leaves_nothing_behind(ingest_client, monkeypatch):
    real_write = Store._write

    def write_then_fail(self, conn, extraction):
        real_write(self, conn, extraction)  # every row of the article is written...
        raise RuntimeError("disk full")  # ...then the transaction fails

    monkeypatch.setattr(Store, "_write", write_then_fail)
    before = ingest_client.get("/api/counts").json()
    text = NEW_ARTICLE.replace("two officers", "five officers")
    response = ingest_client.post("/api/articles", json={"text": text})
    assert response.status_code == 500
    failed = response.json()
    assert failed["status"] == "failed" and "disk full" in failed["reason"]
    assert ingest_client.get("/api/counts").json() == before
    assert ingest_client.get(f"/api/articles/{failed['article_id']}").status_code == 404


def test_openapi_documents_every_route_its_parameters_and_errors(client, ingest_client):
    for spec in (client.get("/openapi.json").json(), ingest_client.get("/openapi.json").json()):
        for path, operations in spec["paths"].items():
            for method, operation in operations.items():
                assert operation.get("summary"), (method, path)
                assert all(p.get("description") for p in operation.get("parameters", [])), (method, path)
                ok = operation["responses"].get("200") or operation["responses"].get("201")
                assert ok["content"]["application/json"]["schema"], (method, path)
                if operation.get("parameters") or "requestBody" in operation:
                    assert "422" in operation["responses"], (method, path)
                if "{" in path:
                    assert operation["responses"]["404"]["content"], (method, path)
        assert "ValidationProblem" in spec["components"]["schemas"]
    assert "post" in ingest_client.get("/openapi.json").json()["paths"]["/api/articles"]


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("schemathesis") is None, reason="schemathesis is not installed")
@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_schemathesis_finds_no_server_error_or_undocumented_answer(filled, tmp_path, mode):
    """Property-based requests generated from the app's own OpenAPI schema (schemathesis 4):
    valid and invalid ones alike get a documented status and a body matching its schema."""
    import shutil

    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    checks = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
    path = shutil.copy(filled[0], tmp_path / "warlog.db")
    app = create_app(str(path), allow_ingest=True)
    with TestClient(app):
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
        for result in schema.get_all_operations():
            operation = result.ok()
            documented = app.openapi()["paths"][operation.path][operation.method.lower()]
            if mode == "negative" and not documented.get("parameters") and "requestBody" not in documented:
                continue  # nothing to make invalid

            @given(case=operation.as_strategy(generation_mode=schemathesis.GenerationMode(mode)))
            @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            def check(case):
                case.call_and_validate(checks=checks)

            check()
