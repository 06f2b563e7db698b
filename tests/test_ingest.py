"""Ingest: dates, boilerplate removal, each input kind, bad inputs, stdin."""
from __future__ import annotations

import io
import json
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from warlog.ingest import clean_page_text, parse_published, read_paths
from warlog.model import Article, Outcome, article_id_for

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SEED = REPO.parent / "shared" / "seed" / "article.txt"

CHROME_WORDS = ["Read Mode", "Font Size", "min read", "Share", "Advertisement", "cookie", "newsletter",
                "Watch:", "Related", "Trending", "Comments", "Subscribe", "Copyright", "All rights reserved"]


def articles(items) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def outcomes(items) -> dict[str, Outcome]:
    return {Path(item.origin).name: item for item in items if isinstance(item, Outcome)}


def assert_clean(text: str) -> None:
    for word in CHROME_WORDS:
        assert word.lower() not in text.lower(), f"page furniture left in text: {word!r}"
    for para in text.split("\n\n"):
        assert para.strip() and "\n" not in para


# --- parse_published -------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    "2016-06-22", "2016-06-22T10:00:00Z", "2016-06-22T23:30:00+03:00", "June 22, 2016", "22 June 2016",
    "Wed, 22 Jun 2016 10:00:00 GMT", "22/06/2016", date(2016, 6, 22), datetime(2016, 6, 22, 18, 5),
])
def test_parse_published_reads_absolute_dates(value):
    assert parse_published(value) == date(2016, 6, 22)


def test_parse_published_passes_none_and_blank():
    assert parse_published(None) is None
    assert parse_published("   ") is None


@pytest.mark.parametrize("value, message", [
    ("yesterday", "relative words"), ("last week", "cannot read"), ("3 days ago", "cannot read"),
    ("Tuesday", "cannot read"), ("June 2016", "cannot read"), ("June 22", "cannot read"),
    ("not a date", "cannot read"), ("1850-03-01", "out of range"), ("2150-01-01", "out of range"),
    (date(1066, 10, 14), "out of range"), (20160622, "must be a date or a string"),
])
def test_parse_published_rejects_what_is_not_a_full_absolute_date(value, message):
    with pytest.raises(ValueError, match=message):
        parse_published(value)


# --- plain text boilerplate --------------------------------------------------------------

@pytest.mark.skipif(not SEED.exists(), reason="seed article not present (../shared/seed/article.txt)")
def test_seed_page_boilerplate_is_removed():
    [article] = list(read_paths([SEED]))
    assert article.title == "Resilient ISIS push back in Syria, Iraq and Libya"
    assert article.text.startswith("Even as internationally backed forces")
    assert article.text.rstrip().endswith("built by the late dictator Muammar Qaddafi.")
    assert "Ouagadougou" in article.text.split("\n\n")[-1]
    # the dek repeats the second paragraph's start: it must appear once only
    assert article.text.count("The ISIS forces dealt an embarrassing setback") == 1
    assert "Published" not in article.text and "Top Content" not in article.text
    assert_clean(article.text)
    assert article.origin == str(SEED) and article.published is None and article.published_from is None


BROADCASTER_PAGE = """Skip to main content
Menu
News > World > Africa
Gunmen storm hotel in Mogadishu, siege lasts hours
By Farah Adan, Horn of Africa correspondent
Published 21 May 2021, 14:02 BST
Image caption, Security forces outside the hotel on the Lido beach road

Gunmen stormed a beachfront hotel in Mogadishu on Friday evening and held off security forces for more than six hours, officials said.

At least 9 people were killed, most of them guests, a police spokesman told reporters outside the building.

Related Topics
Somalia
More on this story
Al-Shabaab attacks army base near Afgooye
"""

TABLOID_PAGE = """THE DAILY COURIER
Sign up to our free breaking news newsletter
Protesters clash with police in Goma over rising insecurity

Share this with
Facebook
Email
Twitter
Advertisement

Hundreds of protesters clashed with police in the eastern Congolese city of Goma on Monday, demanding more protection from rebel attacks.

Story continues below advertisement

Police fired tear gas and arrested at least 30 people, a civil society leader said, adding that two protesters were wounded.

We use cookies to personalise content and ads. By using this site you accept our cookie policy.
Comments (3)
"""

WRAPPED_PAGE = """Airstrike hits wedding party in Sirte outskirts

An airstrike hit a wedding party on the southern outskirts of Sirte on
Saturday night

An airstrike hit a wedding party on the southern outskirts of Sirte on
Saturday night, killing between 11 and 14 people, a local official said.
Several children were among the wounded.

Photo: Residents gather at the site of the strike / Reuters
Read also: Libya's rival governments trade blame over Sirte

Nobody claimed the strike. Both rival governments in Libya have used drones
in the area in recent months, residents said.

Follow us on Twitter for the latest updates
"""

AGENCY_PAGE = """Reading time: 3 minutes
A- A+
Print
Email
Taliban fighters seize district centre in Badakhshan after two days of fighting
2 min read

KABUL, Aug 3 - Taliban fighters seized the centre of a district in northeastern Badakhshan province on Wednesday after two days of clashes with government troops, a provincial council member said.

Soldiers retreated toward the provincial capital Faizabad, he said, adding that at least 7 soldiers had been killed.

Tags: Afghanistan, Taliban, Badakhshan
(c) 2020 Kabul Wire Agency. All rights reserved.
"""


@pytest.mark.parametrize("page, title, first, last, n", [
    (BROADCASTER_PAGE, "Gunmen storm hotel in Mogadishu, siege lasts hours",
     "Gunmen stormed a beachfront hotel", "told reporters outside the building.", 2),
    (TABLOID_PAGE, "Protesters clash with police in Goma over rising insecurity",
     "Hundreds of protesters clashed", "two protesters were wounded.", 2),
    (WRAPPED_PAGE, "Airstrike hits wedding party in Sirte outskirts",
     "An airstrike hit a wedding party on the southern outskirts of Sirte on Saturday night, killing",
     "in the area in recent months, residents said.", 2),
    (AGENCY_PAGE, "Taliban fighters seize district centre in Badakhshan after two days of fighting",
     "KABUL, Aug 3 - Taliban fighters seized", "at least 7 soldiers had been killed.", 2),
])
def test_boilerplate_rules_are_general(page, title, first, last, n):
    cleaned = clean_page_text(page)
    assert cleaned.title == title
    assert cleaned.text.startswith(first)
    assert cleaned.text.endswith(last)
    assert len(cleaned.paragraphs) == n
    assert_clean(cleaned.text)
    for furniture in ("Menu", "Skip to", "Email", "Print", "Tags:", "Photo:", "Read also", "Follow us", "Image caption"):
        assert furniture not in cleaned.text


def test_dateline_gives_the_published_date():
    assert clean_page_text(BROADCASTER_PAGE).published == date(2021, 5, 21)
    assert clean_page_text(AGENCY_PAGE).published is None


# --- each input kind -----------------------------------------------------------------------

def test_html_pages_give_main_text_and_metadata():
    items = list(read_paths([EXAMPLES / "html"]))
    assert [Path(a.origin).name for a in articles(items)] == sorted(p.name for p in (EXAMPLES / "html").glob("*.html"))
    yemen = next(a for a in items if "hodeidah" in a.origin)
    assert yemen.title == "Drone strike on Hodeidah fuel depot kills at least nine, Houthi officials say"
    assert yemen.source == "Gulf Desk"
    assert yemen.url == "https://gulfdesk.example/yemen/2023/09/12/hodeidah-fuel-depot-strike"
    assert (yemen.published, yemen.published_from) == (date(2023, 9, 12), "metadata")
    assert yemen.text.startswith("HODEIDAH, Yemen — A drone strike hit a fuel depot")
    assert yemen.text.endswith("before a ceasefire was agreed in Sweden in December of that year.")
    for a in articles(items):
        assert_clean(a.text)
        assert "Home" not in a.text and "Log in" not in a.text and "Enter your email" not in a.text
        assert a.id == article_id_for(a.text)


def test_text_files_with_and_without_a_dateline():
    by_name = {Path(a.origin).name: a for a in articles(read_paths([EXAMPLES / "text"]))}
    assert len(by_name) == len(list((EXAMPLES / "text").glob("*.txt")))
    mali = by_name["mali-boni-convoy-ambush.txt"]
    assert mali.title == "JNIM fighters ambush army convoy on the road to Boni in central Mali"
    assert (mali.published, mali.published_from) == (date(2023, 3, 14), "metadata")
    assert mali.text.startswith("Gunmen on motorbikes attacked a supply convoy")
    assert mali.text.count("Gunmen on motorbikes attacked") == 1  # the dek is gone
    assert mali.text.endswith("since French troops completed their withdrawal from the country last year.")
    ukraine = by_name["ukraine-kupiansk-shelling.txt"]  # hard-wrapped lines re-joined, no date in the page
    assert ukraine.published is None and ukraine.published_from is None
    assert ukraine.text.split("\n\n")[0].endswith("as fighting continued along the front to the east.")
    assert len(ukraine.text.split("\n\n")) == 6
    for a in by_name.values():
        assert_clean(a.text)


def test_jsonl_records_and_an_html_record():
    items = list(read_paths([EXAMPLES / "articles.jsonl"]))
    assert all(isinstance(i, Article) for i in items) and len(items) == 6
    assert [a.origin for a in items] == [f"{EXAMPLES / 'articles.jsonl'}:{n}" for n in range(1, 7)]
    assert all(a.published_from == "jsonl" and a.published and a.source and a.url for a in items)
    assert items[4].published == date(2023, 4, 12)  # written as an RFC 822 date
    zamfara = items[5]  # the record with html instead of text
    assert zamfara.text.startswith("GUSAU, Nigeria — Armed bandits on motorcycles")
    assert "Home" not in zamfara.text and "Share this story" not in zamfara.text
    assert zamfara.source == "Northwest Herald" and zamfara.title == "Gunmen abduct 30 villagers in Zamfara raid"


def test_published_precedence(tmp_path):
    html = (EXAMPLES / "html" / "yemen-hodeidah-fuel-depot-strike.html").read_text()
    records = [
        {"html": html, "published": "2023-09-13"},  # jsonl field beats page metadata
        {"html": html},  # page metadata
        {"text": "Gunmen killed three farmers near Djibo on Friday, residents said."},  # nothing
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records))
    found = [(a.published, a.published_from) for a in read_paths([path])]
    assert found == [(date(2023, 9, 13), "jsonl"), (date(2023, 9, 12), "metadata"), (None, None)]
    anchored = list(read_paths([path, EXAMPLES / "text"], published="1 March 2020"))
    assert {(a.published, a.published_from) for a in anchored} == {(date(2020, 3, 1), "cli")}
    with pytest.raises(ValueError, match="relative words"):
        read_paths([path], published="yesterday")


def test_same_story_from_txt_and_jsonl_has_the_same_id(tmp_path):
    body = ("Militants attacked a police station in Kidal on Monday, killing two officers, a local official said.\n\n"
            "The attackers fled north toward the Algerian border, the official said.")
    page = ("Attack on police station in Kidal\n\nPublished: 2 May 2022\n3 min read\nShare\n\n"
            + body.replace("\n\n", "\n\n\n") + "\n\nAdvertisement\nRelated\nMali junta extends transition\n")
    (tmp_path / "kidal.txt").write_text(page)
    record = {"title": "Attack on police station in Kidal", "published": "2022-05-02",
              "text": body.replace("\n\n", "\n").replace("'", "\u2019")}
    (tmp_path / "kidal.jsonl").write_text(json.dumps(record) + "\n")
    (tmp_path / "other.txt").write_text("Gunmen abducted a priest near Gao on Sunday, church officials said.\n")
    by_name = {Path(a.origin.split(":")[0]).name: a for a in read_paths([tmp_path])}
    assert by_name["kidal.txt"].id == by_name["kidal.jsonl"].id == article_id_for(body)
    assert by_name["other.txt"].id != by_name["kidal.txt"].id


# --- bad inputs: each gives a reason, the rest of the batch goes on ---------------------------

GOOD_STORY = "Soldiers repelled an attack on a base near Menaka on Thursday, the army said, killing at least 8 assailants.\n"


def test_bad_inputs_become_outcomes_and_the_batch_goes_on(tmp_path):
    files = {
        "a-empty.txt": b"",
        "b-blank.txt": b"   \n\t\n  ",
        "c-image.bin": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "d-nul.dat": b"some text\x00\x01\x02 more",
        "e-mixed.txt": b"Fighting in Aden left 12 dead, officials said.\n\xff\xfe\xfa more text about the clashes.\n",
        "f-undecodable.txt": bytes(range(0x80, 0x100)) * 20,
        "g-empty-page.html": b"<html><head><script>var a = 1;</script></head><body><nav><a href='/'>Home</a>",
        "h-truncated.html": (b"<html><body><div class='story'><p>Militants attacked an army post near Gao on Sunday, "
                             b"killing at least 9 soldiers, the army said in a statement.<p>Residents said the "
                             b"attackers fled toward the border on motorbikes.<div"),
        "i-batch.jsonl": b'{"text": "Police arrested 14 protesters in Bamako on Friday, witnesses said."}\n'
                         b'{"text": "broken\n'
                         b'{"text": 42}\n'
                         b'["not", "an", "object"]\n'
                         b'{"title": "no text here"}\n'
                         b'{"text": "Gunmen killed 4 people in Mopti.", "published": "last week"}\n'
                         b'{"text": "An airstrike hit Tabqa on Tuesday, activists said.", "extra": [1, 2]}\n',
        "j-good.txt": GOOD_STORY.encode(),
        "k-legacy.txt": "Caf\u00e9 owners in Bamako said the attackers \u201cfired at random\u201d, killing 3.\n".encode("cp1252"),
        "l-only-furniture.txt": b"Read Mode\nShare\nAdvertisement\n5 min read\n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    items = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    bad = outcomes(items)
    assert bad["a-empty.txt"].reason == "empty" and bad["b-blank.txt"].reason == "empty"
    assert bad["c-image.bin"].reason == "binary file (PNG image)"
    assert bad["d-nul.dat"].reason == "binary file (NUL bytes)"
    assert bad["e-mixed.txt"].reason.startswith("undecodable text: invalid UTF-8 at byte 47")
    assert bad["f-undecodable.txt"].reason.startswith("undecodable text")
    assert bad["g-empty-page.html"].reason.startswith("no main text")
    assert bad["l-only-furniture.txt"].reason.startswith("no main text")
    assert bad["missing.txt"].status == "failed"
    assert all(o.status == "skipped" for name, o in bad.items() if name[0] in "abcdefgl")
    jsonl = {o.origin.rsplit(":", 1)[1]: o for o in items if isinstance(o, Outcome) and "jsonl" in o.origin}
    assert set(jsonl) == {"2", "3", "4", "5", "6"}
    assert jsonl["2"].status == "failed" and jsonl["2"].reason.startswith("invalid JSON")
    assert "'text' must be a string, not int" in jsonl["3"].reason
    assert "not an object" in jsonl["4"].reason
    assert jsonl["5"].status == "skipped" and "no 'text' or 'html'" in jsonl["5"].reason
    assert "published" in jsonl["6"].reason and "relative words" in jsonl["6"].reason
    good = {a.origin.split(str(tmp_path) + "/")[1]: a for a in articles(items)}
    assert set(good) == {"h-truncated.html", "i-batch.jsonl:1", "i-batch.jsonl:7", "j-good.txt", "k-legacy.txt"}
    assert good["h-truncated.html"].text.startswith("Militants attacked an army post near Gao")
    assert good["j-good.txt"].text == GOOD_STORY.strip()
    assert good["k-legacy.txt"].text.startswith("Caf\u00e9 owners in Bamako said the attackers \u201cfired")


def test_size_limit_skips_large_files(tmp_path):
    (tmp_path / "big.txt").write_text(GOOD_STORY * 50)
    (tmp_path / "small.txt").write_text(GOOD_STORY)
    items = list(read_paths([tmp_path], max_bytes=1000))
    assert outcomes(items)["big.txt"].reason.startswith("file too large")
    assert [Path(a.origin).name for a in articles(items)] == ["small.txt"]


def test_folders_are_sorted_and_hidden_files_skipped(tmp_path):
    for name in ["b.txt", "a.txt", ".hidden.txt", ".git/config.txt", "sub/c.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(GOOD_STORY.replace("Menaka", name.split(".")[0] or "Gao"))
    names = [Path(a.origin).relative_to(tmp_path).as_posix() for a in read_paths([tmp_path])]
    assert names == ["a.txt", "b.txt", "sub/c.txt"]


def test_unknown_extensions_are_sniffed(tmp_path):
    html = (EXAMPLES / "html" / "somalia-beledweyne-checkpoint-bombing.html").read_bytes()
    (tmp_path / "page.download").write_bytes(html)
    (tmp_path / "feed.out").write_bytes((EXAMPLES / "articles.jsonl").read_bytes())
    (tmp_path / "story.log").write_text(GOOD_STORY)
    items = articles(read_paths([tmp_path]))
    assert [a.origin.rsplit("/", 1)[1] for a in items[:6]] == [f"feed.out:{n}" for n in range(1, 7)]
    assert items[6].source == "Horn Dispatch" and items[6].origin.endswith("page.download")
    assert items[-1].text == GOOD_STORY.strip() and items[-1].title is None


@pytest.mark.parametrize("name", ["somalia-beledweyne-checkpoint-bombing.html", "articles.jsonl", "text/drc-sake-m23-clashes.txt"])
def test_stdin_is_sniffed(monkeypatch, name):
    path = next(EXAMPLES.rglob(Path(name).name))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
    from_stdin = list(read_paths(["-"]))
    from_file = list(read_paths([path]))
    assert [a.id for a in from_stdin] == [a.id for a in from_file] and from_stdin
    assert all(a.origin.startswith("<stdin>") for a in from_stdin)


@pytest.mark.parametrize("sentence", [
    "Share prices fell sharply in Kabul on Monday.", "More than 20 people were killed in the attack.",
    "By Tuesday, the army had retaken the town.", "Related fighting spread to three villages, residents said.",
    "Advertisements for the rally were torn down, police said.", "Home to 50,000 people, the town fell on Tuesday.",
    "Print media were banned, the ministry said.", "Updated casualty figures put the toll at 31.",
    "Subscribers to the channel said the video showed the convoy burning.",
])
def test_prose_that_resembles_furniture_is_kept(sentence):
    page = clean_page_text(f"Clashes in the north\n\nFighting resumed on Sunday, officials said.\n\n{sentence}\n")
    assert page.paragraphs == ["Fighting resumed on Sunday, officials said.", sentence]


def test_wire_dateline_joins_its_paragraph_and_figure_lines_stay():
    page = clean_page_text("MOGADISHU, Somalia (AP) _\n\nA car bomb exploded near the port on Sunday, police said.\n\n"
                           "Killed: 7\n\nWounded: 19\n\nComments: 4\nViews 1,200\n")
    assert page.paragraphs == ["MOGADISHU, Somalia (AP) _ A car bomb exploded near the port on Sunday, police said.",
                               "Killed: 7", "Wounded: 19"]


def test_json_documents_and_headline_only_records(tmp_path):
    records = [{"title": "Blast in Kunar", "text": "Two soldiers killed in IED blast in Kunar"},
               {"text": "Rebels shelled Sake on Monday, residents said.", "published": "2024-02-12"}]
    (tmp_path / "list.json").write_text(json.dumps(records))
    (tmp_path / "one.json").write_text(json.dumps(records[1], indent=2))
    items = list(read_paths([tmp_path]))
    assert [a.origin.rsplit("/", 1)[1] for a in items] == ["list.json:1", "list.json:2", "one.json"]
    assert items[0].text == "Two soldiers killed in IED blast in Kunar" and items[0].title == "Blast in Kunar"
    assert items[1].id == items[2].id and items[2].published == date(2024, 2, 12)
