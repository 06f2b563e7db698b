"""Write a corpus of hostile inputs for warlog, by rule and from a seed (same seed, same corpus).

    python scripts/hostile_corpus.py OUTDIR --n 1000 [--seed 9] [--huge-mb 50]

Every file is made by one of the rules below (empty, binary, broken HTML, encodings, other
languages, broken JSON Lines, absurd dates and numbers, good English news...). OUTDIR/.manifest.jsonl
(hidden, so warlog does not read it) lists each file with its rule, how many outcomes it must
give (one per file, one per non-blank JSON line) and the statuses allowed for them.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile_texts import ABSURD_NUMBERS, CHROME_ONLY, DAYS, ENGLISH, FOREIGN, LEGACY, TOWNS  # noqa: E402

ANY = ("stored", "duplicate", "skipped", "failed")
GOOD = ("stored", "duplicate")
REFUSED = ("skipped", "failed")
MAGIC = [b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\xff\xd8\xff\xe0", b"GIF89a", b"\x1f\x8b\x08",
         b"\x7fELF\x02\x01\x01", b"\xca\xfe\xba\xbe", b"SQLite format 3\x00"]
EXTENSIONS = [".txt", ".html", ".jsonl", ".json", ".htm", ".md", "", ".bin", ".pdf"]


@dataclass
class Case:
    """One input file: its bytes (or chunks of them), the rule that made it, what it must give."""

    name: str
    data: bytes | Iterable[bytes] = field(repr=False)
    rule: str
    units: int = 1  # outcomes it must give
    expect: tuple[str, ...] = ANY  # statuses allowed for them
    reason: str | None = None  # text every outcome's reason must contain


def english(rng: random.Random, n: int | str | None = None) -> str:
    text = rng.choice(ENGLISH).format(n=n if n is not None else rng.randint(2, 400), town=rng.choice(TOWNS),
                                      day=rng.choice(DAYS))
    return f"{text} Reporter {rng.randint(1, 10**9)} filed this story."  # unique, so rarely a duplicate


def foreign(rng: random.Random, language: str) -> str:
    return FOREIGN[language].format(n=rng.randint(2, 400), town=rng.choice(TOWNS), day=rng.choice(DAYS))


def html_page(body: str, title: str = "News", head: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article><h1>{title}</h1>"
            f"{paragraphs}</article><footer>Copyright 2024</footer></body></html>")


# --- rules: each makes one Case from the random generator -------------------------------------

def empty(rng):
    return Case("empty" + rng.choice(EXTENSIONS), b"", "empty", expect=("skipped",))


def whitespace(rng):
    chars = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\u00a0", "\u2003", "\u3000", "\u200b"]
    text = "".join(rng.choice(chars) for _ in range(rng.randint(1, 2000)))
    return Case("blank" + rng.choice(EXTENSIONS), text.encode(), "whitespace", expect=("skipped",))


def random_bytes(rng):
    return Case("noise" + rng.choice(EXTENSIONS), rng.randbytes(rng.randint(1, 8192)), "random bytes", expect=REFUSED)


def binary_header(rng):
    data = rng.choice(MAGIC) + rng.randbytes(rng.randint(0, 4096))
    return Case("file" + rng.choice(EXTENSIONS), data, "binary header", expect=REFUSED)


def truncated_html(rng):
    page = html_page(english(rng), title="Attack on village").encode()
    return Case("truncated.html", page[: rng.randint(1, len(page) - 1)], "truncated html")


def encoded_english(rng):
    encoding = rng.choice(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1",
                           "cp1252", "cp1251", "koi8-r", "shift_jis", "gb2312"])
    text = english(rng)
    if encoding in ("latin-1", "cp1252"):
        text = text.replace("officials", "officials (café owners, £5 fares)")
    if encoding.startswith("utf"):
        text = text.replace(" said", " said \u201cit was terrible\u201d \u2014 and added")
    return Case(f"english-{encoding}" + rng.choice([".txt", ".html", ""]), text.encode(encoding),
                "english in " + encoding, expect=GOOD)


def encoded_foreign(rng):
    language = rng.choice(sorted(LEGACY))
    encoding = rng.choice(LEGACY[language] + ["utf-8", "utf-16"])
    data = foreign(rng, language).encode(encoding)
    return Case(f"{language}-{encoding}.txt", data, f"{language} in {encoding}", expect=("skipped",))


def invalid_bytes(rng):
    data = bytearray(english(rng).encode())
    for _ in range(rng.randint(1, 5)):
        bad = rng.choice([b"\xff", b"\xc3", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82", b"\x80"])
        data[rng.randrange(len(data)):rng.randrange(len(data))] = bad
    return Case("invalid-utf8" + rng.choice([".txt", ".html"]), bytes(data), "invalid byte sequences")


def right_to_left(rng):
    language = rng.choice(["ar", "he", "fa"])
    if rng.random() < 0.5:
        return Case(f"rtl-{language}.txt", foreign(rng, language).encode(), f"{language} (right to left)",
                    expect=("skipped",), reason="not English")
    quote = foreign(rng, language).split("،")[0].split(",")[0][:60]
    marks = rng.choice(["\u202e", "\u200f", "\u202b", "\u2066", "\u200d", ""])
    text = english(rng).replace(" said.", f" said, quoting a witness: {marks}\u00ab{quote}\u00bb.", 1)
    return Case("mixed-scripts.txt", text.encode(), "english with right-to-left quote", expect=GOOD)


def other_language(rng):
    language = rng.choice(sorted(FOREIGN))
    text, form = foreign(rng, language), rng.choice(["txt", "html", "jsonl"])
    data = {"txt": text, "html": html_page(f"{text}\n\n{foreign(rng, language)}", title="Actualités"),
            "jsonl": json.dumps({"text": text, "url": f"https://news.example/{language}/{rng.randint(1, 9999)}"},
                                ensure_ascii=rng.random() < 0.5)}[form]
    return Case(f"lang-{language}.{form}", data.encode(), f"{language} article", expect=("skipped",),
                reason="not English")


def no_text(rng):
    if rng.random() < 0.5:
        lines = rng.sample(CHROME_ONLY, rng.randint(1, len(CHROME_ONLY)))
        return Case("chrome.txt", "\n\n".join(lines).encode(), "page furniture only", expect=("skipped",))
    body = rng.choice(["<script>var x = '<p>not text</p>';</script>", "<style>p{color:red}</style>",
                       "<img src='a.png'>" * rng.randint(1, 50), "<nav><a href='/'>Home</a></nav>", "<div></div>" * 30])
    return Case("no-text.html", f"<html><head><title>Page</title></head><body>{body}</body></html>".encode(),
                "html without text", expect=("skipped",))


def _bad_record(rng) -> str:
    good = {"text": english(rng), "published": "2023-05-04"}
    choices = [
        lambda: json.dumps(good)[: rng.randint(1, 60)],  # truncated line
        lambda: json.dumps({"text": rng.choice([123, 4.5, True, ["a", "b"], {"t": 1}])}),
        lambda: json.dumps({"text": None, "html": None}),
        lambda: json.dumps(rng.choice([[1, 2], "just a string", 42, None, []])),
        lambda: json.dumps({**good, "published": rng.choice([20230504, ["2023"], {"y": 2023}])}),
        lambda: json.dumps({**good, "url": 5}),
        lambda: "[" * rng.randint(2000, 200000),  # nested too deeply for the JSON parser
        lambda: '{"text": ' + "9" * rng.randint(5000, 20000) + "}",  # an integer over Python's digit limit
        lambda: '{"text": "\\ud800\\udfff\\ud83d broken surrogates \\u0000 and NUL"}',
        lambda: "{'text': 'single quotes are not JSON'}",
        lambda: "\x00\x01\x02 control bytes",
        lambda: json.dumps({"text": "   "}),
        lambda: json.dumps({"html": "<html><body><p>" + english(rng) + "</p></body></html>", "title": "t"}),
    ]
    return rng.choice(choices)()


def broken_jsonl(rng):
    lines = []
    for _ in range(rng.randint(1, 12)):
        lines.append(json.dumps({"text": english(rng)}) if rng.random() < 0.4 else _bad_record(rng))
        if rng.random() < 0.2:
            lines.append(rng.choice(["", "   "]))  # blank lines give no outcome
    units = sum(1 for line in lines if line.strip())
    return Case("records" + rng.choice([".jsonl", ".ndjson"]), "\n".join(lines).encode(), "broken jsonl", units)


def json_document(rng):
    items = [rng.choice([{"text": english(rng)}, {"text": 7}, "text", None, {"html": "<p>x</p>"}])
             for _ in range(rng.randint(1, 6))]
    return Case("records.json", json.dumps(items).encode(), "json list of mixed items", units=len(items))


ABSURD_DATES = ["0000-01-01", "0001-01-01", "9999-12-31", "32/13/2020", "2020-02-30", "0", "-1",
                "year 0", "31 February 2019", "1899-12-31", "2101-01-01", "10000-01-01", "NaN", "∞"]


def absurd_date(rng):
    day, form = rng.choice(ABSURD_DATES), rng.choice(["jsonl", "html", "txt"])
    if form == "jsonl":
        data = json.dumps({"text": english(rng), "published": day})
        return Case("dated.jsonl", data.encode(), f"absurd published {day!r}", expect=("failed",), reason="published")
    if form == "html":
        head = f"<meta property='article:published_time' content='{day}'><meta name='date' content='{day}'>"
        return Case("dated.html", html_page(english(rng), "Clashes", head).encode(), f"absurd meta date {day!r}",
                    expect=GOOD)
    return Case("dated.txt", f"Published: {day}\n\n{english(rng)}".encode(), f"absurd dateline {day!r}", expect=GOOD)


def absurd_number(rng):
    number = rng.choice(ABSURD_NUMBERS)
    return Case("absurd-toll.txt", english(rng, n=number).encode(), f"absurd toll {number!r}", expect=GOOD)


def superscript_units(rng):
    """Units written with superscript digits ("km²"), common in news; some parsers take "²" for a digit."""
    area = f"{rng.randint(2, 900)} {rng.choice(['km²', 'm²', 'm³', 'sq km'])}"
    text = english(rng).replace(" said.", f" said. The fighting spread over {area}.", 1)
    return Case("superscript.txt", text.encode(), "units with superscript digits")


def good_english(rng):
    text, form = english(rng), rng.choice(["txt", "html", "jsonl"])
    data = {"txt": text, "html": html_page(text, "Attack reported"),
            "jsonl": json.dumps({"text": text, "published": "2023-05-04", "source": "Example Wire"})}[form]
    return Case(f"news.{form}", data.encode(), "good english", expect=GOOD)


def html_tricks(rng):
    tricks = [
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><html><body><p>&lol3;</p><p>{t}</p></body></html>',
        "<html><body><p>{t}</p><script>document.write('</script><p>injected</p>')</script></body></html>",
        "<html><body><p>&#0;&#xD800;&#99999999;&#x110000;&bogus; {t}</p></body></html>",
        "<html><body><!-- an unclosed comment <p>{t}</p></body></html>",
        "<html><head><meta charset='utf-16'></head><body><p>{t}</p></body></html>",
        "<html><body><p><![CDATA[{t}]]></p></body></html>",
        "<html><body>" + "<p>{t}" * 3 + "</body>",
        "<html><body><p>{t}</p>" + "<br>" * 20000 + "</body></html>",
    ]
    return Case("tricky.html", rng.choice(tricks).replace("{t}", english(rng)).encode(), "html tricks")


def odd_name(rng):
    name = rng.choice([b"bad\xff\xfename.txt", b"caf\xe9.txt", "ünïcødé نص.txt".encode(), b"-rf.txt",
                       b"x" * 200 + b".txt", b"spaces in name .txt", b"semi;colon'quote\".txt"])
    return Case(os.fsdecode(name), english(rng).encode(), "odd file name", expect=GOOD)


RULES: list[Callable[[random.Random], Case]] = [
    empty, whitespace, random_bytes, binary_header, truncated_html, encoded_english, encoded_foreign,
    invalid_bytes, right_to_left, other_language, no_text, broken_jsonl, json_document, absurd_date,
    absurd_number, good_english, html_tricks, odd_name, good_english, other_language, superscript_units,
]


def fixed_cases(rng: random.Random, huge_mb: int, long_prose: bool) -> list[Case]:
    """One of each input too big or too deep to make many of (`long_prose`: the slow one to extract)."""
    depth = 10_000
    cases = [
        Case("nested-div.html", ("<html><body>" + "<div>" * depth + english(rng) + "</div>" * depth).encode(),
             "html nested 10,000 deep"),
        Case("nested-unclosed.html", ("<html><body>" + "<span><b><i>" * (depth // 3) + english(rng)).encode(),
             "unclosed html nested 10,000 deep"),
        Case("over-max-chars.txt", "\n\n".join(english(rng) for _ in range(5000)).encode(),
             "text over 1,000,000 characters", expect=("skipped",)),
    ]
    if long_prose:
        cases.append(Case("long-line.txt", (english(rng) + " ").encode() * 2000, "one 600 kB line of prose"))
    if huge_mb:
        chunk = ("<p>" + english(rng) + "</p>\n").encode() * 2000
        count = huge_mb * 2**20 // len(chunk) + 1
        head = b"<!DOCTYPE html><html><body><article>"
        cases.append(Case(f"huge-{huge_mb}mb.html", [head] + [chunk] * count, f"{huge_mb} MB page",
                          expect=("skipped",), reason="too large"))
    return cases


def build(outdir: str | Path, n: int = 1000, seed: int = 9, huge_mb: int = 50, long_prose: bool = True) -> list[Case]:
    """Write at least `n` inputs to `outdir` (and its .manifest.jsonl); returns their Cases."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    cases = fixed_cases(rng, huge_mb, long_prose)
    while len(cases) < n:
        cases.append(RULES[len(cases) % len(RULES)](rng))
    with open(out / ".manifest.jsonl", "w", encoding="utf-8") as manifest:
        for number, case in enumerate(cases):
            case.name = f"{number:05d}-{case.name}"
            path = os.path.join(os.fsencode(out), os.fsencode(case.name))
            with open(path, "wb") as handle:
                for chunk in [case.data] if isinstance(case.data, bytes) else case.data:
                    handle.write(chunk)
            row = {"name": os.fsencode(case.name).hex(), "rule": case.rule, "units": case.units,
                   "expect": case.expect, "reason": case.reason}
            manifest.write(json.dumps(row) + "\n")
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("--n", type=int, default=1000, help="number of inputs (at least)")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--huge-mb", type=int, default=50, help="size of the one oversize page (0: none)")
    parser.add_argument("--no-long-prose", action="store_true", help="leave out the 600 kB paragraph (slow to extract)")
    args = parser.parse_args()
    cases = build(args.outdir, args.n, args.seed, args.huge_mb, not args.no_long_prose)
    print(f"wrote {len(cases)} inputs ({sum(c.units for c in cases)} expected outcomes) to {args.outdir}")


if __name__ == "__main__":
    main()
