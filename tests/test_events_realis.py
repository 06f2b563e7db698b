"""Event words told as feared or as what someone is alleged to have done before are no news."""
from __future__ import annotations

from datetime import date

import pytest

import warlog

PUBLISHED = date(2019, 3, 5)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(e.sub_event_type, e.trigger) for e in warlog.extract(text, published=PUBLISHED).events
            if not e.is_historical]


@pytest.mark.parametrize("text", [
    "The minister's return to the capital sparked fears of renewed clashes in Tripoli.",
    "Diplomats in Juba warned of the risk of fighting along the border with Sudan.",
    "Officials named the dead man as a Tunisian operative suspected of carrying out two major attacks in Sousse.",
    "Security forces disarmed a car bomb parked outside the university in Khoms on Monday.",
])
def test_feared_alleged_or_disarmed_is_no_event(text):
    assert not kinds(text), kinds(text)


@pytest.mark.parametrize("text, sub_type", [
    ("The rebels were accused of kidnapping six lorry drivers near Sebha on Monday.", "Abduction/forced disappearance"),
    ("Militants suspected of links to al-Shabaab attacked a police station in Garissa on Monday, killing three "
     "officers.", "Armed clash"),
    ("Heavy clashes between the army and rebels near Goma on Tuesday raised fears of a wider war.", "Armed clash"),
])
def test_what_is_told_as_news_stays(text, sub_type):
    assert [k[0] for k in kinds(text)] == [sub_type], kinds(text)
