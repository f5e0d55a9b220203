from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_cables():
    from compare import cables

    return cables.load([DATA / "cables"])


@pytest.fixture(scope="session")
def seed_checker(seed_cables):
    from compare.api import Checker
    from compare.candidates import Corpus

    return Checker(Corpus.from_cables(seed_cables), semantic=False)


def shared(path: str) -> Path:
    p = SHARED / path
    if not p.exists():
        pytest.skip(f"{p} is not here (../shared is only beside a development checkout)")
    return p
