"""Beyond one machine, measured on one: the same articles checked against an index with `--jobs 2`
and with `--engine ray` on two local workers (three interleaved repetitions: medians, their ratio,
Ray's start-up, each worker's peak memory, and whether the sorted outputs are equal byte for
byte); then the encoding rates of an index build, paragraph vectors (MiniLM) and multilingual
sentence vectors (USE), in one process and on two Ray workers.

    .venv/bin/python benchmarks/make_articles.py --n 200 --out /tmp/articles
    .venv/bin/python benchmarks/scale_out.py --index INDEX --articles /tmp/articles
    # a small index of the cables the articles cite and N others, from the dump, built first:
    .venv/bin/python benchmarks/scale_out.py --build-index /tmp/small.index --cables 500 --articles /tmp/articles

The machine's other load is not controlled: run the two engines interleaved (as here) and compare
only figures of one run.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare import indexing, store  # noqa: E402
from compare.indexing import sentences  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
import sample_corpus  # noqa: E402

DUMP = ROOT.parent / "shared" / "corpus" / "cablegate-6712.jsonl.gz"
COMPARE = [sys.executable, "-m", "compare.cli"]


def build_small_index(out: Path, articles: Path, n_other: int, seed: int = 7) -> None:
    """The cables the articles' gold file cites, and `n_other` more from the dump, as a lexical index."""
    cited = sample_corpus.cited([articles / "gold.jsonl"])
    lines, _ = sample_corpus.sample(DUMP, cited, n_other, seed)
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "subset.jsonl"
        subset.write_text("".join(lines), encoding="utf-8")
        indexing.build([subset], out, embed=False)
    print(f"{out}: {store.stats(out).cables} cables ({len(cited)} cited by the articles)", file=sys.stderr)


def run_cli(args: list[str]) -> tuple[float, str, float]:
    """(wall seconds, stderr, peak RSS in MB of the largest process it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.monotonic()
    done = subprocess.run([*COMPARE, *args], capture_output=True, text=True, cwd=ROOT)
    wall = time.monotonic() - t0
    if done.returncode not in (0, 3):
        raise SystemExit(f"compare {' '.join(args)}: exit {done.returncode}\n{done.stderr[-2000:]}")
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, done.stderr, (rss if rss > before else float("nan")) / 1024


def checking(index: str, articles: str, reps: int, workers: int, work: Path) -> None:
    jobs_t, ray_t, starts, ray_rss, jobs_rss = [], [], [], [], []
    same = True
    for rep in range(reps):
        out_j, out_r = work / f"jobs-{rep}.jsonl", work / f"ray-{rep}.jsonl"
        t, _, rss = run_cli(["check", "--corpus", index, "--jobs", str(workers), "--format", "jsonl", "-o", str(out_j),
                             "--", articles])
        jobs_t.append(t)
        jobs_rss.append(rss)
        t, err, _ = run_cli(["check", "--corpus", index, "--engine", "ray", "--workers", str(workers), "--format",
                             "jsonl", "-o", str(out_r), "--", articles])
        ray_t.append(t)
        m = re.search(r"engine started in ([\d.]+) s.*peak memory (.*)$", err, re.M)
        if m:
            starts.append(float(m.group(1)))
            ray_rss.append([float(x.replace(",", "")) for x in re.findall(r"([\d,]+) MB", m.group(2))])
        same &= sorted(out_j.read_bytes().splitlines()) == sorted(out_r.read_bytes().splitlines())
        print(f"rep {rep + 1}: --jobs {workers} {jobs_t[-1]:.1f} s, --engine ray {ray_t[-1]:.1f} s "
              f"(start {starts[-1] if starts else float('nan'):.1f} s)", file=sys.stderr)
    n = len(list(Path(articles).glob("*.txt")))
    mj, mr = statistics.median(jobs_t), statistics.median(ray_t)
    print(f"checking {n} articles against {index}, {reps} interleaved repetitions:")
    print(f"  --jobs {workers}: median {mj:.1f} s ({', '.join(f'{t:.1f}' for t in jobs_t)}); largest process "
          f"{max(jobs_rss):,.0f} MB")
    print(f"  --engine ray, {workers} local workers: median {mr:.1f} s ({', '.join(f'{t:.1f}' for t in ray_t)})")
    print(f"  ratio ray / jobs: {mr / mj:.2f}x")
    print(f"  Ray start-up: median {statistics.median(starts):.1f} s ({', '.join(f'{s:.1f}' for s in starts)})")
    print(f"  workers' peak memory: {', '.join('/'.join(f'{x:,.0f}' for x in r) for r in ray_rss)} MB")
    print(f"  sorted outputs byte-identical: {same}")


def encoding(index: str, n_paragraphs: int, n_sentences: int, workers: int) -> None:
    from compare.encoders import InProcess
    from compare.runners.ray_runner import RayEncoder
    from compare.store import CorpusStore

    corpus = CorpusStore.open(index)
    texts = sorted({p.text for p in corpus.paragraphs() if p.start >= 0})
    random.Random(3).shuffle(texts)
    paras = texts[:n_paragraphs]
    sents = [t[a:b] for t in texts for a, b in sentences.split(t)][:n_sentences]
    local, ray = InProcess(), RayEncoder(None, workers)

    def timed(kind: str, encoder: object, batch: int) -> tuple[float, float]:
        items = paras if kind == "paragraphs" else sents
        batches = [(k, items[k : k + batch]) for k in range(0, len(items), batch)]
        t0 = time.monotonic()
        it = (encoder.paragraphs(None, iter(batches)) if kind == "paragraphs"  # type: ignore[attr-defined]
              else encoder.sentences(iter(batches)))  # type: ignore[attr-defined]
        first = next(it)
        t1 = time.monotonic()
        rest = list(it)
        t2 = time.monotonic()
        steady = sum(len(v) for _, v in rest) / max(t2 - t1, 1e-9)
        return len(items) / (t2 - t0), steady if rest else len(first[1]) / (t1 - t0)

    print(f"encoding ({len(paras)} paragraphs, {len(sents)} sentences; models loaded on first use):")
    for kind, batch in (("paragraphs", 64), ("sentences", 128)):
        a, a_steady = timed(kind, local, batch)
        b, b_steady = timed(kind, ray, batch)
        print(f"  {kind}: one process {a:.0f}/s (after the first batch {a_steady:.0f}/s); Ray, {workers} workers "
              f"{b:.0f}/s (after the first batch {b_steady:.0f}/s); ratio {b_steady / a_steady:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", help="an index folder (compare index build)")
    ap.add_argument("--build-index", metavar="FOLDER", help="build a small index here first (with --cables)")
    ap.add_argument("--cables", type=int, default=500, help="cables besides the cited ones in --build-index")
    ap.add_argument("--articles", required=True, help="a folder of articles (benchmarks/make_articles.py)")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--paragraphs", type=int, default=512, help="paragraphs encoded for the rate")
    ap.add_argument("--sentences", type=int, default=2048, help="sentences encoded for the rate")
    ap.add_argument("--skip-encoding", action="store_true")
    args = ap.parse_args()
    index = args.index
    if args.build_index:
        if not store.is_index(args.build_index):
            build_small_index(Path(args.build_index), Path(args.articles), args.cables)
        index = args.build_index
    if not index:
        ap.error("give --index or --build-index")
    work = Path(tempfile.mkdtemp(prefix="scale-out-"))
    try:
        checking(index, args.articles, args.reps, args.workers, work)
        if not args.skip_encoding:
            encoding(index, args.paragraphs, args.sentences, args.workers)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
