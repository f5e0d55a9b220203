"""Write the tool's outputs for a behaviour-preservation check (issue 18).

Runs the seed check (the three seed articles against the two seed cables) and `compare check
--corpus ../shared/corpus/cablegate-6712.jsonl.gz --format jsonl` over every article of
../shared/eval/real-dev/articles/, and writes both outputs into one folder; `--against FOLDER`
then diffs them with an earlier run (byte-identical, or only fields named with --new-field added).

    python scripts/snapshot_outputs.py --out /tmp/before            # on the untouched branch
    python scripts/snapshot_outputs.py --out /tmp/after --against /tmp/before
    git archive HEAD | tar -x -C /tmp/tree && python scripts/snapshot_outputs.py --tree /tmp/tree …

`--semantic` keeps the embedding model (slower); the default passes --no-semantic.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TREE = ROOT  # the source tree whose `compare` runs (--tree: a copy, e.g. `git archive HEAD`)


def _run(args: list[str], out: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(TREE)}
    cmd = [sys.executable, "-c", "from compare.cli import main; main()", *args]
    with out.open("w", encoding="utf-8") as fh:
        done = subprocess.run(cmd, stdout=fh, stderr=subprocess.PIPE, text=True, env=env, cwd=TREE)
    if done.returncode not in (0, 3):
        sys.exit(f"compare {' '.join(args[:3])}… exited {done.returncode}: {done.stderr[-2000:]}")


def snapshot(out: Path, semantic: bool, seeds_only: bool = False) -> None:
    out.mkdir(parents=True, exist_ok=True)
    extra = [] if semantic else ["--no-semantic"]
    seeds = SHARED / "seeds"
    _run(
        ["check", *extra, "--corpus", str(seeds / "002_10c17707f1ffe592.txt"),
         str(seeds / "004_ca864dd119893e33.txt"), "--format", "jsonl", "--",
         *(str(seeds / n) for n in ("000_995af477f538a050.txt", "001_3fff195fcdb3c5d7.txt",
                                    "003_515405a57c30b3c1.txt"))],
        out / "seeds.jsonl",
    )
    if seeds_only:
        return
    articles = sorted((SHARED / "eval" / "real-dev" / "articles").iterdir())
    _run(
        ["check", *extra, "--corpus", str(SHARED / "corpus" / "cablegate-6712.jsonl.gz"),
         "--format", "jsonl", "-j", "1", "--", *(str(a) for a in articles)],
        out / "real-dev.jsonl",
    )


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def diff(out: Path, before: Path, new_fields: set[str]) -> int:
    bad = 0
    for name in ("seeds.jsonl", "real-dev.jsonl"):
        if not (out / name).exists():
            continue
        old, new = _records(before / name), _records(out / name)
        if (before / name).read_bytes() == (out / name).read_bytes():
            print(f"{name}: byte-identical ({len(new)} records)")
            continue
        if len(old) != len(new):
            print(f"{name}: {len(old)} records before, {len(new)} after")
            bad += 1
            continue
        changed = 0
        for a, b in zip(old, new, strict=True):
            b = {k: v for k, v in b.items() if k not in new_fields or k in a}
            if a != b:
                changed += 1
                if changed <= 3:
                    keys = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
                    print(f"  {a.get('article')} {a.get('quote_id')}: differs in {keys}")
        print(f"{name}: {changed} of {len(new)} records differ (ignoring added {sorted(new_fields)})")
        bad += changed > 0
    return bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--against", type=Path)
    parser.add_argument("--semantic", action="store_true")
    parser.add_argument("--tree", type=Path, default=ROOT, help="the source tree to run (a copy of a commit)")
    parser.add_argument("--new-field", action="append", default=[])
    parser.add_argument("--seeds-only", action="store_true", help="only the seed check (a minute)")
    args = parser.parse_args()
    global TREE
    TREE = args.tree.resolve()
    snapshot(args.out, args.semantic, args.seeds_only)
    if args.against is not None:
        sys.exit(1 if diff(args.out, args.against, set(args.new_field)) else 0)


if __name__ == "__main__":
    main()
