"""The translation stage's curve: quotes traced, wrong sources and false support by similarity
threshold, the method of 2026-11-23 (candidates from the quote's rarest anchors, clause windows)
beside this release's (BM25 over every anchor, the multilingual sentence index, word windows
around the anchors) in the same run, over the Spanish articles of data/eval and data/eval/heldout
(63 quotes: 58 translations of real cable passages, 9 invented statements).

Each quote is taken alone (no other quote of its article points at a cable), so the figures are
the stage's own. A quote counts as traced at a threshold when its best window clears it, beats
every other paragraph by the margin (0.05) and is in the right paragraph; as a wrong source when it
clears both in another paragraph; as false support when it has no source in the gold.

    .venv/bin/python benchmarks/translation_curve.py --index benchmarks/out/idx6712ml
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare import evaluate, ingest  # noqa: E402
from compare.pipeline import extract, translation  # noqa: E402
from compare.store import CorpusStore  # noqa: E402
from compare.weights import TRANSLATION_MARGIN  # noqa: E402

SETS = [ROOT / "data" / "eval", ROOT / "data" / "eval" / "heldout"]
THRESHOLDS = (0.60, 0.65, 0.68, 0.70, 0.72, 0.75, 0.80)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", required=True, help="an index folder of the dump, built with --multilingual")
    args = ap.parse_args()
    store = CorpusStore.open(args.index)
    quotes = []
    for base in SETS:
        for g in evaluate.load_jsonl(base / "gold_es.jsonl"):
            if g["verdict"] not in ("translation", "not_found"):
                continue
            article = ingest.read_article(base / "articles" / g["article"])
            q = next((q for q in extract.extract(article) if evaluate.same_quote(g["quote"], q.text)), None)
            if q is not None:
                want = (g["source"]["cable"], g["source"]["paragraph"]) if g["source"] else None
                quotes.append((q, want))
    methods = {"2026-11-23": dict(broad=False, fine=False), "this release": dict(broad=True, fine=True)}
    scored: dict[str, list[tuple[float, bool, bool | None]]] = {}
    for name, m in methods.items():
        t = time.perf_counter()
        rows = []
        for q, want in quotes:
            c = translation.closest(q, translation.candidates(store, q, [], broad=m["broad"]), fine=m["fine"])
            if c is None:
                rows.append((0.0, False, None if want is None else False))
                continue
            clear = c.similarity - c.rival >= TRANSLATION_MARGIN
            right = None if want is None else (c.paragraph.cable_id, c.paragraph.number) == want
            rows.append((c.similarity, clear, right))
        scored[name] = rows
        print(f"{name}: {len(quotes)} quotes scored in {time.perf_counter() - t:.1f} s")
    n_src = sum(1 for _, w in quotes if w is not None)
    n_none = len(quotes) - n_src
    print(f"\n{n_src} translations, {n_none} invented quotes; traced / wrong source / false support")
    print(f"{'threshold':>9}  " + "  ".join(f"{name:>24}" for name in methods))
    for th in THRESHOLDS:
        cells = []
        for name in methods:
            rows = scored[name]
            traced = sum(1 for s, clear, right in rows if s >= th and clear and right is True)
            wrong = sum(1 for s, clear, right in rows if s >= th and clear and right is False)
            false = sum(1 for s, clear, right in rows if s >= th and clear and right is None)
            cells.append(f"{traced:>2}/{n_src} ({traced / n_src:.2f}) {wrong:>2} {false:>2}")
        print(f"{th:>9.2f}  " + "  ".join(f"{c:>24}" for c in cells))


if __name__ == "__main__":
    main()
