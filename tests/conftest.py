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


def shared(path: str) -> Path:
    p = SHARED / path
    if not p.exists():
        pytest.skip(f"{p} is not here (../shared is only beside a development checkout)")
    return p
