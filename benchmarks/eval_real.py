"""Accuracy on articles written around real cable passages (data/eval), against the 6,712-cable dump.

The articles in data/eval/articles are our own writing (never published text), quoting real
cables of the release the ways newspapers do: whole sentences and fragments, ellipses and brackets,
subject lines, names the release redacts, changed numbers, dropped negations and hedges,
misattributions, invented statements no cable holds, and (es_*) Spanish translations. Their gold
files (gold_en.jsonl, gold_es.jsonl) were checked by data/eval/verify_gold*.py against the dump.

Prints, per language: quotes traced to the right cable and paragraph, wrong sources, false
support, quotes rightly found in no cable, verdicts, discrepancies, misattribution flags (right of
raised, and caught of real); and beside them the reporter's Ctrl-F: the quote's normalised text
searched in every cable, right when exactly one cable holds it and it is the right one.

    .venv/bin/python benchmarks/eval_real.py [--no-semantic] [--misses] [--set heldout|blind]
        [--index benchmarks/out/idx6712ml]   # made by: compare index build --corpus DUMP --out ... --multilingual
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare import api, evaluate, ingest, report  # noqa: E402
from compare.pipeline import CheckOptions, Pipeline  # noqa: E402

DUMP = ROOT.parent / "shared" / "corpus" / "cablegate-6712.jsonl.gz"
EVAL = ROOT / "data" / "eval"


def ctrl_f_norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[“”„‟«»\"‘’‚‛`´']", "", text)
    return re.sub(r"\W+", " ", text).strip()


def ctrl_f(gold: list[dict], cables: dict[str, str]) -> tuple[int, int]:
    """(quotes whose normalised words stand in exactly one cable, the right one; quotes with a source)."""
    right = n = 0
    for g in gold:
        if not g["source"]:
            continue
        n += 1
        words = ctrl_f_norm(g["quote"])
        holders = [cid for cid, text in cables.items() if words and words in text]
        right += holders == [g["source"]["cable"]]
    return right, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-semantic", dest="semantic", action="store_false")
    ap.add_argument("--misses", action="store_true", help="list every miss")
    ap.add_argument("--out", type=Path, default=None, help="write each language's records to OUT/LANG.jsonl")
    ap.add_argument("--lang", choices=["en", "es"], action="append", help="only this language (repeatable)")
    ap.add_argument("--index", type=Path, default=None,
                    help="an index folder of the dump (`compare index build --multilingual` for the sentence index)")
    ap.add_argument("--set", dest="which", choices=["dev", "heldout", "blind"], default="dev",
                    help="dev: data/eval (the set the method was developed on); heldout: data/eval/heldout; "
                         "blind: data/eval/blind (written after the method, run once)")
    args = ap.parse_args()
    if not DUMP.exists():
        sys.exit(f"{DUMP}: not found; this benchmark needs ../shared/corpus beside the project")
    t = time.perf_counter()
    pipeline = Pipeline(api.load_corpus([args.index or DUMP]), CheckOptions(semantic=args.semantic))
    index = pipeline.corpus.sentences
    print(f"corpus: {len(pipeline.corpus.cables):,} cables, loaded in {time.perf_counter() - t:.1f} s; "
          f"semantic {'on' if args.semantic else 'off'}; multilingual sentence index: "
          f"{f'{len(index):,} sentences' if index is not None else 'none'}; set: {args.which}")
    base = EVAL if args.which == "dev" else EVAL / args.which
    with gzip.open(DUMP, "rt", encoding="utf-8") as fh:
        cables = {rec["id"]: ctrl_f_norm(rec["text"]) for rec in map(json.loads, fh)}
    for lang in args.lang or ("en", "es"):
        gold = evaluate.load_jsonl(base / f"gold_{lang}.jsonl")
        paths = sorted((base / "articles").glob(f"{lang}_*.txt"))
        t = time.perf_counter()
        records = []
        for path in paths:
            records += [report.to_record(r) for r in pipeline.check_article(ingest.read_article(path))]
        took = time.perf_counter() - t
        s = evaluate.score(gold, records)
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{lang}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        right, n = ctrl_f(gold, cables)
        print(f"\n{lang}: {len(paths)} articles, {len(gold)} gold quotes, checked in {took:.1f} s "
              f"({took / len(paths):.2f} s an article)")
        print(f"  {s.counts}")
        print(f"  traced {s.source:.3f}  not_found right {s.abstain:.3f}  verdict {s.verdict:.3f}  "
              f"discrepancies {s.discrepancy:.3f}  misattributions caught {s.misattribution:.3f}")
        print(f"  wrong source {s.wrong_source}  false support {s.false_support}  misattributed flags right "
              f"{s.flags_right}/{s.flags}")
        print(f"  Ctrl-F baseline (exact normalised words, one cable, the right one): {right}/{n} ({right / n:.3f})")
        if args.misses:
            for m in s.misses:
                print(f"    - {m}")


if __name__ == "__main__":
    main()
