"""The errata to real-dev's gold (data/eval/real-dev-errata): each names a passage of the gold, and
the first cable words it gives as evidence stand in the paragraph it names, as the project paragraphs the
dump. Skips without ../shared (real-dev and the dump live there)."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from compare import evaluate
from compare.ingest.jsonl import parse_jsonl

from .conftest import shared

ERRATA = Path(__file__).resolve().parent.parent / "data" / "eval" / "real-dev-errata" / "errata.jsonl"
QUOTED = re.compile(r"'([^']{25,})'")  # the cable's words the evidence quotes


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def test_each_erratum_names_a_gold_passage_and_the_cable_holds_its_evidence():
    gold = {g["id"]: g for g in evaluate.load_jsonl(shared("eval/real-dev/gold.jsonl"))}
    errata = evaluate.load_jsonl(ERRATA)
    assert errata, "the errata file is empty"
    wanted = {e["source"]["cable"] for e in errata}
    with gzip.open(shared("corpus/cablegate-6712.jsonl.gz"), "rt", encoding="utf-8") as fh:
        lines = [line for line in fh if json.loads(line)["id"] in wanted]
    cables = {c.id: c for c in parse_jsonl(lines, "dump")}
    for e in errata:
        g = gold[e["id"]]
        assert e["kind"] in ("source", "also_acceptable"), e
        named = (e["source"]["cable"], e["source"]["paragraph"])
        if e["kind"] == "source":
            assert g["source"] is None or (g["source"]["cable"], g["source"]["paragraph"]) != named, e["id"]
        else:  # a paragraph the gold does not list already
            listed = {(s["cable"], s["paragraph"]) for s in [g["source"], *g["also_acceptable"]]}
            assert named not in listed, e["id"]
        paragraph = next(p for p in cables[named[0]].paragraphs if p.number == named[1])
        evidence = [m.group(1) for m in QUOTED.finditer(e["evidence"])]
        assert evidence, f"{e['id']}: the evidence quotes no cable words"
        assert _words(evidence[0]) in _words(paragraph.text), f"{e['id']}: {evidence[0]!r} is not in {named}"
