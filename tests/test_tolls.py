"""Numbers and casualty counts: warlog.resolve.numbers and the warlog_tolls component."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import pipeline_with
from warlog.nlp.tolls import Toll  # noqa: F401  (registers warlog_tolls)
from warlog.resolve.numbers import find_quantities, parse_quantity

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "article.txt"
N = None  # open end of a range

PARSES = [
    ("1,700", (1700, 1700, 1700, True)), ("thirty-six", (36, 36, 36, True)),
    ("two hundred", (200, 200, 200, True)), ("two hundred and fifty", (250, 250, 250, True)),
    ("one thousand two hundred", (1200, 1200, 1200, True)), ("a hundred", (100, 100, 100, True)),
    ("a dozen", (12, 12, 12, True)), ("two dozen", (24, 24, 24, True)), ("half a dozen", (6, 6, 6, True)),
    ("one", (1, 1, 1, True)), ("1.5 million", (1_500_000, 1_500_000, 1_500_000, True)),
    ("tens", (10, 10, 99, False)), ("dozens", (12, 12, 99, False)), ("scores", (20, 20, 99, False)),
    ("hundreds", (100, 100, 999, False)), ("thousands", (1000, 1000, 9999, False)),
    ("tens of thousands", (10_000, 10_000, 99_999, False)), ("several", (3, 3, 9, False)),
    ("several dozen", (36, 36, 108, False)), ("a few", (2, 3, 5, False)), ("a handful", (3, 3, 9, False)),
    ("many", (3, 10, N, False)), ("numerous", (3, 10, N, False)),
    ("at least 12", (12, 12, N, False)), ("more than 20", (21, 21, N, False)), ("over 100", (101, 101, N, False)),
    ("up to 30", (N, 30, 30, False)), ("as many as 300", (N, 300, 300, False)),
    ("fewer than 10", (N, N, 9, False)), ("about 140", (126, 140, 154, False)),
    ("around 5", (4, 5, 6, False)), ("nearly 40", (36, 40, 40, False)), ("some 300", (270, 300, 330, False)),
    ("an estimated 5,000", (4500, 5000, 5500, False)), ("between 10 and 15", (10, 10, 15, False)),
    ("between 50-55", (50, 50, 55, False)), ("18 to 32", (18, 18, 32, False)), ("18-32", (18, 18, 32, False)),
    ("ranging from 18 to 32", (18, 18, 32, False)), ("five or six", (5, 5, 6, False)),
    ("12, possibly 15", (12, 12, 15, False)), ("12 or more", (12, 12, N, False)),
    ("a total of 14", (14, 14, 14, True)), ("no one", (0, 0, 0, True)), ("none", (0, 0, 0, True)),
]
NOT_QUANTITIES = ["10^30", "1e30", "20,000,000", "1,000,000,000,000", "6 miles", "80 percent", "45 kilometers",
                  "second", "a third", "36-hour", "", "killed", "2.5"]


@pytest.mark.parametrize("text,expected", PARSES)
def test_parse_quantity(text, expected):
    q = parse_quantity(text)
    assert q is not None, text
    assert (q.low, q.best, q.high, q.exact) == expected
    assert q.text == text


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_a_quantity(text):
    assert parse_quantity(text) is None


def test_find_quantities_skips_measures():
    text = ("Within 6 miles of the base, in August 2014, at 10:30 on June 2, 80% of the town, Route 1, "
            "a 19-year-old, Henry, 19, the F-16, two years ago and one month after, 12 soldiers died.")
    found = [text[f.start:f.end] for f in find_quantities(text)]
    assert found == ["12"]


@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("warlog_tolls")


def tolls(nlp, text):
    doc = nlp(text)
    return [(s._.toll.kind, s._.toll.quantity.low, s._.toll.quantity.best, s._.toll.quantity.high, s._.toll.side)
            for s in doc.spans["tolls"]]


K, I, A, R, D = "killed", "injured", "abducted", "arrested", "displaced"
CIV, ST, NS, UNK = "civilians", "state", "non_state", "unknown"
CASES = [
    # "lost their lives" is a loss, not a deed; "martyred" and "succumbed" are deaths
    ("Nine soldiers lost their lives when their convoy drove over a landmine outside Menaka.",
     [(K, 9, 9, 9, ST)]),
    ("Four Afghan police officers were martyred in a Taliban raid on a checkpost in Baghlan.",
     [(K, 4, 4, 4, ST)]),
    ("Two protesters succumbed to their injuries in hospital in Omdurman on Sunday.", [(K, 2, 2, 2, CIV)]),
    ("Five worshippers were gunned down outside a mosque in Kano on Friday.", [(K, 5, 5, 5, CIV)]),
    # the parser hangs the number on "death"; it counts the people after it
    ("Raiders hacked to death 14 herders in Bankass overnight.", [(K, 14, 14, 14, CIV)]),
    # a family of six is six people, not one family
    ("A family of six was killed when a missile struck their house in Mykolaiv.", [(K, 6, 6, 6, CIV)]),
    # "the head of" a body is a person; a conjoined victim with no count of its own is one more
    ("Gunmen killed the head of the village council and his bodyguard near Bunia.",
     [(K, 1, 1, 1, UNK), (K, 1, 1, 1, UNK)]),
    # office holders are people: the governor and his two bodyguards are three
    ("A car bomb killed a provincial governor and his two bodyguards in Jalalabad.",
     [(K, 1, 1, 1, UNK), (K, 2, 2, 2, UNK)]),
    ("Gunmen stormed a village in Zamfara state overnight, killing at least 23 residents, police said.",
     [(K, 23, 23, N, CIV)]),
    ("Thirty-six people were killed when a car bomb exploded near a market in central Mogadishu.",
     [(K, 36, 36, 36, UNK)]),
    ("The roadside bomb killed two soldiers and wounded four others on the outskirts of Kandahar.",
     [(K, 2, 2, 2, ST), (I, 4, 4, 4, ST)]),
    ("A suicide bomber blew himself up at a checkpoint, leaving 7 dead and 15 wounded.",
     [(K, 7, 7, 7, UNK), (I, 15, 15, 15, UNK)]),
    ("The explosion left five people dead and 20 wounded, according to the health ministry.",
     [(K, 5, 5, 5, UNK), (I, 20, 20, 20, UNK)]),
    ("The death toll from Saturday's shelling rose to 40, the local governor said.", [(K, 40, 40, 40, UNK)]),
    ("Rescuers said the death toll stood at 112 after more bodies were pulled from the rubble.",
     [(K, 112, 112, 112, UNK)]),
    ("Dozens of protesters were injured when police fired tear gas and rubber bullets in Khartoum.",
     [(I, 12, 12, 99, CIV)]),
    ("Hundreds of families have fled their homes in the eastern province since the fighting began.",
     [(D, 100, 100, 999, CIV)]),
    ("Security forces arrested 14 suspects in dawn raids across the capital.", [(R, 14, 14, 14, UNK)]),
    ("Militants abducted 20 schoolgirls from a boarding school in northern Nigeria on Tuesday.",
     [(A, 20, 20, 20, CIV)]),
    ("More than 50 civilians were killed in airstrikes on the town, a monitoring group reported.",
     [(K, 51, 51, N, CIV)]),
    ("Up to 30 fighters may have died in the clashes, a rebel spokesman said.", [(K, N, 30, 30, NS)]),
    ("As many as 300 people were feared dead after the militia attack on the camp.", [(K, N, 300, 300, UNK)]),
    ("Between 10 and 15 policemen were wounded in the ambush near the border.", [(I, 10, 10, 15, ST)]),
    ("The army said it had killed some 40 insurgents in an operation in the hills.", [(K, 36, 40, 44, NS)]),
    ("Nearly 200 people were displaced by the violence, the UN refugee agency said.", [(D, 180, 200, 200, UNK)]),
    ("Several soldiers were killed in a landmine blast on the highway, officials said.", [(K, 3, 3, 9, ST)]),
    ("A few villagers were injured by stray bullets during the exchange of fire.", [(I, 2, 3, 5, CIV)]),
    ("Scores of militants were killed in the government offensive, state television reported.",
     [(K, 20, 20, 99, NS)]),
    ("Tens of thousands of residents have been displaced since the start of the offensive.",
     [(D, 10_000, 10_000, 99_999, CIV)]),
    ("Thousands have fled across the border into neighbouring Chad.", [(D, 1000, 1000, 9999, UNK)]),
    ("Twelve people died and 30 were injured after a grenade was thrown into a crowded bar.",
     [(K, 12, 12, 12, UNK), (I, 30, 30, 30, UNK)]),
    ("The attackers killed a policeman and wounded two civilians before fleeing.",
     [(K, 1, 1, 1, ST), (I, 2, 2, 2, CIV)]),
    ("A soldier was killed and three others were wounded when their patrol came under fire.",
     [(K, 1, 1, 1, ST), (I, 3, 3, 3, ST)]),
    ("No one was hurt in the attack, a military spokesman said.", [(I, 0, 0, 0, UNK)]),
    ("There were no casualties, the ministry said in a statement.", [(K, 0, 0, 0, UNK), (I, 0, 0, 0, UNK)]),
    ("Police said nobody was killed in the blast at the checkpoint.", [(K, 0, 0, 0, UNK)]),
    ("Two hundred and fifty prisoners were captured by the advancing troops, the ministry claimed.",
     [(R, 250, 250, 250, UNK)]),
    ("Officials reported 12 deaths and 45 injuries after the mortar attack.",
     [(K, 12, 12, 12, UNK), (I, 45, 45, 45, UNK)]),
    ("The bodies of 17 men were found dumped near the river, residents said.", [(K, 17, 17, 17, UNK)]),
    ("The clashes claimed the lives of 23 fighters on both sides, medics said.", [(K, 23, 23, 23, NS)]),
    ("Many civilians were killed, but the exact number is not known, witnesses said.", [(K, 3, 10, N, CIV)]),
    ("Numerous protesters were arrested outside parliament on Friday.", [(R, 3, 10, N, CIV)]),
    ("A handful of soldiers were taken hostage by the rebels during the raid.", [(A, 3, 3, 9, ST)]),
    ("At least 1,700 people have died in the conflict this year.", [(K, 1700, 1700, N, UNK)]),
    ("The shelling killed 8 or 9 people, residents said, possibly more.", [(K, 8, 8, 9, UNK)]),
    ("Eighteen civilians, possibly 25, died when the shell hit the school.", [(K, 18, 18, 25, CIV)]),
    ("Seven children were among the dead, the hospital director said.", [(K, 7, 7, 7, CIV)]),
    ("Five police officers were among those killed in the ambush.", [(K, 5, 5, 5, ST)]),
    ("The bombing killed 14 worshippers at Friday prayers and injured 60 more.",
     [(K, 14, 14, 14, CIV), (I, 60, 60, 60, CIV)]),
    ("Gunmen kidnapped six aid workers in the south of the country on Monday.", [(A, 6, 6, 6, CIV)]),
    ("Rebel fighters captured 11 government soldiers after the base fell.", [(R, 11, 11, 11, ST)]),
    ("About 5,000 people fled the fighting in the region over the weekend.", [(D, 4500, 5000, 5500, UNK)]),
    ("Police detained around 300 demonstrators during the march, a rights group said.",
     [(R, 270, 300, 330, CIV)]),
    ("Some 12 jihadists were killed in French airstrikes in the Sahel, the army said.", [(K, 10, 12, 14, NS)]),
    ("Fighting between rival clans left a dozen people dead.", [(K, 12, 12, 12, UNK)]),
    ("Two dozen security personnel were killed in the attack on the outpost.", [(K, 24, 24, 24, ST)]),
    ("A half dozen militiamen were injured in the firefight.", [(I, 6, 6, 6, NS)]),
    ("The airstrike killed 18 to 32 civilians, according to conflicting reports.", [(K, 18, 18, 32, CIV)]),
    ("At least three civilians were killed and 12 injured in the suicide attack.",
     [(K, 3, 3, N, CIV), (I, 12, 12, 12, CIV)]),
    ("The toll in the Kabul blast rose to 95 killed and 158 wounded.",
     [(K, 95, 95, 95, UNK), (I, 158, 158, 158, UNK)]),
    ("In the latest violence, 4 people were shot dead by unidentified gunmen.", [(K, 4, 4, 4, UNK)]),
    ("Fewer than 10 people were wounded in the riot, officials claimed.", [(I, N, N, 9, UNK)]),
    ("Over 100 people were abducted by the armed group during the raid.", [(A, 101, 101, N, UNK)]),
    ("The fighting has forced more than 10,000 people to flee their homes.", [(D, 10_001, 10_001, N, UNK)]),
    ("The strike killed three members of the security forces.", [(K, 3, 3, 3, ST)]),
    ("Islamist fighters executed nine prisoners in the town square.", [(K, 9, 9, 9, UNK)]),
    ("Three Taliban fighters and two policemen were killed in the gunbattle.",
     [(K, 3, 3, 3, NS), (K, 2, 2, 2, ST)]),
    ("Twelve soldiers killed five militants in a firefight near the border.", [(K, 5, 5, 5, NS)]),
    ("The army claimed it had killed at least three IS fighters who had been attacking a base.",
     [(K, 3, 3, N, NS)]),
    ("Militants murdered three of the six men kidnapped in the raid.", [(K, 3, 3, 3, UNK), (A, 6, 6, 6, UNK)]),
    ("Medics said a woman and her two children were killed when the shell struck their house.",
     [(K, 1, 1, 1, CIV), (K, 2, 2, 2, CIV)]),
    ("The number of dead rose to 61 on Monday, according to the Red Crescent.", [(K, 61, 61, 61, UNK)]),
    ("The attack killed 36 and wounded about 140, a hospital spokesman said.",
     [(K, 36, 36, 36, UNK), (I, 126, 140, 154, UNK)]),
]
TRAPS = [
    "The troops advanced to within 6 miles (10 kilometers) of the air base.",
    "Commanders say 80 percent of the city is under their control.",
    "The group seized large tracts of territory two years ago.",
    "The offensive entered its second month on Wednesday.",
    "One month after the campaign began, the militants still held the old town.",
    "Four airstrikes were carried out near the city on Tuesday, a spokesman said.",
    "At least one of the airstrikes targeted a neighbourhood popular among foreign fighters.",
    "The council adopted Resolution 2254 calling for a ceasefire.",
    "Both sides agreed to the 36-hour ceasefire brokered by the United Nations.",
    "Convoys on Route 1 were attacked by unknown gunmen.",
    "Only a third of the city has been cleared of mines.",
    "A 19-year-old student, Henry, 19, said he saw the convoy pass at 10:30.",
    "The militia was founded in 2014 and has about 3,000 members.",
    "The army received 40 armoured vehicles and 12 helicopters from its ally.",
    "The spokesman had no reports on casualties from the raid.",
    "The government pledged $200 million for reconstruction of the district.",
    "Aged 40, the commander has led the brigade since 2012.",
    "The rebels captured two towns and 14 villages in the offensive.",
    "The 21 Border Guards Battalion was redeployed to the front on June 2.",
    "Talks will resume in two weeks, the envoy said.",
    "The F-16 jets struck 25 targets overnight.",
    "The hospital reported 30 casualties after the blast.",
]


@pytest.mark.parametrize("text,expected", CASES)
def test_tolls(nlp, text, expected):
    assert tolls(nlp, text) == expected


@pytest.mark.parametrize("text", TRAPS)
def test_no_toll(nlp, text):
    assert tolls(nlp, text) == []


def test_toll_fields(nlp):
    doc = nlp("Heavy fighting erupted in the north. Along with the 40 rebels killed, mostly in the first assault, "
              "about 90 were wounded, a medic said.")
    first, second = [s._.toll for s in doc.spans["tolls"]]
    assert (first.victim, first.sentence, doc[first.predicate].text) == ("rebels", 1, "killed")
    assert (second.kind, second.side, second.victim, doc[second.predicate].text) == (I, NS, "rebels", "wounded")
    assert doc.text[second.start:second.end] == "about 90" == doc.spans["tolls"][1].text
    assert doc.spans["tolls"][1].label_ == I


@pytest.fixture(scope="module")
def seed(nlp):
    if not SEED.exists():
        pytest.skip(f"seed article absent: {SEED}")
    return nlp(SEED.read_text(encoding="utf-8"))


def test_seed_tolls(seed):
    found = [(s._.toll.kind, s._.toll.quantity.low, s._.toll.quantity.best, s._.toll.quantity.high,
              s._.toll.side) for s in seed.spans["tolls"]]
    assert (K, 18, 18, 32, CIV) in found  # Raqqa airstrikes
    assert found.count((K, 36, 36, 36, NS)) + found.count((K, 36, 36, 36, UNK)) == 3  # Sirte, told thrice
    assert (I, 126, 140, 154, NS) in found  # about 140 wounded, the militiamen's side
    scores = [s._.toll for s in seed.spans["tolls"] if s.text == "scores"]
    assert scores and scores[0].side == ST and scores[0].quantity.best == 20


def test_seed_traps(seed):
    texts = {s.text for s in seed.spans["tolls"]}
    for trap in ("four", "6", "10", "28", "45", "80", "two", "2014", "one", "a third"):
        assert trap not in texts, trap
    assert len(seed.spans["tolls"]) == 6


@pytest.mark.slow
def test_speed(nlp, seed):
    """nlp.pipe over the seed x20 with and without warlog_tolls; the component adds little."""
    texts = [seed.text] * 20
    list(nlp.pipe(texts[:2]))  # warm up
    timings = {}
    for name in ("without", "with"):
        disabled = [] if name == "with" else ["warlog_tolls"]
        start = time.perf_counter()
        list(nlp.pipe(texts, disable=disabled))
        timings[name] = time.perf_counter() - start
    ratio = timings["with"] / timings["without"]
    print(f"warlog_tolls: {timings['with']:.2f}s with, {timings['without']:.2f}s without, ratio {ratio:.3f}")
    assert ratio < 1.5
