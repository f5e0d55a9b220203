"""The shared acceptance set, scored as ../shared/eval/score.py scores it (skipped without ../shared)."""

from __future__ import annotations

import pytest

from compare import api, evaluate, report

from .conftest import shared

ARTICLES = ("000_995af477f538a050.txt", "001_3fff195fcdb3c5d7.txt", "003_515405a57c30b3c1.txt")


def run(corpus_paths, semantic=False):
    seeds = shared("seeds")
    gold = evaluate.load_jsonl(shared("eval/seed_quotes.jsonl"))
    results = api.check([seeds / a for a in ARTICLES], corpus_paths, semantic=semantic)
    return evaluate.score(gold, [report.to_record(r) for r in results])


def test_seed_acceptance_bars():
    seeds = shared("seeds")
    s = run([seeds / "002_10c17707f1ffe592.txt", seeds / "004_ca864dd119893e33.txt"])
    assert s.extract >= 0.95 and s.source >= 0.97 and s.abstain >= 0.96
    assert s.verdict >= 0.90 and s.discrepancy >= 0.90
    assert s.false_support == 0 and s.misattribution == 1.0, s.misses


@pytest.mark.slow
def test_seed_acceptance_with_the_embedding_model():
    seeds = shared("seeds")
    s = run([seeds / "002_10c17707f1ffe592.txt", seeds / "004_ca864dd119893e33.txt"], semantic=True)
    assert s.false_support == 0 and s.source >= 0.97 and s.abstain >= 0.96, s.misses


@pytest.mark.slow
@pytest.mark.xfail(reason="known: in 6,712 cables a few one-to-three-word quotes (miscalculated, down, "
                   "unprecedented cooperation) find exact words in unrelated cables; the context test is too weak",
                   strict=False)
def test_same_cables_against_the_6712_cable_dump():
    s = run([shared("corpus/cablegate-6712.jsonl.gz")])
    assert s.false_support == 0, s.misses
    wrong_cable = [m for m in s.misses if m.startswith("source") and "None" not in m.split("!=")[0]]
    assert not wrong_cable, wrong_cable
