"""The FastAPI application: the JSON API under /api, the page at /, the codebook at /codebook."""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from warlog import web
from warlog.api.limits import MAX_BODY_BYTES, BodyLimit
from warlog.api.routers import actors, articles, events, ingest, meta, summary
from warlog.store import Store


def _message(errors: list[dict]) -> str:
    """One readable line per error: "query parameter 'limit': Input should be ..."."""
    lines = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())]
        where = f"{loc[0]} parameter '{'.'.join(loc[1:])}'" if len(loc) > 1 else "request"
        if loc and loc[0] == "body":
            where = f"body field '{'.'.join(loc[1:])}'" if len(loc) > 1 else "body"
        lines.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(lines)


async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = jsonable_encoder(exc.errors(), custom_encoder={Exception: str})
    return JSONResponse(status_code=422, content={"message": _message(errors), "detail": errors})


def create_app(db: str, allow_ingest: bool = False, max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """The app over the store at `db`; read-only unless `allow_ingest` adds POST /api/articles."""
    store = Store(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        store.close()

    app = FastAPI(title="warlog", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Conflict events extracted from news, each field with the words it rests on. "
                              "Read-only unless the server was started with --allow-ingest.")
    app.state.store = store
    app.state.allow_ingest = allow_ingest
    app.add_exception_handler(RequestValidationError, _invalid)
    if allow_ingest:
        app.include_router(ingest.router)
    for module in (events, articles, actors, summary, meta):
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
