"""Build compare/resources/background.tsv.gz: how many paragraphs of a large cable corpus hold each word.

`compare.context` uses it as the background rate of a short quote's words, so that a small corpus
(two cable pages) knows how often the words would turn up by chance in cables in general.

    .venv/bin/python scripts/build_background.py ../shared/corpus/cablegate-6712.jsonl.gz
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from pathlib import Path

from compare import ingest
from compare.tokens import quoted_spans, tokenize

OUT = Path(__file__).resolve().parent.parent / "compare" / "resources" / "background.tsv.gz"
MIN_DF = 2


def main(paths: list[str]) -> None:
    corpus = ingest.load(paths)
    paragraphs = [p for c in corpus.values() for p in c.paragraphs]
    df: Counter[str] = Counter()
    quoted: Counter[str] = Counter()
    for p in paragraphs:
        df.update({t.key for t in tokenize(p.text)})
        quoted.update(k for k in set(quoted_spans(p.text)) if " " not in k)
    common = [w for w, n in df.items() if n >= 50]
    share = sum(quoted[w] / df[w] for w in common) / max(1, len(common))
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(f"#paragraphs\t{len(paragraphs)}\n#quoted_share\t{share:.6f}\n")
        for w in sorted(w for w, n in df.items() if n >= MIN_DF):
            f.write(f"{w}\t{df[w]}\n")
    print(f"{OUT}: {len(paragraphs)} paragraphs, {sum(1 for n in df.values() if n >= MIN_DF)} words, "
          f"quoted share {share:.4f}")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(Path(__file__).resolve().parent.parent.parent / "shared/corpus/cablegate-6712.jsonl.gz")])
