"""Timelines and states as plain dicts (JSON for the CLI's --json and the HTTP API)."""
from __future__ import annotations

from warlog.control.changes import Change, Report
from warlog.control.query import PlaceState
from warlog.control.timeline import Share, State, Timeline


def _day(value) -> str | None:
    return value.isoformat() if value else None


def report_dict(report: Report) -> dict:
    ev = report.evidence
    return {"article_id": report.article_id, "source": report.source, "published": _day(report.published),
            "evidence": None if ev is None else {"sentence": ev.sentence, "start": ev.start, "end": ev.end,
                                                 "text": ev.text}}


def change_dict(change: Change) -> dict:
    return {"kind": change.kind, "holder": change.holder, "by": change.by, "from": change.from_,
            "part": change.part, "share": change.share, "brief": change.brief, "historical": change.historical,
            "earliest": _day(change.earliest), "latest": _day(change.latest),
            "reports": [report_dict(r) for r in change.reports]}


def share_dict(share: Share) -> dict:
    return {"share": share.share, "holder": share.holder, "source": share.source, "date": _day(share.date),
            "evidence": share.evidence.text if share.evidence else None}


def state_dict(state: State) -> dict:
    return {"status": state.status, "holder": state.holder, "since": _day(state.since),
            "since_latest": _day(state.since_latest), "note": state.note, "contenders": state.contenders,
            "parts": state.parts, "shares": [share_dict(s) for s in state.shares],
            "change": change_dict(state.change), "confirmed_by": [change_dict(c) for c in state.confirmed_by]}


def place_dict(timeline: Timeline) -> dict:
    place = timeline.place
    return {"key": timeline.key, "name": timeline.name, "names": timeline.names, "gazetteer_name": place.get("name"),
            "geonameid": place.get("geonameid"), "kind": place.get("kind"),
            "country_code": place.get("country_code"), "admin1": place.get("admin1"),
            "latitude": place.get("lat"), "longitude": place.get("lon")}


def timeline_dict(timeline: Timeline) -> dict:
    return {"place": place_dict(timeline), "states": [state_dict(s) for s in timeline.states]}


def place_state_dict(row: PlaceState) -> dict:
    return {"place": place_dict(row.timeline), "state": state_dict(row.state),
            "within": [place_state_dict(w) for w in row.within]}
