"""`warlog report`: the map, timeline, table and evidence panel as one self-contained HTML file.

Every script, style, the basemap and the data are inlined: the file opens offline, in any
browser, with no server. Article text is carried as JSON and only ever shown as text.
"""
from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from warlog import web
from warlog.api.convert import article_text, event_summary
from warlog.api.detail import articles_of, event_detail
from warlog.store import Store


def report_data(store: Store, **filters) -> dict:
    """Events (with historical ones: the page filters them), their details and their articles."""
    filters.setdefault("historical", None)
    events = store.events(**filters)
    articles: dict[str, dict] = {}
    details: dict[str, dict] = {}
    for event in events:
        found = articles_of(store, event)
        for article in found:
            articles.setdefault(article.id, article_text(article).model_dump(mode="json"))
        detail = event_detail(store, event, found).model_dump(mode="json")
        detail["report_ids"] = [a["id"] for a in detail.pop("reports")]
        details[event.id] = detail
    from warlog.control import timelines
    from warlog.control.records import timeline_dict

    country = filters.get("country")
    return {"events": [event_summary(e).model_dump(mode="json") for e in events],
            "details": details, "articles": articles,
            "control": [timeline_dict(t) for t in timelines(store, country)],
            "admin1": web.admin1_topologies({e.country_code for e in events if e.country_code})}


def render_report(data: dict, title: str = "warlog report") -> str:
    """The page of `report_data()`, with every asset inlined."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    subtitle = f"{len(data['events'])} events from {len(data['articles'])} articles, written {stamp}"
    return web.render_page(inline=True, data=data, title=title, subtitle=subtitle)


def write_report(db: str, out: str | Path, title: str = "warlog report", **filters) -> int:
    """Write the report of the store at `db` to `out` (atomically); returns the number of events."""
    with Store(db) as store:
        data = report_data(store, **filters)
    page = render_report(data, title)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(page)
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return len(data["events"])
