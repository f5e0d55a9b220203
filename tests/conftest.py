from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_cables():
    from compare import ingest

    return ingest.load([DATA / "cables"])


@pytest.fixture(scope="session")
def seed_checker(seed_cables):
    from compare.pipeline import CheckOptions, Pipeline
    from compare.store import CorpusStore

    return Pipeline(CorpusStore.in_memory(seed_cables.values()), CheckOptions(semantic=False))


@pytest.fixture(scope="session")
def demo(seed_checker):
    """The seed checker's results on the three bundled demo articles."""
    from compare import ingest

    out = []
    for p in sorted((DATA / "articles").glob("*.txt")):
        out += seed_checker.check_article(ingest.read_article(p))
    return out


def by_text(results, words):
    return next(r for r in results if words in r.quote.text)


def shared(path: str) -> Path:
    p = SHARED / path
    if not p.exists():
        pytest.skip(f"{p} is not here (../shared is only beside a development checkout)")
    return p


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory):
    """Tests never read or write the user's embedding cache (~/.cache/compare): what they measure
    does not depend on earlier runs, and a test run leaves nothing in the home folder."""
    mp = pytest.MonkeyPatch()
    mp.setenv("COMPARE_CACHE_DIR", str(tmp_path_factory.mktemp("embedding-cache")))
    yield
    mp.undo()
