"""The output columns, in export order: ACLED's names and order first, then warlog's own.

One place that says what each column holds; export, the API and the codebook page read it.
"""
from __future__ import annotations

# (column, description). Order is ACLED's public data export order.
ACLED_COLUMNS: list[tuple[str, str]] = [
    ("event_id_cnty", "Event id: ISO alpha-3 country code and a stable number"),
    ("event_date", "Date of the event (YYYY-MM-DD), best estimate"),
    ("year", "Year of the event"),
    ("time_precision", "1 = day known, 2 = week or a few days, 3 = month or vaguer"),
    ("disorder_type", "Political violence, Demonstrations or Strategic developments"),
    ("event_type", "ACLED event type"),
    ("sub_event_type", "ACLED sub-event type"),
    ("actor1", "Actor that initiated the event (normalised name)"),
    ("assoc_actor_1", "Actors acting with actor1, separated by '; '"),
    ("inter1", "ACLED interaction code of actor1 (1 state, 2 rebel, 3 political militia, "
     "4 identity militia, 5 rioters, 6 protesters, 7 civilians, 8 external/other)"),
    ("actor2", "Actor on the receiving end (normalised name)"),
    ("assoc_actor_2", "Actors associated with actor2, separated by '; '"),
    ("inter2", "ACLED interaction code of actor2"),
    ("interaction", "The two inter codes combined, lower first (10 when there is one actor)"),
    ("civilian_targeting", "'Civilian targeting' when civilians were the target, else empty"),
    ("iso", "ISO 3166-1 numeric code of the country"),
    ("region", "World region of the country"),
    ("country", "Country of the event"),
    ("admin1", "First-level administrative division"),
    ("admin2", "Second-level administrative division"),
    ("admin3", "Third-level administrative division (not resolved yet: empty)"),
    ("location", "Place name of the event"),
    ("latitude", "Latitude of the location (WGS84)"),
    ("longitude", "Longitude of the location (WGS84)"),
    ("geo_precision", "1 = the town itself, 2 = near a town or part of a region, 3 = region centroid"),
    ("source", "The sources of the reports, separated by '; '"),
    ("source_scale", "Scale of the source (not coded yet: empty)"),
    ("notes", "The sentence the event rests on"),
    ("fatalities", "Conservative fatality count, as ACLED codes it: the lowest figure of the reports"),
    ("tags", "Free tags (e.g. 'historical')"),
    ("timestamp", "Unix time the record was written"),
]

WARLOG_COLUMNS: list[tuple[str, str]] = [
    ("fatalities_low", "Lowest fatality figure the reports support (null: no number given)"),
    ("fatalities_best", "Best estimate: the median of the reports' figures (UCDP-style)"),
    ("fatalities_high", "Highest fatality figure the reports support"),
    ("injured", "Number wounded, when reported"),
    ("is_historical", "True when the event long precedes publication (left out of current counts)"),
    ("confidence", "Extractor's confidence in the event, 0-1"),
    ("date_earliest", "Earliest date the text allows"),
    ("date_latest", "Latest date the text allows"),
    ("country_code", "ISO 3166-1 alpha-2 country code"),
    ("geonameid", "GeoNames id of the location"),
    ("trigger", "The word that signalled the event"),
    ("event_uid", "warlog's event id"),
    ("article_ids", "Articles reporting the event, separated by '; '"),
    ("evidence", "The text spans every field rests on (JSON in the json export)"),
]

COLUMNS: list[str] = [c for c, _ in ACLED_COLUMNS + WARLOG_COLUMNS]
DESCRIPTIONS: dict[str, str] = dict(ACLED_COLUMNS + WARLOG_COLUMNS)

DISORDER_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

# The ACLED taxonomy: event_type -> sub_event_types.
TAXONOMY: dict[str, list[str]] = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Grenade"],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"],
}
EVENT_TYPE_OF = {sub: etype for etype, subs in TAXONOMY.items() for sub in subs}
