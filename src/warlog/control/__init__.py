"""Who holds what: per-place control timelines built from the events and claims of a store.

The `warlog_control` component (warlog.nlp.control) writes one "control" claim per statement
of control in an article (ground taken, lost, encircled, held, or a share of it held, as a
source says). This package turns the claims of every article into one timeline per place:

    changes  (warlog.control.changes)   the statements, with duplicates told by several
                                        articles merged into one change with every report
    timeline (warlog.control.timeline)  the changes folded into dated control states
    query    (warlog.control.query)     timelines from a Store; the state of every place on a day
"""
from warlog.control.changes import Change, Report, changes_from_claims, place_key
from warlog.control.timeline import Share, State, Timeline, build_timeline

_FROM_STORE = ("control_at", "place_timeline", "timelines")


def __getattr__(name: str):
    """The store-reading functions, imported when first used (the nlp component needs none)."""
    if name in _FROM_STORE:
        from warlog.control import query

        return getattr(query, name)
    raise AttributeError(name)

__all__ = ["Change", "Report", "Share", "State", "Timeline", "build_timeline", "changes_from_claims",
           "control_at", "place_key", "place_timeline", "timelines"]
