"""Build a benchmark corpus (JSON Lines, one article a line) from the dev gold files' texts.

    python scripts/bench_corpus.py OUT.jsonl [--min-articles 2000] [--eval ../shared/eval]

The texts are read at run time from shared/eval/dev/*.jsonl (never copied into the repo):
every record's text (or text_file), then, until there are enough, distinct variants of the
longer ones (the story from its second paragraph or second sentence on), so every line is a
different article and none is a duplicate in the store.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = REPO.parent / "shared" / "eval"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def gold_texts(eval_dir: Path) -> Iterator[tuple[str, str | None]]:
    """(text, published) of every record of every dev gold file, in file order."""
    from warlog.evaluate.common import read_gold

    for path in sorted((eval_dir / "dev").glob("*.jsonl")):
        for record, text in read_gold(path):
            if text and text.strip():
                yield text, record.get("published")


def variants(text: str) -> Iterator[str]:
    """Shorter, different articles cut from one text: from each later paragraph, then sentence, on."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    for start in range(1, len(paragraphs)):
        yield "\n\n".join(paragraphs[start:])
    sentences = _SENTENCE_END.split(text.strip())
    for start in range(1, len(sentences)):
        yield " ".join(sentences[start:])


def build(eval_dir: Path, min_articles: int) -> list[dict]:
    originals = list(gold_texts(eval_dir))
    if not originals:
        raise SystemExit(f"no dev gold texts under {eval_dir / 'dev'}")
    records, seen = [], set()

    def add(text: str, published: str | None) -> None:
        key = " ".join(text.split()).lower()
        if len(key) >= 80 and key not in seen:
            seen.add(key)
            records.append({"text": text, "published": published})

    for text, published in originals:
        add(text, published)
    cutters = [(variants(text), published) for text, published in originals]
    while len(records) < min_articles and cutters:
        still = []
        for cuts, published in cutters:
            piece = next(cuts, None)
            if piece is not None:
                add(piece, published)
                still.append((cuts, published))
            if len(records) >= min_articles:
                break
        cutters = still
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--min-articles", type=int, default=2000)
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="the shared eval folder")
    args = parser.parse_args(argv)
    records = build(args.eval, args.min_articles)
    with args.out.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} articles ({sum(len(r['text']) for r in records)} characters) to {args.out}",
          file=sys.stderr)
    return 0 if len(records) >= args.min_articles else 1


if __name__ == "__main__":
    sys.exit(main())
