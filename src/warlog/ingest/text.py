"""Plain text pages: paragraphs, title, dateline, and page boilerplate removed by rule.

Scraped pages carry the site around the story: reader controls ("Read Mode", "6 min
read"), share rows, teasers ("Watch: ..."), cookie and newsletter prompts, headings of
related links. The rules below recognise such lines by their form, not by a list of one
site's lines. Paragraphs of the result are joined by a blank line ("\\n\\n").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from warlog.ingest.dates import find_date
from warlog.model import normalise_text

HEADING_MAX_WORDS = 12  # an unpunctuated line up to this long is a heading, not prose
TITLE_MAX_WORDS = 25
TITLE_MIN_WORDS = 4  # shorter headings before the title are usually a site name
DEK_MIN_WORDS = 6
WRAP_MAX_WIDTH = 100  # blocks no wider than this whose lines fill the width are hard-wrapped

_TERMINAL = re.compile(r"[.!?…:;。．！？｡؟۔।][\"'”’»)\]」』]*$")  # Latin, CJK, Arabic, Urdu, Devanagari stops
_FLAGS = re.I | re.X
_CHROME = re.compile(r"""^(?:
    (?:read(?:er)?|focus|dark|night|light)\s+mode | \d{1,3}\s*%\s*(?:font|text)?\s*(?:size)? |
    (?:font|text)\s+size | [-+]?\s*a\s*[-+]?(?:\s+[-+]?\s*a\s*[-+]?)* |
    \d+\s*(?:min|mins|minutes?)\s*(?:read|listen|watch)? | reading\s+time.* |
    listen(?:\s+to\s+(?:this|the)\s+(?:article|story))?(?:\s*[\d:]+\s*(?:min|mins)?)? |
    share(?:\s+(?:this|the|via|on))?(?:\s+\w+)?(?:\s+(?:article|story|page))? | shares? | \d+\s+shares? |
    print(?:\s+this)?(?:\s+(?:article|story|page))? | copy\s+link | save(?:\s+(?:article|story))? |
    advertisement | advert | ad | sponsored(?:\s+content)? | (?:scroll|story|article)\s+continues?\b.* |
    subscribe\b.* | sign\s+(?:up|in)\b.* | log\s*in | register | create\s+(?:an\s+)?account.* |
    related(?:\s+\w+)? | top\s+content.* | trending(?:\s+\w+)* | most\s+(?:read|popular|viewed|shared)\b.* |
    more\s+(?:on|from|in|about|stories)\b.* | recommended(?:\s+for\s+you)? | you\s+may\s+(?:also\s+)?like.* |
    editor'?s?\s+picks? | latest(?:\s+(?:news|stories))? | breaking(?:\s+news)? | in\s+(?:pictures|photos) |
    \w+(?:\s+\w+)?\s*: |
    (?:\d+\s+)?comments?(?:\s*\(\d+\))? | (?:comments?|shares?|views?|likes?|reads?|rating)\s*[:(]?\s*[\d,.]+k?\)? | (?:view|show|load)\s+(?:all\s+)?comments.* |
    skip\s+to\b.* | menu | search | home | back\s+to\s+top | close | next(?:\s+article)? | previous(?:\s+article)? |
    (?:follow|like|join)\s+us\b.* | click\s+here\b.* | download\s+(?:our|the)\s+app\b.* |
    (?:copyright|©|\(c\)).* | .*all\s+rights\s+reserved.* |
    image\s+caption.*
)$""", _FLAGS)
_TEASER = re.compile(r"""^(?:watch|video|listen|audio|podcast|photos?|pictures?|image|gallery|read\s+(?:more|also)|
    also\s+read|see\s+also|more|related|live|opinion|analysis|explainer|tags?|topics?|filed\s+under|
    (?:image|photo|picture|video)\s+(?:caption|credit|source))\s*[:|–—]+\s*\S.*$""", _FLAGS)
_BYLINE = re.compile(r"^[Bb]y\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}(?:\s*(?:,|and|\|)\s*.*)?$")
_PROMPT = re.compile(r"\bcookies?\b.*\b(?:accept|consent|agree|polic(?:y|ies)|settings|preferences|we\s+use)\b"
                     r"|\b(?:we\s+use|this\s+site\s+uses)\s+cookies?\b"
                     r"|\bnewsletters?\b.*\b(?:sign\s+up|subscribe|inbox|email)\b"
                     r"|\b(?:sign\s+up|subscribe)\b.*\bnewsletters?\b|\benter\s+your\s+e-?mail\b", re.I)
_CREDIT = re.compile(r"\((?:AFP|AP|Reuters|EPA|Getty(?:\s+Images)?|(?:AP\s+)?Photo\b[^)]*|[^)]{0,40}/\s*(?:AFP|AP|Reuters|EPA|Getty\s+Images)[^)]*)\)\s*$"
                     r"|\b(?:photo|image|picture)\s*(?:credit)?\s*:\s*[^.]{1,60}$", re.I)
_DATELINE = re.compile(r"^(?:first\s+)?(?:published|updated|posted|last\s+updated?|date)\b(?:\s+on)?\s*:?\s*(?P<rest>.*)$", re.I)
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z.' -]+(?:,\s*[\w.' -]+)?(?:\s*\([\w .-]+\))?\s*[-_—–:]*$")
_FIGURE = re.compile(r"^[^:]{1,40}:\s*\d")  # "Total dead: 192": a line of figures, not a heading
_SEPARATORS = re.compile(r"\s[|›»>•·/]\s|\s[|›»>•·]|[|›»>•·]\s")
_SOCIAL = {"facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "email", "e-mail", "mail",
           "print", "share", "reddit", "pinterest", "copy", "link", "messenger", "flipboard", "tweet", "sms"}


@dataclass(slots=True)
class PageText:
    """The readable part of a page."""

    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    published: date | None = None  # from a dateline such as "Published: 14 March 2023"

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def is_terminal(line: str) -> bool:
    """Whether a line ends as a sentence does."""
    return bool(_TERMINAL.search(line.rstrip()))


def is_chrome(line: str) -> bool:
    """Whether a line is page furniture: controls, share rows, teasers, prompts, credits."""
    line = line.strip()
    words = line.split()
    if not words or len(words) <= 60 and _PROMPT.search(line):
        return True
    if len(words) <= 25 and (_TEASER.match(line) or _CREDIT.search(line)):
        return True
    terminal = is_terminal(line)
    if len(words) <= 20 and (not terminal or len(words) <= 8) and _CHROME.match(line):
        return True
    if not terminal and _BYLINE.match(line):
        return True
    if all(w.strip(".,:;|·•-").lower() in _SOCIAL or not w.strip(".,:;|·•-") for w in words):
        return True
    return not terminal and len(words) <= 20 and len(_SEPARATORS.findall(line)) >= 2  # nav, breadcrumbs


def _dateline(line: str) -> tuple[bool, date | None]:
    """(is it a dateline, the date it gives) for lines like "Published: 14 March 2023"."""
    match = _DATELINE.match(line.strip())
    if not match or len(line.split()) > 15:
        return False, None
    day = find_date(re.sub(r"\b(?:updated|published|posted)\b:?", " ", match["rest"], flags=re.I))
    if day is None and is_terminal(line) and not line.rstrip().endswith(":"):
        return False, None
    return True, day


def _is_heading(para: str) -> bool:
    """An unpunctuated short line, or a longer one in Title Case: a heading, not prose."""
    if is_terminal(para) or _FIGURE.match(para):
        return False
    words = para.split()
    if len(words) <= HEADING_MAX_WORDS:
        return True
    capitals = sum(w[0].isupper() or not w[0].isalpha() for w in words)
    return capitals / len(words) >= 0.7


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: blocks between blank lines, hard-wrapped lines re-joined."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [" ".join(line.split()) for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        width = max(len(line) for line in lines)
        current = lines[0]
        for previous, line in zip(lines, lines[1:]):
            filled = width <= WRAP_MAX_WIDTH and len(previous) >= 0.75 * width  # hard-wrapped at the margin
            continued = line[0].islower() and not is_terminal(previous)
            if (filled or continued) and not is_chrome(previous) and not is_chrome(line):
                current = f"{current} {line}"
            else:
                paragraphs.append(current)
                current = line
        paragraphs.append(current)
    return paragraphs


def _is_dek(para: str, later: list[str]) -> bool:
    """A standfirst: an unpunctuated line that a later paragraph starts by repeating."""
    if is_terminal(para):
        return False
    words = normalise_text(para).split()
    if len(words) < DEK_MIN_WORDS:
        return False
    probe = " ".join(words[: max(DEK_MIN_WORDS, int(len(words) * 0.8))])
    return any(normalise_text(other).startswith(probe) for other in later)


def _merge_wire_datelines(paragraphs: list[str]) -> list[str]:
    """Join a lone wire dateline ("NAIROBI, Kenya (AP) _") to the paragraph it opens."""
    merged: list[str] = []
    for para in paragraphs:
        if merged and _WIRE_DATELINE.match(merged[-1]) and not _is_heading(para):
            merged[-1] = f"{merged[-1]} {para}"
        else:
            merged.append(para)
    return merged


def _guess_title(paragraphs: list[str]) -> str | None:
    """The first unpunctuated line before the prose, preferring several words to a site name."""
    candidates: list[str] = []
    for para in paragraphs:
        if is_terminal(para):
            break
        if len(para.split()) <= TITLE_MAX_WORDS:
            candidates.append(para)
    fuller = [c for c in candidates if len(c.split()) >= TITLE_MIN_WORDS]
    return (fuller or candidates or [None])[0]


def clean_paragraphs(paragraphs: list[str], title: str | None = None) -> PageText:
    """Drop page furniture, headings and deks; find the title and dateline."""
    page = PageText(title=title.strip() if title and title.strip() else None)
    kept: list[str] = []
    for para in paragraphs:
        para = " ".join(para.split())
        is_date, day = _dateline(para)
        if is_date:
            page.published = page.published or day
        elif para and not is_chrome(para):
            kept.append(para)
    kept = [para for i, para in enumerate(kept) if not _is_dek(para, kept[i + 1:])]
    kept = _merge_wire_datelines(kept)
    if page.title is None:
        page.title = _guess_title(kept)
    seen: set[str] = set()
    for para in kept:
        key = normalise_text(para)
        if key in seen or _is_heading(para):
            continue
        seen.add(key)
        if page.title and key == normalise_text(page.title):
            continue
        page.paragraphs.append(para)
    return page


def clean_page_text(text: str, title: str | None = None) -> PageText:
    """Main text of a plain-text page; `title`, when known, is used instead of guessing it."""
    return clean_paragraphs(split_paragraphs(text), title)
