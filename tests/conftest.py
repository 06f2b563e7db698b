"""Shared fixtures: where ../shared is, and one pipeline for the whole session."""
import functools
from datetime import date
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


@functools.lru_cache(maxsize=None)
def pipeline_with(*components: str):
    """The English model with only the named warlog components, built once per test session."""
    from warlog.nlp.pipeline import build_nlp

    return build_nlp(list(components))


def current_events(text: str, published=date(2021, 6, 14)) -> list:
    """The events `warlog.extract` finds in `text`, without the historical ones."""
    from warlog import extract
    return [e for e in extract(text, published=published).events if not e.is_historical]


def only_event(text: str, published=date(2021, 6, 14)):
    """The one current event of `text` (the assertion lists what was found instead)."""
    found = current_events(text, published)
    assert len(found) == 1, [(e.sub_event_type, e.actor1, e.actor2) for e in found]
    return found[0]


def parse(nlp, text: str, published=None):
    """Run a pipeline on text with its publication date set, as the real pipeline does."""
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


@pytest.fixture(scope="session")
def gaz():
    """The embedded gazetteer, loaded once."""
    from warlog.resolve.gazetteer import get_gazetteer

    return get_gazetteer()


@pytest.fixture(scope="session")
def places_nlp(gaz):
    """The model with the places component only."""
    return pipeline_with("warlog_places")


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server on 127.0.0.1 for the whole session (tests/postgres.py).

    Skips, saying why, where no PostgreSQL server binaries are installed (`make postgres`).
    """
    from postgres import start_server

    server, reason = start_server()
    if server is None:
        pytest.skip(reason)
    yield server
    server.stop()
