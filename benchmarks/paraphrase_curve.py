"""The paraphrase stage's curve: which sentence model tells a rewrite of a cable sentence from a
statement on the same topic that the cable does not make. MiniLM (the packaged
`all-MiniLM-L6-v2`, the stage's model), Google's Universal Sentence Encoder multilingual v3 (the
translation stage's) and the two together (the mean of their cosines, a reranking of one by the
other) score the same candidate sentences in the same run.

Reads the calibration part only (PARAPHRASE_MIN was read from it; the test part, test.jsonl, is
benchmarks/paraphrase_models.py's to report). Calibration sets: the rewrites and same-topic sentences of data/eval/paraphrase/seed.jsonl (seed
cables) and data/eval/paraphrase/paraphrases.jsonl (rewrites of sentences of 6,712-dump cables, and
same-topic statements no cable sentence makes, near misses among them). Each quote's candidates are
shared by the three models: the full-text candidates of its words and the paragraphs of the
multilingual sentence index's nearest sentences; among their sentences, those sharing a content word
with the quote (as the stage does). A rewrite counts as traced at a threshold when the best sentence
clears it and stands in the right paragraph, as a wrong source when it clears it elsewhere; a
same-topic statement that clears it is a false support.

    .venv/bin/python benchmarks/paraphrase_curve.py --index benchmarks/out/idx6712ml
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare import ingest, multilingual  # noqa: E402
from compare.embeddings import Embedder  # noqa: E402
from compare.model import Paragraph, Severity  # noqa: E402
from compare.pipeline import CheckOptions, Pipeline, candidates  # noqa: E402
from compare.pipeline.paraphrase import SENTENCE_RE  # noqa: E402
from compare.store import CorpusStore  # noqa: E402
from compare.tokens import content_keys  # noqa: E402
from compare.weights import PARAPHRASE_MARGIN, PARAPHRASE_MIN  # noqa: E402

SETS = ROOT / "data" / "eval" / "paraphrase"
SET = SETS / "paraphrases.jsonl"
SEED_SET = SETS / "seed.jsonl"  # the seed split (rewrites and same-topic sentences around data/cables)
THRESHOLDS = (0.50, 0.55, 0.60, 0.65, 0.70, 0.72, 0.75, 0.80)
MARGIN = 0.05


def norm(text: str) -> str:
    return " ".join(text.split())


NEAR_MISSES: set[str] = set()  # same-topic statements that reverse or change a real sentence of the cable


def load(store: CorpusStore) -> list[tuple[str, tuple[str, int] | str | None]]:
    """(quote, where it comes from): a (cable, paragraph) for the dump set's rewrites, a cable ID for
    the seed rewrites (their paragraph is not recorded), None for same-topic statements."""
    seed = [json.loads(line) for line in SEED_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    out: list[tuple[str, tuple[str, int] | str | None]] = [(g["quote"], g["cable"]) for g in seed
                                                             if g["kind"] == "rewrite"]
    out += [(g["quote"], None) for g in seed if g["kind"] == "same_topic"]
    if SET.exists():
        for line in SET.read_text(encoding="utf-8").splitlines():
            g = json.loads(line)
            if g["kind"] != "rewrite":
                out.append((g["quote"], None))
                if g.get("near_miss"):
                    NEAR_MISSES.add(g["quote"])
                continue
            cable = store.cables[g["cable"]]
            para = next(p for p in cable.paragraphs if norm(g["source_sentence"]) in norm(p.text))
            out.append((g["quote"], (g["cable"], para.number if para.number is not None else -1)))
    return out


def pool(store: CorpusStore, quote: str) -> list[tuple[str, Paragraph]]:
    paragraphs = candidates.search(store, [quote])[:20]
    if store.sentences is not None:
        paragraphs += [store.paragraph(h.row) for h in store.sentences.search(multilingual.embedder().embed([quote])[0], 10)]
    words = {k for k in content_keys(quote) if len(k) > 2}
    seen, out = set(), []
    for p in paragraphs:
        for m in SENTENCE_RE.finditer(p.text):
            s = m.group().strip()
            if (p.cable_id, s) not in seen and 4 <= len(s.split()) <= 80 and words & set(content_keys(s)):
                seen.add((p.cable_id, s))
                out.append((s, p))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", required=True, help="an index folder of the dump (with --multilingual for retrieval)")
    args = ap.parse_args()
    store = CorpusStore.open(args.index)
    quotes = load(store)
    minilm = Embedder()
    models = {
        "MiniLM": lambda texts: minilm.embed(texts),
        "USE multilingual": lambda texts: multilingual.embedder().embed([multilingual.readable(t) for t in texts]),
    }
    t = time.perf_counter()
    pools = [pool(store, q) for q, _ in quotes]
    print(f"{len(quotes)} quotes ({sum(w is not None for _, w in quotes)} rewrites), candidates in "
          f"{time.perf_counter() - t:.1f} s")
    sims: dict[str, list[np.ndarray]] = {}
    for name, embed in models.items():
        t = time.perf_counter()
        sims[name] = []
        for (q, _), cands in zip(quotes, pools, strict=True):
            vecs = embed([q] + [s for s, _ in cands]) if cands else np.zeros((1, 1))
            sims[name].append(vecs[1:] @ vecs[0] if cands else np.zeros(0))
        print(f"  {name}: scored in {time.perf_counter() - t:.1f} s")
    sims["mean of both"] = [(a + b) / 2 for a, b in zip(sims["MiniLM"], sims["USE multilingual"], strict=True)]

    def outcome(name: str, k: int, th: float, margin: float) -> str:
        s, want = sims[name][k], quotes[k][1]
        if not len(s):
            return "none"
        order = np.argsort(-s)
        best = int(order[0])
        p = pools[k][best][1]
        rival = next((float(s[j]) for j in order[1:] if pools[k][j][1].start != p.start
                      or pools[k][j][1].cable_id != p.cable_id), 0.0)
        if s[best] < th or s[best] - rival < margin:
            return "none"
        if want is None:
            return "false"
        right = p.cable_id == want if isinstance(want, str) else (p.cable_id, p.number if p.number is not None else -1) == want
        return "traced" if right else "wrong"

    n_pos = sum(w is not None for _, w in quotes)
    near = [k for k, (q, _) in enumerate(quotes) if q in NEAR_MISSES]
    plain = [k for k, (q, w) in enumerate(quotes) if w is None and q not in NEAR_MISSES]
    for margin in (0.0, MARGIN):
        print(f"\nbest sentence over threshold{' and beating other paragraphs by ' + str(margin) if margin else ''}: "
              f"traced of {n_pos} rewrites / wrong source / false support of {len(plain)} same-topic statements "
              f"/ of {len(near)} near misses")
        print(f"{'threshold':>9}  " + "  ".join(f"{name:>24}" for name in sims))
        for th in THRESHOLDS:
            cells = []
            for name in sims:
                got = [outcome(name, k, th, margin) for k in range(len(quotes))]
                cells.append(f"{got.count('traced'):>2} ({got.count('traced') / n_pos:.2f}) {got.count('wrong'):>2} "
                             f"{sum(got[k] == 'false' for k in plain):>2} {sum(got[k] == 'false' for k in near):>2}")
            print(f"{th:>9.2f}  " + "  ".join(f"{c:>24}" for c in cells))
    # the highest same-topic score: the threshold at which each model makes no false support
    print("\nzero false support: the lowest threshold above every plain same-topic statement, and what it traces")
    for name in sims:
        worst = max((float(sims[name][k].max()) for k in plain if len(sims[name][k])), default=0.0)
        got = [outcome(name, k, worst + 1e-6, 0.0) for k in range(len(quotes))]
        print(f"  {name:>18}: above {worst:.3f}: traced {got.count('traced')}/{n_pos}, wrong {got.count('wrong')}")
    print(f"\n(the stage since 2026-11-30: the mean of both, threshold {PARAPHRASE_MIN}, margin {PARAPHRASE_MARGIN}; "
          "before: MiniLM alone, 0.70, no margin)")
    # The whole pipeline on each quote: a near miss keeps most of its cable sentence's words, so the
    # lexical stages meet it first; what matters is that it is never called a paraphrase (a faithful
    # rewording) of that sentence.
    checker = Pipeline(store, CheckOptions(semantic=True))
    t = time.perf_counter()
    tally: dict[str, Counter[str]] = {"rewrite": Counter(), "same topic": Counter(), "near miss": Counter()}
    for (q, want), k in zip(quotes, range(len(quotes)), strict=True):
        (r,) = checker.check_article(ingest.article_from_text(f'The cable said "{q}"', "t.txt"))
        kind = "rewrite" if want is not None else ("near miss" if k in near else "same topic")
        changed = " (changed in substance)" if any(d.severity is Severity.SUBSTANTIVE for d in r.discrepancies) else ""
        if r.source is None:
            tally[kind]["no source"] += 1
        elif want is None:
            tally[kind][f"{r.verdict.value}{changed}"] += 1
        else:
            right = r.source.cable_id == want if isinstance(want, str) else (
                (r.source.cable_id, r.source.paragraph if r.source.paragraph is not None else -1) == want)
            tally[kind][f"{r.verdict.value}{changed}, {'right' if right else 'WRONG'} source"] += 1
    print(f"\nthe pipeline as released (each quote alone, {time.perf_counter() - t:.1f} s):")
    for kind, c in tally.items():
        print(f"  {kind:>10}: " + ", ".join(f"{n} {label}" for label, n in c.most_common()))


if __name__ == "__main__":
    main()
