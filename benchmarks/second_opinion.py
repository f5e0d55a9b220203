"""The second opinion's curve (`pipeline.translation._agreed`, multilingual-e5-small): for every
non-English quote of a gold set, the first encoder's closest paragraphs (uncited pool, as
`translation.closest` ranks them) and the second encoder's similarities to the same windows; then, for
a grid of margins and quote lengths, what the rule alone would take: right sources, wrong sources
and false support (a quote with no source in the dump).

Reads: the calibration half of `data/eval/translation` (synthetic, in the project) and any real gold
sets given with `--set FOLDER` (real articles stay outside the project: real-dev in ../shared, later
sets in the team's notes). `TRANSLATION_AGREE_*` were read from the studied real sets and the synthetic
calibration half; the synthetic test half is never read here, and held-out real sets are not passed.

    .venv/bin/python benchmarks/second_opinion.py [--set FOLDER ...] [--no-synthetic]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare import api  # noqa: E402
from compare.model import Claim, Language, Quote, QuoteKind, Span  # noqa: E402
from compare.pipeline import translation  # noqa: E402

DUMP = ROOT.parent / "shared" / "corpus" / "cablegate-6712.jsonl.gz"
ITEMS = ROOT / "data" / "eval" / "translation" / "items.jsonl"


def items(sets: list[Path], synthetic: bool) -> list[dict]:
    out = []
    if synthetic:
        for line in ITEMS.read_text().splitlines():
            i = json.loads(line)
            if i["split"] == "calibration":
                out.append({"id": i["id"], "lang": i["lang"], "quote": i["quote"], "gold": i["source"], "also": []})
    for folder in sets:
        for line in (folder / "gold.jsonl").read_text().splitlines():
            g = json.loads(line)
            lang = g["article"].split("_")[1]
            out.append({"id": g["id"], "lang": lang, "quote": g["quote"], "gold": g["source"],
                        "also": g.get("also_acceptable") or []})
    return [i for i in out if i["lang"] != "en" and len(i["quote"].split()) >= 3]  # noqa: PLR2004


def features(store, item: dict) -> dict | None:
    text = item["quote"]
    q = Quote(article="x", text=text, start=0, end=len(text), parts=(Span(0, len(text)),), kind=QuoteKind.QUOTATION,
              context=text, claim=Claim(), article_language=Language(item["lang"]))
    c = translation.closest(q, translation.candidates(store, q, ()))
    if c is None or not c.fits:
        return None
    right = set()
    if item["gold"]:
        right = {(item["gold"]["cable"], item["gold"]["paragraph"])} | {(a["cable"], a["paragraph"]) for a in item["also"]}
    margin = translation.agreement(q, c)  # None: the second encoder ranks another paragraph first
    return {"id": item["id"], "words": len(text.split()), "sourced": bool(right), "agree": margin is not None,
            "margin": margin or 0.0, "right": (c.paragraph.cable_id, c.paragraph.number) in right}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", type=Path, action="append", default=[], help="a real gold set's folder (repeatable)")
    ap.add_argument("--no-synthetic", action="store_true", help="leave out data/eval/translation's calibration half")
    args = ap.parse_args()
    if not DUMP.exists():
        print(f"skipped: {DUMP} not found (../shared beside the project)")
        return 0
    store = api.load_corpus([DUMP])
    rows = []
    todo = items(args.set, not args.no_synthetic)
    for n, item in enumerate(todo, 1):
        f = features(store, item)
        if f:
            rows.append(f)
        print(f"  {n}/{len(todo)} {item['id']}", file=sys.stderr, flush=True)
    print(f"{len(rows)} quotes with candidates; the rule alone, wherever the other rules stand (agreement, margin "
          "over the first encoder's rivals, length):")
    for margin in (0.03, 0.035, 0.04, 0.045, 0.05):
        for words in (8, 10, 12):
            took = [r for r in rows if r["agree"] and r["margin"] >= margin and r["words"] >= words]
            right = sum(r["right"] for r in took)
            wrong = sum(1 for r in took if r["sourced"] and not r["right"])
            false = sum(1 for r in took if not r["sourced"])
            print(f"  margin {margin:.3f}, {words:2d}+ words: right {right:3d}  wrong source {wrong:2d}  "
                  f"false support {false:2d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
