"""A place's changes of control folded into a dated sequence of control states.

Each State says who holds the place from when (a date range when the reports allow no
better), whether it is held, contested (another side holds part of it, or sources give
shares) or encircled, the shares sources claim (side by side, never averaged), and the
Change — with its reports and their words — that began it. Ground "briefly" taken is
followed by its loss. A statement that the holder still holds it confirms the state.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from warlog.control.changes import Change
from warlog.model import Evidence

ORDER = {"held": 0, "encircled": 1, "taken": 2, "lost": 2, "share": 3}
WHOLE_SHARE = 0.99  # a source saying (nearly) all of it is held says it is held


@dataclass(slots=True)
class Share:
    """'80 percent of the city is under their control', as one source says it."""

    share: float
    holder: str | None
    source: str | None
    date: date | None
    evidence: Evidence | None


@dataclass(slots=True)
class State:
    """Who holds a place from `since` (no earlier than) to the next state."""

    status: str  # held | contested | encircled | unknown
    holder: str | None
    since: date | None  # the earliest the state can have begun (None: before `as_of`)
    since_latest: date | None  # the latest it can have begun
    change: Change  # what began it: its reports are the evidence
    note: str
    contenders: list[str] = field(default_factory=list)  # who else holds part of it, or surrounds it
    parts: list[str] = field(default_factory=list)  # the parts they hold
    shares: list[Share] = field(default_factory=list)
    confirmed_by: list[Change] = field(default_factory=list)  # later words that it still held

    @property
    def start(self) -> date | None:
        return self.since or self.since_latest


@dataclass(slots=True)
class Timeline:
    """One place's control states, oldest first."""

    key: str
    place: dict
    names: list[str]
    states: list[State]

    @property
    def name(self) -> str:
        return self.names[0] if self.names else self.place.get("name") or self.key

    def at(self, day: date) -> State | None:
        """The state in force on `day` (None: nothing is known of the place by then)."""
        found = None
        for state in self.states:
            if state.start is not None and state.start <= day:
                found = state
        return found

    @property
    def current(self) -> State | None:
        return self.states[-1] if self.states else None


def _report_day(change: Change) -> date | None:
    days = [r.published for r in change.reports if r.published]
    return max(days) if days else None


class _Folder:
    def __init__(self) -> None:
        self.states: list[State] = []

    @property
    def now(self) -> State | None:
        return self.states[-1] if self.states else None

    def begin(self, change: Change, status: str, holder: str | None, note: str, **kw) -> State:
        state = State(status=status, holder=holder, since=change.earliest if change.kind != "held" else None,
                      since_latest=change.latest, change=change, note=note, **kw)
        self.states.append(state)
        return state

    def held(self, c: Change) -> None:
        now = self.now
        if now is not None and now.holder == c.holder and now.status != "unknown":
            now.confirmed_by.append(c)
        elif now is not None and c.part is not None and now.holder not in (None, c.holder):
            self.begin(c, "contested", now.holder, f"{c.holder} holds part of it",
                       contenders=[*now.contenders, c.holder], parts=[*now.parts, c.part], shares=list(now.shares))
        else:
            self.begin(c, "held", c.holder, f"held by {c.holder}" + (f" (at least {c.part})" if c.part else ""))

    def taken(self, c: Change) -> None:
        now = self.now
        before = now.holder if now is not None and now.holder else c.from_
        if c.part is None:
            if now is not None and now.holder == c.holder and now.status == "held" and not c.brief:
                now.confirmed_by.append(c)
                return
            self.begin(c, "held", c.holder, f"taken by {c.by}" + (f" from {before}" if before else ""))
        else:
            contenders = list(dict.fromkeys([*(now.contenders if now else []), c.holder]))
            contenders = [x for x in contenders if x and x != before]
            self.begin(c, "contested", before, f"{c.by} took {c.part}" + (f" from {before}" if before else ""),
                       contenders=contenders, parts=[*(now.parts if now else []), c.part],
                       shares=list(now.shares) if now else [])
        if c.brief:  # "briefly seized": and lost again, by the time it was reported
            again = replace(now, since=c.latest + timedelta(days=1) if c.latest else None,
                            since_latest=_report_day(c), change=c, note="lost again", confirmed_by=[]) \
                if now is not None else None
            if again is None and before:
                again = State("held", before, c.latest + timedelta(days=1) if c.latest else None, _report_day(c),
                              c, "lost again")
            if again is not None:
                again.note = f"lost again by {c.by}" + (f"; {before} holds it" if before else "")
                self.states.append(again)

    def lost(self, c: Change) -> None:
        status = "held" if c.holder else "unknown"
        self.begin(c, status, c.holder, f"given up by {c.from_}" + (f" to {c.holder}" if c.holder else ""))

    def encircled(self, c: Change) -> None:
        now = self.now
        if now is not None and now.status == "encircled" and c.by in now.contenders:
            now.confirmed_by.append(c)
            return
        holder = c.holder or (now.holder if now else None)
        self.begin(c, "encircled", holder, f"encircled by {c.by}", contenders=[x for x in [c.by] if x],
                   parts=list(now.parts) if now else [], shares=list(now.shares) if now else [])

    def share(self, c: Change) -> None:
        now = self.now
        told = Share(c.share or 0.0, c.holder, c.sources[0] if c.sources else None, c.latest,
                     c.reports[0].evidence if c.reports else None)
        shares = [s for s in (now.shares if now else []) if s.source != told.source] + [told]
        if told.share >= WHOLE_SHARE:
            self.begin(c, "held", c.holder, f"held by {c.holder}, per {told.source}", shares=shares)
            return
        holder = now.holder if now is not None and now.holder != c.holder else None
        contenders = list(dict.fromkeys([*(now.contenders if now else []), c.holder]))
        self.begin(c, "contested", holder, f"{round(told.share * 100)}% held by {c.holder}, per {told.source}",
                   contenders=[x for x in contenders if x and x != holder], parts=list(now.parts) if now else [],
                   shares=shares)


def build_timeline(key: str, changes: list[Change]) -> Timeline:
    """Fold a place's changes (any order; merged duplicates) into its states."""
    ordered = sorted(changes, key=lambda c: (c.when or date.min, ORDER.get(c.kind, 9)))
    folder = _Folder()
    for change in ordered:
        getattr(folder, change.kind)(change)
    told = Counter(c.name for c in ordered if c.name)
    gazetteer_name = (ordered[0].place.get("name") if ordered else None)
    # the name the articles use most, before the gazetteer's own spelling
    names = sorted(told, key=lambda n: (-told[n] - (n != gazetteer_name) * 0.5))
    return Timeline(key=key, place=ordered[0].place if ordered else {}, names=names, states=folder.states)
