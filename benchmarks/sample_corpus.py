"""A reproducible sample of the dump: every cable a gold file names (its source and the sources it
also accepts) and N other cables drawn with a fixed seed, written as JSONL in the dump's order.
Small enough to build with paragraph embeddings and multilingual vectors twice (one process and
`--engine ray`), large enough that the gold's quotes are found among other cables.

    .venv/bin/python benchmarks/sample_corpus.py --gold ../shared/eval/real-dev/gold.jsonl \
        --gold ../shared/eval/seed_quotes.jsonl --others 300 --out /tmp/sample.jsonl
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DUMP = ROOT.parent / "shared" / "corpus" / "cablegate-6712.jsonl.gz"


def cited(gold_files: Iterable[Path]) -> set[str]:
    """The cable IDs a gold file names: each quote's source and the sources it also accepts."""
    ids: set[str] = set()
    for path in gold_files:
        for g in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
            for s in [g.get("source"), *(g.get("also_acceptable") or [])]:
                if isinstance(s, dict) and s.get("cable"):
                    ids.add(s["cable"])
    return ids


def sample(dump: Path, keep_ids: set[str], n_other: int, seed: int = 7) -> tuple[list[str], int]:
    """The dump's lines of the cables in `keep_ids` and `n_other` others (seeded), in the dump's
    order; and how many of `keep_ids` the dump holds."""
    with gzip.open(dump, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    ids = [json.loads(line).get("id") or "" for line in lines]
    keep = [k for k, i in enumerate(ids) if i in keep_ids]
    others = [k for k in range(len(lines)) if ids[k] not in keep_ids]
    keep += random.Random(seed).sample(others, min(n_other, len(others)))
    return [lines[k] for k in sorted(keep)], len({ids[k] for k in keep} & keep_ids)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, action="append", required=True, help="a gold JSONL file (repeatable)")
    ap.add_argument("--others", type=int, default=300, help="cables besides the cited ones")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dump", type=Path, default=DUMP)
    ap.add_argument("--out", type=Path, required=True, help="the sample, JSONL")
    args = ap.parse_args()
    want = cited(args.gold)
    lines, found = sample(args.dump, want, args.others, args.seed)
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"{args.out}: {len(lines)} cables ({found} of the {len(want)} the gold names; {args.others} others, "
          f"seed {args.seed})", file=sys.stderr)


if __name__ == "__main__":
    main()
