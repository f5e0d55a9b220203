"""The translation stage on the translated-quote set (data/eval/translation: 120 synthetic es/fr/pt/de
quotes of real cable passages and invented statements, split into calibration and test halves):
each quote taken alone (no other quote of an article points at a cable), through the default path
(`--corpus` the dump). Prints, per half and language, quotes traced to the right paragraph, wrong
sources and false support, and writes each quote's closest paragraphs with the encoder's similarity
and the coverage of the quote's words (`translation.coverage`) so that the acceptance rule's
numbers can be read from the calibration half (`--features`).

    .venv/bin/python benchmarks/translation_fit.py [--split calibration|test|all] [--features OUT.json]

Thresholds may be read only from the calibration half; the test half is reported, never tuned on.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare import api  # noqa: E402
from compare.model import Claim, Language, Quote, QuoteKind, Span  # noqa: E402
from compare.pipeline import fragments, translation  # noqa: E402

ITEMS = ROOT / "data" / "eval" / "translation" / "items.jsonl"
DUMP = ROOT.parent / "shared" / "corpus" / "cablegate-6712.jsonl.gz"


def quote_of(item: dict) -> Quote:
    text = item["quote"]
    return Quote(article=item["id"], text=text, start=0, end=len(text), parts=(Span(0, len(text)),),
                 kind=QuoteKind.QUOTATION, context=text, claim=Claim(), article_language=Language(item["lang"]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="all", choices=("calibration", "test", "all"))
    ap.add_argument("--features", type=Path, default=None, help="write each quote's closest paragraphs here")
    ap.add_argument("--corpus", type=Path, default=DUMP)
    args = ap.parse_args()
    if not DUMP.exists():
        print(f"skipped: {DUMP} not found (../shared beside the project)")
        return 0
    store = api.load_corpus([args.corpus])
    items = [json.loads(line) for line in ITEMS.read_text().splitlines() if line.strip()]
    items = [i for i in items if args.split in ("all", i["split"])]
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    features = []
    t0 = time.perf_counter()
    for n, item in enumerate(items, 1):
        q = quote_of(item)
        gold = (item["source"]["cable"], item["source"]["paragraph"]) if item["source"] else None
        lang = Language(item["lang"])
        decision = None
        fits: list = []
        if translation.wanted(q, lang):
            pool = translation.candidates(store, q, ())
            decision = translation.find(q, pool, ())
            # the main pass's closest paragraphs, as `find` saw them (its encodings are cached: no new work)
            c = translation.closest(q, pool) if len(q.text.split()) >= translation.TRANSLATION_MIN_WORDS else None
            fits = [(f.paragraph.cable_id, f.paragraph.number, round(f.similarity, 4), round(f.coverage, 4),
                     round(f.meaning, 4)) for f in (c.fits if c else ())]
        if decision is None and fragments.wanted(q, lang):
            decision = fragments.find(store, q, lang, ())
        got = (decision.source.cable_id, decision.source.paragraph) if decision and decision.source else None
        k = counts[(item["split"], item["lang"])]
        k["positives" if gold else "negatives"] += 1
        if gold and got == gold:
            k["traced"] += 1
        elif gold and got:
            k["wrong"] += 1
        elif not gold and got:
            k["false"] += 1
        features.append({"id": item["id"], "lang": item["lang"], "kind": item["kind"], "split": item["split"],
                         "words": len(q.text.split()), "gold": gold, "got": got, "fits": fits[:12]})
        print(f"  {n}/{len(items)} {item['id']} {item['kind']}: {got} (gold {gold})", file=sys.stderr, flush=True)
    print(f"translated-quote set ({ITEMS.relative_to(ROOT)}), {len(items)} items, "
          f"{(time.perf_counter() - t0) / max(1, len(items)):.1f} s a quote")
    for split in ("calibration", "test"):
        for lang in ("es", "fr", "pt", "de"):
            k = counts.get((split, lang))
            if k:
                print(f"  {split:11} {lang}: traced {k['traced']}/{k['positives']}, wrong source {k['wrong']}, "
                      f"false support {k['false']}/{k['negatives']}")
    if args.features:
        args.features.write_text(json.dumps(features, indent=0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
