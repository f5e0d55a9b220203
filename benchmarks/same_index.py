"""Whether two index folders hold the same content: their fingerprints, the paragraph vectors (key
by key), the multilingual sentence vectors and spans, and the lexicon for translated quotes; an
index built with `--engine ray` against one built in one process (issue 19, acceptance 4).

    .venv/bin/python benchmarks/same_index.py ONE.index OTHER.index
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.store import CorpusStore  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("one", type=Path)
    ap.add_argument("other", type=Path)
    args = ap.parse_args()
    a, b = CorpusStore.open(args.one), CorpusStore.open(args.other)
    same = {"fingerprint": a.fingerprint == b.fingerprint}
    print(f"fingerprints: {a.fingerprint} / {b.fingerprint}")
    if a.vectors is not None and b.vectors is not None:
        ka, kb = sorted(a.vectors.index.keys), sorted(b.vectors.index.keys)
        same["paragraph vector keys"] = ka == kb
        same["paragraph vectors"] = ka == kb and all((a.vectors.index[k] == b.vectors.index[k]).all() for k in ka)
        print(f"paragraph vectors: {len(ka):,} / {len(kb):,}")
    else:
        same["paragraph vectors"] = a.vectors is None and b.vectors is None
    for name in ("sentences.npy", "sentence-spans.npy"):
        pa, pb = args.one / name, args.other / name
        same[name] = pa.exists() == pb.exists() and (not pa.exists() or pa.read_bytes() == pb.read_bytes())
    la, lb = args.one / "lexicon.npz", args.other / "lexicon.npz"
    if la.exists() and lb.exists():
        with np.load(la) as x, np.load(lb) as y:
            same["lexicon"] = sorted(x.files) == sorted(y.files) and all(np.array_equal(x[f], y[f]) for f in x.files)
    else:
        same["lexicon"] = la.exists() == lb.exists()
    for k, v in same.items():
        print(f"  {k}: {'same' if v else 'DIFFERENT'}")
    return 0 if all(same.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
