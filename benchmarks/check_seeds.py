"""Cold and warm time to check the three seed articles against the seed corpus.

Cold: a fresh process's import, corpus load, model load (when --semantic) and first check.
Warm: the same check again in the same process, model and caches loaded.
Baseline for the ratio: brute force, i.e. aligning every quote on every paragraph.

    .venv/bin/python benchmarks/check_seeds.py [--semantic]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "data" / "articles").glob("*.txt"))
CABLES = [ROOT / "data" / "cables"]


def main() -> None:
    semantic = "--semantic" in sys.argv
    t0 = time.perf_counter()
    from compare import api, ingest
    from compare.pipeline import CheckOptions, Pipeline, alignment, extract

    t_import = time.perf_counter() - t0
    corpus = api.load_corpus(CABLES)
    checker = Pipeline(corpus, CheckOptions(semantic=semantic))
    if semantic:
        from compare.embeddings import load_model

        load_model()
    t_load = time.perf_counter() - t0
    arts = [ingest.read_article(p) for p in ARTICLES]
    n = sum(len(checker.check_article(a)) for a in arts)
    cold = time.perf_counter() - t0
    warm_runs = []
    for _ in range(3):
        t = time.perf_counter()
        for a in arts:
            checker.check_article(a)
        warm_runs.append(time.perf_counter() - t)
    warm = min(warm_runs)
    t = time.perf_counter()
    for a in arts:
        for q in extract.extract(a):
            for p in corpus.paragraphs():
                alignment.align(q, p.cable_id, (p.number,), p.text)
    brute = time.perf_counter() - t
    print(f"corpus: {len(corpus.cables)} cables, {corpus.n_paragraphs} paragraphs; articles: {len(arts)}, quotes: {n}")
    print(f"semantic stage: {'on' if semantic else 'off'}")
    print(f"import {t_import:.2f} s; corpus+model load {t_load:.2f} s")
    print(f"cold (import, load, first check): {cold:.2f} s")
    print(f"warm (best of 3): {warm:.3f} s  ({warm / n * 1000:.1f} ms a quote)")
    print(f"brute force (every quote aligned on every paragraph): {brute:.2f} s; warm is {brute / warm:.1f}x faster")


if __name__ == "__main__":
    main()
