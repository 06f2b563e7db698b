"""Tolls reaching their event through warlog.extract: counts told in the sentence before the
event, counts that hang on none of a sentence's events, a count-only sentence placed only by
the story's context, and reports of one toll told twice."""
from __future__ import annotations

import pytest

from warlog import extract


def killed(text: str) -> list[int]:
    return sorted(e.fatalities for e in extract(text, published="2021-06-10").events if not e.is_historical)


@pytest.mark.parametrize("text,expected", [
    # the count comes first, the event after
    ("Seven bodies were pulled from a shallow pit outside the town on Tuesday. "
     "Residents said the men had been executed by gunmen.", 7),
    # a count no trigger of its sentence governs goes to its violent event
    ("Three watchmen are reported to have been killed and two abducted in an attack on the ministry depot "
     "on Monday.", 3),
    # soldiers, then militants: two sides, one toll
    ("At least five soldiers died in fighting near the dam on Monday. "
     "The army said 20 militants were also killed.", 25),
])
def test_event_toll(text, expected):
    assert expected in killed(text)


def test_a_deed_someone_is_suspected_of_gives_no_toll_to_the_arrest():
    text = "Police arrested two men suspected of planting the bomb that killed 12 people in Quetta last month."
    events = extract(text, published="2023-05-02").events
    assert [e.sub_event_type for e in events] == ["Arrests"]
    assert not events[0].fatalities
