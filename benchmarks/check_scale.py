"""Checking against an index at scale: per-article latency (warm, one process), the brute-force
baseline in the same run, peak memory, and quality against gold files.

Brute force is what a reporter's script would do without an index: rapidfuzz `partial_ratio` of
every quote against every paragraph, keeping the best (both cores, `process.cdist(workers=2)`). It
is timed on a random sample of paragraphs and scaled by the corpus's size (a linear scan costs
exactly that); the sample's size is printed.

    .venv/bin/python benchmarks/check_scale.py --index INDEX [--articles DIR_OR_FILES ...] [--gold GOLD ...]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare import api, batch, evaluate, ingest, report  # noqa: E402
from compare.pipeline import CheckOptions, Pipeline, extract  # noqa: E402

SEEDS = ROOT / "data" / "articles"


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(q * (len(xs) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", required=True)
    ap.add_argument("--articles", nargs="*", default=[str(SEEDS), str(ROOT / "benchmarks" / "out" / "articles")])
    ap.add_argument("--gold", nargs="*", default=[])
    ap.add_argument("--brute-sample", type=int, default=20_000, help="paragraphs the brute force is timed on")
    ap.add_argument("--brute-quotes", type=int, default=30, help="quotes the brute force is timed with")
    ap.add_argument("--semantic", action="store_true")
    args = ap.parse_args()

    t0 = time.perf_counter()
    corpus = api.load_corpus([args.index])
    checker = Pipeline(corpus, CheckOptions(semantic=args.semantic))
    t_open = time.perf_counter() - t0
    paths = [p for p in batch.expand([a for a in args.articles if Path(a).exists()]) if p.endswith(".txt")]
    arts = [ingest.read_article(p) for p in paths]
    checker.check_article(arts[0])  # warm: model, null sample, SQLite pages of the common words
    times, results = [], []
    for a in arts:
        t = time.perf_counter()
        results.extend(checker.check_article(a))
        times.append(time.perf_counter() - t)
    n_quotes = len(results)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # brute force on a sample of paragraphs, scaled to the corpus
    from rapidfuzz import fuzz, process

    rng = random.Random(0)
    rows = [r for (r,) in corpus.db.execute("SELECT rowid FROM paragraphs")]
    sample = [corpus.paragraph(r).text for r in rng.sample(rows, min(args.brute_sample, len(rows)))]
    all_quotes = [q.text for a in arts for q in extract.extract(a)]
    probe = rng.sample(all_quotes, min(args.brute_quotes, len(all_quotes)))
    t = time.perf_counter()
    process.cdist(probe, sample, scorer=fuzz.partial_ratio, workers=2)
    per_quote = (time.perf_counter() - t) / len(probe) * (len(rows) / len(sample))
    brute_article = per_quote * n_quotes / len(arts)

    print(f"index: {args.index}: {len(corpus)} cables, {corpus.n_paragraphs} paragraphs; opened in {t_open:.2f} s")
    print(f"articles: {len(arts)}, quotes: {n_quotes}; semantic stage: {'on' if args.semantic else 'off'}")
    print(f"per-article latency, warm, one process: p50 {percentile(times, 0.5):.3f} s, "
          f"p95 {percentile(times, 0.95):.3f} s, max {max(times):.3f} s, mean {statistics.mean(times):.3f} s")
    print(f"brute force (partial_ratio of every quote on every paragraph, 2 cores; timed on {len(sample)} "
          f"paragraphs x {len(probe)} quotes, scaled): {per_quote:.2f} s a quote, {brute_article:.1f} s an article")
    print(f"indexed check is {brute_article / statistics.mean(times):.0f}x faster than brute force (mean article)")
    print(f"peak memory (max RSS of this process): {rss:.0f} MB")
    records = [report.to_record(r) for r in results]
    for g in args.gold:
        s = evaluate.score(evaluate.load_jsonl(g), records)
        print(f"{g}: {s.counts}")
        print(f"    {s.lines()[-1]}")


if __name__ == "__main__":
    main()
