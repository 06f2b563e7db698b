"""`warlog control`: a place's control timeline, or who holds what on a day."""
from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from warlog.control.query import PlaceState, control_at, place_timeline
from warlog.control.records import place_state_dict, timeline_dict
from warlog.control.timeline import State, Timeline


def _since(state: State) -> str:
    if state.since is None:
        return f"by {state.since_latest}" if state.since_latest else "?"
    if state.since_latest and state.since_latest != state.since:
        return f"{state.since}..{state.since_latest}"
    return str(state.since)


def _who(state: State) -> str:
    holder = state.holder or "unknown"
    if state.contenders:
        holder += f" (vs {', '.join(state.contenders)})"
    return holder


def _shares(state: State) -> str:
    return "; ".join(f"{round(s.share * 100)}% {s.holder or '?'} per {s.source or 'the article'}"
                     + (f" ({s.date})" if s.date else "") for s in state.shares)


def _evidence(state: State) -> str:
    reports = state.change.reports
    first = reports[0].evidence.text.strip() if reports and reports[0].evidence else ""
    more = f" [+{len(reports) - 1} more]" if len(reports) > 1 else ""
    confirmed = f" [confirmed {len(state.confirmed_by)}x]" if state.confirmed_by else ""
    return (first[:140] + ("…" if len(first) > 140 else "")) + more + confirmed


def timeline_table(timeline: Timeline) -> Table:
    place = timeline.place
    where = ", ".join(str(x) for x in (place.get("country_code"), place.get("admin1")) if x)
    table = Table(title=f"{timeline.name} — {place.get('name')} ({where}; GeoNames {place.get('geonameid') or '-'})",
                  title_justify="left")
    for col in ("since", "status", "holder", "what happened", "shares", "evidence"):
        table.add_column(col, overflow="fold")
    for state in timeline.states:
        table.add_row(_since(state), state.status, _who(state), state.note, _shares(state), _evidence(state))
    return table


def day_table(rows: list[PlaceState], day: date) -> Table:
    table = Table(title=f"Control on {day}", title_justify="left")
    for col in ("place", "kind", "status", "holder", "since", "shares", "evidence"):
        table.add_column(col, overflow="fold")
    for row in rows:
        for depth, item in [(0, row)] + [(1, w) for w in row.within]:
            state = item.state
            table.add_row(("  └ " if depth else "") + item.timeline.name, item.timeline.place.get("kind") or "",
                          state.status, _who(state), _since(state), _shares(state), _evidence(state))
    return table


def control(
    place: Annotated[Optional[str], typer.Argument(help="A place, as written or as GeoNames names it.")] = None,
    at: Annotated[Optional[str], typer.Option("--at", help="The day (YYYY-MM-DD): the state in force then.")] = None,
    country: Annotated[Optional[str], typer.Option(help="ISO alpha-2 code: only places of this country.")] = None,
    db: Annotated[str, typer.Option("--db", help="SQLite file or database URL.")] = "warlog.db",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Who holds what: a place's control timeline (with --at, its state that day), or with
    --at and no place every place's state that day (provinces list the towns within them)."""
    from warlog.store import Store

    if place is None and at is None:
        raise typer.BadParameter("give a PLACE, or --at DATE (with --country to narrow it)", param_hint="PLACE")
    try:
        day = date.fromisoformat(at) if at else None
    except ValueError:
        raise typer.BadParameter(f"not a date (YYYY-MM-DD): {at!r}", param_hint="--at") from None
    console = Console(width=200) if as_json else Console()
    with Store(db) as store:
        if place is None:
            rows = control_at(store, day, country)
            if as_json:
                typer.echo(json.dumps([place_state_dict(r) for r in rows], indent=1))
            else:
                console.print(day_table(rows, day))
            return
        found = place_timeline(store, place, country)
    if not found:
        typer.echo(f"nothing is known of the control of {place!r}", err=True)
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps([_at(timeline_dict(t), t, day) for t in found], indent=1))
        return
    for timeline in found:
        console.print(timeline_table(timeline))
        if day is not None:
            state = timeline.at(day)
            console.print(f"On {day}: " + (f"{state.status}, {_who(state)}" if state else "nothing known yet"))


def _at(record: dict, timeline: Timeline, day: date | None) -> dict:
    if day is not None:
        state = timeline.at(day)
        record["at"] = {"day": day.isoformat(), "state_index": timeline.states.index(state) if state else None}
    return record
