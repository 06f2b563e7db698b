"""ACLED typing: from a trigger's kind, its actors and its victims to event_type / sub_event_type.

Pure rules, no parse: the events component gathers the facts, this module decides. The
distinctions follow ACLED's codebook: who takes ground decides between "Government regains
territory" and "Non-state actor overtakes territory"; an armed actor's violence on civilians
is "Violence against civilians"; how the explosive was delivered decides the remote-violence
sub-type.
"""
from __future__ import annotations

from dataclasses import dataclass

from warlog.columns import EVENT_TYPE_OF

# When several triggers of one clause make one event, the most telling kind names it.
KIND_PRIORITY = ["suicide", "chemical", "air", "shell", "grenade", "ied", "territory", "abduct",
                 "sexual", "riot", "protest", "siege", "fight", "attack", "kill", "arrest", "loot",
                 "agreement", "transfer", "disrupt", "base", "change", "other", "advance"]

STATE, REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(1, 9)
ARMED = {STATE, REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA, EXTERNAL}
INTERVENTION_WORDS = {"tear", "disperse", "dispersed", "cannon", "rubber", "baton", "arrested", "detained",
                      "clashed", "broke", "crackdown", "beat", "beaten"}
MOB_WORDS = {"mob", "mobs", "lynch", "lynched", "lynching", "vigilante", "vigilantes", "crowd"}
SUICIDE_WORDS = {"suicide", "self-detonated", "self-immolating"}


@dataclass(slots=True)
class Facts:
    """What the parse says about one event, as the typing rules need it."""

    kind: str
    inter1: int | None = None  # who acted
    inter2: int | None = None  # who was acted on
    victims: str | None = None  # civilians | state | non_state | unknown (from tolls)
    words: frozenset[str] = frozenset()  # lower-cased words of the sentence
    target: str | None = None  # what it was aimed at: civilian | military | person | materiel
    aerial: bool = False  # told with aircraft ("warplanes attacked", "the air force targeted")
    forceful: bool = True  # fighting or casualties are told with it
    one_sided: bool = False  # told as an execution: the victims were in the killers' hands
    deadly: bool = False  # told with a killing or with dead


def _sub(sub: str) -> tuple[str, str]:
    return EVENT_TYPE_OF[sub], sub


def classify(f: Facts) -> tuple[str, str, bool]:
    """(event_type, sub_event_type, civilian_targeting) for one event's facts."""
    civilians_hit = f.victims == "civilians" or f.inter2 == CIVILIANS or f.target == "civilian"
    kind = f.kind
    if f.aerial and kind in ("attack", "fight", "kill", "ied"):
        kind = "air"  # "warplanes attacked positions", "an air force raid"
    if kind == "territory" and f.target == "person":
        kind = "arrest" if f.inter1 == STATE else "abduct"  # "a member was seized by gunmen"
    if kind == "arrest" and f.inter1 in (REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA):
        kind = "abduct"  # what armed groups call arrests, ACLED codes as abductions
    if kind == "ied" and f.words & SUICIDE_WORDS:
        kind = "suicide"
    simple = {
        "suicide": "Suicide bomb", "chemical": "Chemical weapon", "air": "Air/drone strike",
        "shell": "Shelling/artillery/missile attack", "ied": "Remote explosive/landmine/IED",
        "grenade": "Grenade", "abduct": "Abduction/forced disappearance", "sexual": "Sexual violence",
        "siege": "Armed clash", "fight": "Armed clash", "advance": "Armed clash",
        "arrest": "Arrests", "loot": "Looting/property destruction", "agreement": "Agreement",
        "transfer": "Non-violent transfer of territory", "disrupt": "Disrupted weapons use",
        "base": "Headquarters or base established", "change": "Change to group/activity", "other": "Other",
    }
    if kind == "territory":
        if not f.forceful and f.inter1 is not None:
            return (*_sub("Non-violent transfer of territory"), False)
        if f.inter1 in (STATE, EXTERNAL):
            return (*_sub("Government regains territory"), False)
        if f.inter1 in (REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA):
            return (*_sub("Non-state actor overtakes territory"), False)
        return (*_sub("Armed clash"), False)
    if kind == "protest":
        if civilians_hit and f.victims == "civilians" or f.deadly and f.inter2 in ARMED:
            # lethal force on a crowd: "police shot dead two protesters", "… leaving two dead"
            return (*_sub("Excessive force against protesters"), True)
        if f.words & INTERVENTION_WORDS:
            return (*_sub("Protest with intervention"), False)
        return (*_sub("Peaceful protest"), False)
    if kind == "riot":
        return (*_sub("Mob violence" if f.words & MOB_WORDS else "Violent demonstration"), False)
    if kind in ("attack", "kill"):
        if civilians_hit or f.one_sided:  # executed captives, soldiers or not, did not fight back
            return (*_sub("Attack"), civilians_hit or f.victims in (None, "unknown", "civilians"))
        combatants = f.victims in ("state", "non_state") or f.inter2 in ARMED or f.target == "military"
        if combatants and (f.inter1 is None or f.inter1 in ARMED):
            return (*_sub("Armed clash"), False)
        if kind == "attack" and f.victims is None:
            return (*_sub("Armed clash"), False)  # an armed attack on a place, nobody said hurt
        return (*_sub("Attack"), True)
    sub = simple.get(kind, "Armed clash")
    etype, sub = _sub(sub)
    targeting = etype == "Violence against civilians" or (civilians_hit and etype == "Explosions/Remote violence")
    return etype, sub, targeting


def main_kind(kinds: list[str]) -> str:
    """The kind that names an event told by several triggers."""
    return min(kinds, key=lambda k: KIND_PRIORITY.index(k) if k in KIND_PRIORITY else len(KIND_PRIORITY))
