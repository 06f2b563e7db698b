"""The FastAPI application: the JSON API under /api, the page at /, the codebook at /codebook."""
from __future__ import annotations

import json
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from warlog import web
from warlog.api.limits import MAX_BODY_BYTES, BodyLimit
from warlog.api.models import Problem
from warlog.api.routers import actors, articles, control, events, ingest, meta, summary
from warlog.store import Store

MAX_ECHO = 200  # characters of an invalid input repeated in a 422
# What any route may answer before or after its own work (limits.py, _crashed).
EVERY_ROUTE = {400: {"model": Problem, "description": "A NUL byte in the path or query, or a bad Content-Length"},
               414: {"model": Problem, "description": "The path and query string are over 8 KiB"},
               500: {"model": Problem, "description": "An unexpected error; the detail names its kind"}}


def _message(errors: list[dict]) -> str:
    """One readable line per error: "query parameter 'limit': Input should be ..."."""
    lines = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())]
        where = f"{loc[0]} parameter '{'.'.join(loc[1:])}'" if len(loc) > 1 else "request"
        if loc and loc[0] == "body":
            where = f"body field '{'.'.join(loc[1:])}'" if len(loc) > 1 else "body"
        if error.get("type") == "json_invalid":  # loc holds the character offset, not a field
            reason = (error.get("ctx") or {}).get("error", "")
            lines.append(f"body is not valid JSON ({reason}) at character {loc[-1] if len(loc) > 1 else 0}")
            continue
        lines.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(lines)


async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = jsonable_encoder(exc.errors(), custom_encoder={Exception: str})
    for error in errors:  # a 1 MB input is not echoed back whole
        shown = json.dumps(error.get("input"))
        if len(shown) > MAX_ECHO:
            error["input"] = shown[:MAX_ECHO] + "..."
    return JSONResponse(status_code=422, content={"message": _message(errors), "detail": errors})


async def _crashed(request: Request, exc: Exception) -> JSONResponse:
    """Any unexpected error: a JSON 500 naming the error's kind, never a traceback."""
    return JSONResponse(status_code=500, content={"detail": f"internal error: {type(exc).__name__}"})


def create_app(db: str, allow_ingest: bool = False, max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """The app over the store at `db`; read-only unless `allow_ingest` adds POST /api/articles."""
    store = Store(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        store.close()

    app = FastAPI(title="warlog", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  responses=EVERY_ROUTE,
                  description="Conflict events extracted from news, each field with the words it rests on. "
                              "Read-only unless the server was started with --allow-ingest.")
    app.state.store = store
    app.state.allow_ingest = allow_ingest
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(Exception, _crashed)
    if allow_ingest:
        app.include_router(ingest.router)
    for module in (events, articles, actors, summary, control, meta):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=web.STATIC), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> str:
        return web.render_page()

    @app.get("/docs", include_in_schema=False)
    def docs():  # Swagger UI from the package, not from a CDN
        return get_swagger_ui_html(openapi_url="openapi.json", title="warlog API",
                                   swagger_js_url="static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="data:,")

    @app.get("/codebook", response_class=HTMLResponse, include_in_schema=False)
    def codebook_page() -> str:
        return web.render_codebook_page()

    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    return app
