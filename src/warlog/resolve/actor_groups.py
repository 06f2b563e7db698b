"""Community militias as ACLED names them: town, ethnic and clan militias.

ACLED codes armed men identified only by their town or their people as identity militias
(inter 4): "<Town> Communal Militia (<Country>)", "<People> Ethnic Militia (<Country>)",
"<Clan> Clan Militia (<Country>)". The spellings come from the `towns`, `ethnic_groups` and
`clans` tables of data/actors.yaml; towns not listed keep the spelling written.
"""
from __future__ import annotations

import re

# endings of town demonyms: "Misratan" -> "Misrata", "Zintani" -> "Zintan", "Tripolitan" -> "Tripoli"
_DEMONYM_ENDINGS = ("ians", "ian", "ans", "an", "is", "i", "ites", "ite", "tan", "ese")


class GroupNames:
    """Lookup of towns (ACLED spellings), peoples and clans."""

    def __init__(self, data: dict) -> None:
        self.towns: dict[str, str] = {k.lower(): v for k, v in (data.get("towns") or {}).items()}
        self.peoples: dict[str, str] = {}
        for name, others in (data.get("ethnic_groups") or {}).items():
            for spelling in [name, *(others or [])]:
                self.peoples[spelling.lower()] = name
        self.clans: dict[str, str] = {}
        for clan in data.get("clans") or []:  # a name, or {ACLED name: [other spellings]}
            for name, others in (clan.items() if isinstance(clan, dict) else [(clan, [])]):
                for spelling in [name, *(others or [])]:
                    self.clans[spelling.lower()] = name

    def spellings(self) -> list[str]:
        """Every people and clan spelling, as written in the tables (for a case-sensitive matcher)."""
        return sorted({s for s in self.peoples} | {s for s in self.clans})

    def people(self, text: str) -> tuple[str, str] | None:
        """("Tabu", "Ethnic") or ("Margahni", "Clan") for a people's or clan's name, else None."""
        key = re.sub(r"\s+", " ", text.strip()).lower()
        if key in self.clans:
            return self.clans[key], "Clan"
        if key in self.peoples:
            return self.peoples[key], "Ethnic"
        if key.endswith("s") and key[:-1] in self.peoples:
            return self.peoples[key[:-1]], "Ethnic"
        return None

    def town(self, text: str, is_place=None) -> str | None:
        """The ACLED spelling of a town named or implied by a demonym, else None.

        is_place(name) -> bool tells whether a name is a known town (gazetteer)."""
        key = re.sub(r"\s+", " ", text.strip()).lower().removeprefix("the ")
        if key in self.towns:
            return self.towns[key]
        if is_place is not None and is_place(key):
            return text.strip()
        for ending in _DEMONYM_ENDINGS:
            if key.endswith(ending) and len(key) - len(ending) >= 4:
                stem = key[: -len(ending)]
                for candidate in (stem, stem + "a", stem + "ah", stem + "i"):
                    if candidate in self.towns:
                        return self.towns[candidate]
                    if is_place is not None and is_place(candidate):
                        return candidate.title()
        return None


def militia_name(name: str, kind: str, country_name: str | None) -> str:
    """'Zawiya', 'Communal', 'Libya' -> 'Zawiya Communal Militia (Libya)'."""
    suffix = f" ({country_name})" if country_name else ""
    return f"{name} {kind} Militia{suffix}"
