"""Shared fixtures: where ../shared is, and one pipeline for the whole session."""
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "article.txt"
SEED_GOLD = SHARED / "eval" / "seed.gold.jsonl"
DEV = SHARED / "eval" / "dev"
EXAMPLES = REPO / "examples"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared evaluation folder sits beside the repo)")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return need(SEED).read_text(encoding="utf-8")
