"""The translation stage's curve: quotes traced, wrong sources and false support by similarity
threshold, the method of 2026-11-23 (candidates from the quote's rarest anchors, clause windows)
beside this release's (BM25 over every anchor, the multilingual sentence index, word windows
around the anchors) in the same run, over the Spanish articles of data/eval and data/eval/heldout
(63 quotes: 58 translations of real cable passages, 9 invented statements).

Each quote is taken alone (no other quote of its article points at a cable), so the figures are
the stage's own. A quote counts as traced at a threshold when its best window clears it, beats
every other paragraph by the margin (0.05) and is in the right paragraph; as a wrong source when it
clears both in another paragraph; as false support when it has no source in the gold.

Then the cited pass of 2026-11-30: each quote against every paragraph of the cables its article's
other quotes come from (a quote is often one of several from one cable), by similarity threshold
and margin over that cable's other paragraphs; the invented statements are scored against all their
article's cables.

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
from compare.weights import TRANSLATION_CITED_MARGIN, TRANSLATION_CITED_MIN, TRANSLATION_MARGIN  # noqa: E402

SETS = [ROOT / "data" / "eval", ROOT / "data" / "eval" / "heldout"]
THRESHOLDS = (0.60, 0.65, 0.68, 0.70, 0.72, 0.75, 0.80)
CITED_THRESHOLDS = (0.50, 0.55, 0.60, 0.65, 0.70)
CITED_MARGINS = (0.03, 0.05, 0.08, 0.10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", required=True, help="an index folder of the dump, built with --multilingual")
    args = ap.parse_args()
    store = CorpusStore.open(args.index)
    quotes = []
    articles: dict[tuple[Path, str], set[str]] = {}
    keys: list[tuple[Path, str, str | None]] = []
    for base in SETS:
        for g in evaluate.load_jsonl(base / "gold_es.jsonl"):
            if g["verdict"] not in ("translation", "not_found"):
                continue
            article = ingest.read_article(base / "articles" / g["article"])
            q = next((q for q in extract.extract(article) if evaluate.same_quote(g["quote"], q.text)), None)
            if q is not None:
                want = (g["source"]["cable"], g["source"]["paragraph"]) if g["source"] else None
                quotes.append((q, want))
                articles.setdefault((base, g["article"]), set())
                if g["source"]:
                    articles[(base, g["article"])].add(g["source"]["cable"])
                keys.append((base, g["article"], g["source"]["cable"] if g["source"] else None))
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

    # The cited pass: each quote against every paragraph of the cables its article's other quotes come
    # from (what the pipeline knows once they are found), the best beating that cable's other paragraphs.
    print("\ncited pass (each quote against its article's other cables): traced / wrong source / false support")
    t = time.perf_counter()
    cited_rows = []
    for (q, want), (base, name, own) in zip(quotes, keys, strict=True):
        others = {c for c in articles[(base, name)] if c != own or sum(k[:2] == (base, name) and k[2] == own
                                                                         for k in keys) > 1}
        pool = translation.cited_pool(store, others)
        c = translation.closest(q, pool) if pool.paragraphs else None
        if c is None:
            cited_rows.append((0.0, 0.0, None if want is None else False))
            continue
        right = None if want is None else (c.paragraph.cable_id, c.paragraph.number) == want
        cited_rows.append((c.similarity, c.similarity - c.rival, right))
    print(f"  {len(quotes)} quotes scored in {time.perf_counter() - t:.1f} s")
    print(f"{'min':>5} " + " ".join(f"{'margin ' + format(m, '.2f'):>22}" for m in CITED_MARGINS))
    for th in CITED_THRESHOLDS:
        cells = []
        for mg in CITED_MARGINS:
            ok = [(s >= th and d >= mg, right) for s, d, right in cited_rows]
            traced = sum(1 for a, r in ok if a and r is True)
            wrong = sum(1 for a, r in ok if a and r is False)
            false = sum(1 for a, r in ok if a and r is None)
            cells.append(f"{traced:>2}/{n_src} ({traced / n_src:.2f}) {wrong:>2} {false:>2}")
        print(f"{th:>5.2f} " + " ".join(f"{c:>22}" for c in cells))
    print(f"  (this release: min {TRANSLATION_CITED_MIN}, margin {TRANSLATION_CITED_MARGIN}; a quote whose own cable"
          " no other quote of its article cites is scored against the others only, where it must find nothing right)")


if __name__ == "__main__":
    main()
