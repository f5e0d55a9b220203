"""Build compare/resources/phrase_prior.tsv: how often a phrase that nobody copied stands in a corpus.

The chance test for short quotes asks: could these words stand in the corpus although the article
did not take them from it? For a phrase of n words of a given rarity, this script measures it
leave-one-cable-out on a real corpus: phrases drawn from one cable are looked for in the *other*
cables, copies left out (a hit that also holds the words around the phrase in its cable is a copy
of that passage, not an independent use). Diplomatic prose repeats itself more than a reporter's
prose repeats a cable's, so the rate is an upper bound for text the reporter wrote.

Rows: words (1..8, 8 = 8 or more), rarity bin (the phrase's content words' summed IDF in log10
units against `resources/background.tsv.gz`, floored), trials, phrases found elsewhere; and the
corpus size in paragraphs the rate was measured at.

    .venv/bin/python scripts/build_phrase_prior.py INDEX_OF_THE_6712_DUMP [--per-cable 1]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.resources import phrase_rarity  # noqa: E402
from compare.store import CorpusStore  # noqa: E402
from compare.store.corpus import phrase  # noqa: E402
from compare.tokens import phrase_key, tokenize  # noqa: E402

OUT = ROOT / "compare" / "resources" / "phrase_prior.tsv"
MAX_WORDS = 8
CONTEXT = 4  # words either side that make a hit a copy


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("index")
    ap.add_argument("--per-cable", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    store = CorpusStore.open(args.index)
    rng = random.Random(args.seed)
    trials: Counter[tuple[int, int]] = Counter()
    found: Counter[tuple[int, int]] = Counter()
    cables = sorted(store.cables)
    for k, cid in enumerate(cables):
        cable = store.cables[cid]
        paras = [p for p in cable.paragraphs if len(p.text.split()) >= 12]
        if not paras:
            continue
        for _ in range(args.per_cable):
            p = rng.choice(paras)
            toks = tokenize(p.text)
            n = rng.randint(1, MAX_WORDS)
            if len(toks) < n + 2 * CONTEXT:
                continue
            i = rng.randint(CONTEXT, len(toks) - n - CONTEXT)
            text = p.text[toks[i].start : toks[i + n - 1].end]
            wider = f" {phrase_key(p.text[toks[i - CONTEXT].start : toks[i + n - 1 + CONTEXT].end])} "
            key = (n, int(phrase_rarity(text)))
            trials[key] += 1
            for hit in store.search(phrase(text), 60):
                other = hit.paragraph
                if other.cable_id != cid and wider not in f" {phrase_key(other.text)} ":
                    found[key] += 1
                    break
        if k % 500 == 0:
            print(f"{k}/{len(cables)} cables", file=sys.stderr)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(f"#paragraphs\t{store.n_paragraphs}\n#words\trarity\ttrials\tfound\n")
        for key in sorted(trials):
            f.write(f"{key[0]}\t{key[1]}\t{trials[key]}\t{found[key]}\n")
    print(f"{OUT}: {sum(trials.values())} phrases, {sum(found.values())} found in another cable")


if __name__ == "__main__":
    main()
