"""The token table the place rules read, the gazetteer's lookup cache, and the span rules
that use them: a lone compass word and a person's first name are no toponyms."""
from __future__ import annotations

import pytest

from warlog.nlp.place_tokens import TokenTable
from warlog.resolve.places import Mention, resolve


def _names(doc) -> list[str]:
    return [s.text for s in doc.spans["places"]]


def test_token_table_matches_tokens(places_nlp):
    doc = places_nlp("KHARTOUM: Militiamen torched the market of Nyala's old town on Sunday, "
                     "the state's governor, Musa Mahdi, told reporters. Aid workers fled to El Fasher.")
    table = TokenTable(doc)
    for tok in doc:
        i = tok.i
        assert table.text[i] == tok.text and table.lower[i] == tok.lower_
        assert table.propn[i] == (tok.pos_ == "PROPN") and table.ent[i] == tok.ent_type_
        assert table.ent_inside[i] == (tok.ent_iob_ == "I") and table.possessive[i] == (tok.tag_ == "POS")
        assert (table.alpha[i], table.upper[i], table.punct[i], table.stop[i]) == \
            (tok.is_alpha, tok.is_upper, tok.is_punct, tok.is_stop)
        assert table.sent_start[i] == bool(tok.is_sent_start)
        assert (table.sent[i], table.sent_end[i]) == (tok.sent.start, tok.sent.end)
    assert table.span_text(0, 2) == doc[0:2].text


@pytest.mark.parametrize("text, not_places, place", [
    # a lone compass word opening a street name
    ("Firefighters closed North Main Street in Springfield, Illinois, for most of "
     "Tuesday after a gas line ruptured near South Grand Avenue.", {"North", "South"}, "Illinois"),
    # the first name of a person, even where a province bears it
    ("\"We lost everything in an hour,\" said Mary Wheeler, who farms outside Ames, Iowa, "
     "as Paul Nelson of the county emergency office counted the damage.", {"Mary", "Paul"}, "Iowa"),
])
def test_words_that_only_look_like_places(places_nlp, text, not_places, place):
    names = _names(places_nlp(text))
    assert not not_places & set(names)
    assert place in names


def test_lookup_cache_returns_the_same_candidates(gaz):
    first = gaz.lookup("Kirkuk")
    assert first and gaz.lookup("Kirkuk") is first  # kept, not looked up again
    assert {p.country_code for p in first} >= {"IQ"}


def test_repeated_name_resolves_alike(gaz):
    """A name said several times (the shortcut for repeats) gets one reading each time."""
    mentions = [Mention(0, 8, "Aleppo", gaz.lookup("Aleppo")), Mention(20, 25, "Syria", gaz.lookup("Syria")),
                Mention(40, 46, "Aleppo", gaz.lookup("Aleppo"))]
    resolve(mentions)
    assert mentions[0].choice is mentions[2].choice
    assert mentions[0].choice.country_code == "SY"
