"""Calibration of the short-quote chance test: recall and false support by quote length, the old
rule (context and the article's other quotes only) beside the new (also the phrase's own
improbability, `resources/phrase_prior.tsv`), in the same run.

Positives: phrases of 1-9 words cut from random paragraphs of the 6,712-cable dump, each quoted in
a one-sentence article that says nothing about the cable (the hardest case: no context). Only
low-information phrases count (at most four content words): longer ones never face the test.
Negatives: phrases of the same lengths cut from reporters' own prose, outside quotation marks
(the seed articles and the evaluation articles in data/eval, when present), quoted the same way:
a source for one of them is a false support (unless the cable really holds the reporter's phrase
by coincidence, which is the very event whose rate is measured).

    .venv/bin/python benchmarks/chance_calibration.py [--index benchmarks/out/idx6712] [--per-length 40]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare import indexing, ingest, resources, store  # noqa: E402
from compare.pipeline import CheckOptions, Pipeline, context  # noqa: E402
from compare.tokens import content_keys, tokenize  # noqa: E402

DUMP = ROOT.parent / "shared" / "corpus" / "cablegate-6712.jsonl.gz"
PROSE = [*sorted((ROOT / "data" / "articles").glob("*.txt")), *sorted((ROOT / "data" / "eval").rglob("*.txt"))]
FRAME = 'Officials discussed the matter on Tuesday, and one of them said it was "{}" in the end.'


def phrases(text: str, n: int, rng: random.Random, k: int) -> list[str]:
    toks = tokenize(text)
    out = []
    for _ in range(k * 4):
        if len(toks) < n + 1 or len(out) >= k:
            break
        i = rng.randint(0, len(toks) - n)
        piece = text[toks[i].start : toks[i + n - 1].end]
        if ("\n" not in piece and '"' not in piece and re.search(r"[^\W\d_]", piece)
                and len(set(content_keys(piece))) <= context.LOW_INFORMATION):
            out.append(piece)
    return out


def outside_quotes(text: str) -> str:
    return re.sub(r"[\"“][^\"”]*[\"”]", " ", text)


def supported(p: Pipeline, phrase: str) -> bool:
    (r,) = p.check_article(ingest.article_from_text(FRAME.format(phrase), "b.txt"))
    return r.verdict.supported


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", default=str(ROOT / "benchmarks" / "out" / "idx6712"))
    ap.add_argument("--per-length", type=int, default=40)
    args = ap.parse_args()
    if not DUMP.exists():
        sys.exit(f"{DUMP} is not here: this benchmark needs the 6,712-cable dump")
    if not store.is_index(args.index):
        print(f"building {args.index} (once)", file=sys.stderr)
        indexing.build([DUMP], args.index, embed=False)
    corpus = store.CorpusStore.open(args.index)
    p = Pipeline(corpus, CheckOptions(semantic=False))
    rng = random.Random(1)
    rows = [r for (r,) in corpus.db.execute("SELECT rowid FROM paragraphs WHERE start >= 0")]
    prose = " ".join(outside_quotes(ingest.read_article(f).text) for f in PROSE)
    prior = resources.phrase_prior()
    real_p = prior.p
    results: dict[str, Counter[tuple[str, int]]] = {"old": Counter(), "new": Counter()}
    totals: Counter[tuple[str, int]] = Counter()
    shown: list[str] = []
    for n in range(1, 10):
        pos: list[str] = []
        while len(pos) < args.per_length:
            pos += phrases(corpus.paragraph(rng.choice(rows)).text, n, rng, 1)
        neg = phrases(prose, n, rng, args.per_length)
        for label, items in (("pos", pos), ("neg", neg)):
            totals[(label, n)] += len(items)
            for phrase in items:
                for method in ("old", "new"):
                    object.__setattr__(prior, "p", (lambda text, size: 1.0) if method == "old" else real_p)
                    p.keys_of.cache_clear()
                    hit = supported(p, phrase)
                    results[method][(label, n)] += hit
                    if hit and label == "neg" and method == "new":
                        shown.append(phrase)
    object.__setattr__(prior, "p", real_p)
    print("reporters' own phrases the new rule found in the corpus (look: copied phrasing, or chance?):")
    for phrase in shown:
        print(f"  {phrase!r}")
    print(f"{corpus.n_paragraphs} paragraphs; {args.per_length} phrases a length; bare one-sentence articles")
    print(f"{'words':>5} | {'recall old':>10} {'recall new':>10} | {'false support old':>17} {'new':>6} | negatives")
    for n in range(1, 10):
        def rate(method: str, label: str, n: int = n) -> str:
            t = totals[(label, n)]
            return f"{results[method][(label, n)] / t:.2f}" if t else "-"
        print(f"{n:>5} | {rate('old', 'pos'):>10} {rate('new', 'pos'):>10} | {rate('old', 'neg'):>17} "
              f"{rate('new', 'neg'):>6} | {totals[('neg', n)]}")


if __name__ == "__main__":
    main()
