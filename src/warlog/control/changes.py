"""Statements of control, from "control" claims, with one Change per real change.

Several articles (or several sentences of one) telling the same change — the same place
taken by the same side at overlapping dates — make one Change that lists every report.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from warlog.model import Claim, Evidence

KINDS = ("held", "taken", "lost", "encircled", "share")
SLACK_DAYS = 1  # reports a day apart of one capture ("on Friday" / "late on Thursday") are one change


@dataclass(slots=True)
class Report:
    """One telling of a change: the article, who says so (None: the article itself), the words."""

    article_id: str
    source: str | None
    evidence: Evidence | None
    published: date | None = None


@dataclass(slots=True)
class Change:
    """A change of control at a place, or a statement of who holds it, with every report of it.

    kind: held (X holds it), taken (X took it, or `part` of it, from `from_`), lost (`from_`
    gave it up), encircled (`by` surrounds it; `holder` is inside), share (`holder` holds
    `share` of it, per the reports' sources).
    """

    key: str
    place: dict
    name: str
    kind: str
    holder: str | None
    by: str | None
    from_: str | None
    part: str | None
    share: float | None
    brief: bool
    earliest: date | None
    latest: date | None
    historical: bool
    reports: list[Report] = field(default_factory=list)

    @property
    def when(self) -> date | None:
        """The date to order by: when it happened (as late as known for a state held 'until')."""
        return self.earliest or self.latest

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(r.source for r in self.reports if r.source))

    def same_as(self, other: Change) -> bool:
        """Another report of this change: same kind, side, extent and share, overlapping dates."""
        if (self.kind, self.holder, self.part is None, self.share) != (
                other.kind, other.holder, other.part is None, other.share):
            return False
        if self.kind == "share" and set(self.sources) != set(other.sources):
            return False  # one share per source: contradicting sources stay side by side
        return _overlap(self, other)


def _overlap(a: Change, b: Change) -> bool:
    if None in (a.latest, b.latest):
        return a.latest == b.latest
    a0, b0 = a.earliest or a.latest, b.earliest or b.latest
    return (a0 - b.latest).days <= SLACK_DAYS and (b0 - a.latest).days <= SLACK_DAYS


def place_key(place: dict) -> str:
    """A place's identity across articles: its GeoNames id, else its kind, country and name."""
    if place.get("geonameid"):
        return str(place["geonameid"])
    return f"{place.get('kind')}:{place.get('country_code')}:{place.get('name')}"


def _date(value) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def change_of(claim: Claim, article_id: str, published: date | None = None) -> Change | None:
    """The Change a control claim tells (None for another claim or one without a place)."""
    value = claim.value if isinstance(claim.value, dict) else None
    if claim.attribute != "control" or value is None or not value.get("place") or value.get("change") not in KINDS:
        return None
    report = Report(article_id, claim.source, claim.evidence, published)
    return Change(key=place_key(value["place"]), place=value["place"], name=claim.subject or value["place"]["name"],
                  kind=value["change"], holder=value.get("holder"), by=value.get("by"), from_=value.get("from"),
                  part=value.get("part"), share=value.get("share"), brief=bool(value.get("brief")),
                  earliest=_date(value.get("earliest")), latest=_date(value.get("latest")),
                  historical=bool(value.get("historical")), reports=[report])


def merge_reports(changes: list[Change]) -> list[Change]:
    """Changes in order, each told once: later reports of a change join its reports."""
    merged: list[Change] = []
    for change in changes:
        known = next((m for m in merged if m.key == change.key and m.same_as(change)), None)
        if known is None:
            merged.append(change)
            continue
        known.reports += change.reports
        known.brief = known.brief or change.brief
        known.historical = known.historical and change.historical
        if change.earliest and known.earliest and known.latest and change.latest:
            # what every report allows: the tightest range, when they agree
            low, high = max(known.earliest, change.earliest), min(known.latest, change.latest)
            if low <= high:
                known.earliest, known.latest = low, high
    return merged


def changes_from_claims(claims: list[tuple[Claim, str, date | None]]) -> dict[str, list[Change]]:
    """(claim, article id, article published) triples -> each place's changes, merged."""
    by_place: dict[str, list[Change]] = {}
    for claim, article_id, published in claims:
        change = change_of(claim, article_id, published)
        if change is not None:
            by_place.setdefault(change.key, []).append(change)
    return {key: merge_reports(found) for key, found in by_place.items()}
