"""Every sub-event type of the ACLED taxonomy, from sentences written for the project."""
import pytest

import warlog
from warlog.columns import EVENT_TYPE_OF, TAXONOMY

CASES = [
    ("Government troops clashed with rebel fighters near the town of Kidal on Tuesday.", "Armed clash"),
    ("Army units recaptured the town of Kalaat from the rebels on Tuesday after a week of fighting.",
     "Government regains territory"),
    ("Al-Shabaab militants overran a military base in the town of Bulo Marer on Tuesday, killing eight soldiers.",
     "Non-state actor overtakes territory"),
    ("Government aircraft dropped chlorine gas on the rebel-held town of Saraqeb on Tuesday, a monitor said; "
     "residents described a chemical attack.", "Chemical weapon"),
    ("A drone strike hit a car near Marib on Tuesday, killing three al-Qaeda suspects.", "Air/drone strike"),
    ("A suicide bomber blew himself up at a police checkpoint in Kabul on Tuesday, killing four officers.",
     "Suicide bomb"),
    ("Rebel artillery shelled residential districts of Donetsk on Tuesday, wounding five people.",
     "Shelling/artillery/missile attack"),
    ("A roadside bomb struck an army patrol near Gao on Tuesday, killing two soldiers.",
     "Remote explosive/landmine/IED"),
    ("A man threw a grenade into a bar in Bujumbura on Tuesday night, wounding six people.", "Grenade"),
    ("Militiamen raped at least ten women in a village near Beni on Tuesday, a UN official said.",
     "Sexual violence"),
    ("Gunmen shot dead four farmers in their fields near Jos on Tuesday, police said.", "Attack"),
    ("Armed men kidnapped 20 schoolgirls from a boarding school in Jangebe on Tuesday.",
     "Abduction/forced disappearance"),
    ("Hundreds of teachers protested peacefully outside the education ministry in Nairobi on Tuesday "
     "to demand unpaid wages.", "Peaceful protest"),
    ("Police fired tear gas to disperse students protesting against fee increases in Lagos on Tuesday.",
     "Protest with intervention"),
    ("Security forces opened fire on protesters in Khartoum on Tuesday, killing five demonstrators, "
     "a doctors' committee said.", "Excessive force against protesters"),
    ("Rioters torched shops and clashed with police in the city of Bulawayo on Tuesday after a fuel price "
     "rise.", "Violent demonstration"),
    ("A mob lynched a man accused of theft in a market in Kisumu on Tuesday, police said.", "Mob violence"),
    ("The government and the rebel alliance signed a ceasefire agreement in Juba on Tuesday.", "Agreement"),
    ("Police arrested twelve opposition activists in Harare on Tuesday, their lawyer said.", "Arrests"),
    ("Two rebel factions announced their merger into a single armed movement in Kidal on Tuesday.",
     "Change to group/activity"),
    ("Army engineers defused a car bomb outside the governor's office in Baidoa on Tuesday.",
     "Disrupted weapons use"),
    ("Wagner fighters established a new base at the airport of Tessalit on Tuesday, residents said.",
     "Headquarters or base established"),
    ("Militiamen looted shops and burned houses in the village of Kumbo on Tuesday, residents said.",
     "Looting/property destruction"),
    ("Rebel forces handed over control of the town of Bambari to government troops on Tuesday without "
     "a fight.", "Non-violent transfer of territory"),
]


def test_the_cases_cover_the_taxonomy():
    covered = {sub for _text, sub in CASES}
    assert covered == set(EVENT_TYPE_OF) - {"Other"}, set(EVENT_TYPE_OF) - covered
    assert len(TAXONOMY) == 6


@pytest.mark.parametrize("text, sub", CASES, ids=[sub for _t, sub in CASES])
def test_sub_event_type(text, sub):
    events = [e for e in warlog.extract(text, published="2021-06-17").events if not e.is_historical]
    assert events, "no event found"
    best = max(events, key=lambda e: e.confidence)
    assert (best.event_type, best.sub_event_type) == (EVENT_TYPE_OF[sub], sub), [
        (e.sub_event_type, e.confidence, e.trigger) for e in events]
