"""Scorers for the gold formats of /work/shared/eval/README.md: events, places and dates.

Each scorer takes the gold file and a callable (the system under test), so it does not
depend on the NLP pipeline; warlog.evaluate.report prints the results.
"""
from __future__ import annotations

from warlog.evaluate.common import haversine_km
from warlog.evaluate.dates import score_dates
from warlog.evaluate.events import score_events
from warlog.evaluate.places import score_places
from warlog.evaluate.report import format_table, summary_line

__all__ = ["score_events", "score_places", "score_dates", "format_table", "summary_line", "haversine_km"]
