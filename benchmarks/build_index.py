"""Index build: time, paragraphs a second, size on disk and peak memory, and the embedding rate.

The lexical index (parsing, SQLite, FTS5, quoted spans, word counts, null sample) is built whole.
The embeddings are timed on a sample of the index's distinct paragraph texts, on the CPU and, when
torch sees one, on a GPU; the time to embed the whole corpus is that rate applied to its distinct
texts (an index embeds each distinct text once).

    .venv/bin/python benchmarks/build_index.py --corpus CABLES... --out INDEX [--sample 1000]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def embed_rate(texts: list[str], device: str) -> float:
    from sentence_transformers import SentenceTransformer

    from compare.embeddings import default_model_path

    model = SentenceTransformer(default_model_path(), device=device)
    model.encode(texts[:64], batch_size=64)  # warm
    t = time.perf_counter()
    model.encode(texts, batch_size=64 if device == "cpu" else 512, normalize_embeddings=True)
    return len(texts) / (time.perf_counter() - t)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", nargs="+", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--sample", type=int, default=1000, help="paragraph texts the embedding rate is timed on")
    ap.add_argument("--keep", action="store_true", help="build into an existing index (incremental)")
    args = ap.parse_args()
    out = Path(args.out)
    if out.exists() and not args.keep:
        shutil.rmtree(out)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "compare.cli", "index", "build", "--no-embed", "--corpus", *args.corpus,
                    "--out", str(out)], check=True)
    took = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    db = sqlite3.connect(out / "index.sqlite")
    cables, paragraphs, distinct = db.execute(
        "SELECT (SELECT count(*) FROM cables), count(*), count(DISTINCT hash) FROM paragraphs").fetchone()
    size = sum(f.stat().st_size for f in out.iterdir() if f.is_file())
    print(f"lexical index: {cables} cables, {paragraphs} paragraphs ({distinct} distinct texts) in {took:.0f} s: "
          f"{paragraphs / took:,.0f} paragraphs/s; {size / 1e9:.2f} GB on disk; peak memory {peak:.0f} MB")
    sample = [t for (t,) in db.execute("SELECT text FROM paragraphs WHERE rowid IN "
                                       "(SELECT rowid FROM paragraphs ORDER BY random() LIMIT ?)", (args.sample,))]
    import torch

    torch.set_num_threads(2)
    rate = embed_rate(sample, "cpu")
    print(f"embedding (all-MiniLM-L6-v2, CPU, {torch.get_num_threads()} threads): {rate:.1f} paragraphs/s on "
          f"{len(sample)} paragraphs; the whole corpus ({distinct} texts) would take {distinct / rate / 3600:.1f} h; "
          f"vectors {distinct * 384 * 2 / 1e9:.2f} GB at half precision")
    if torch.cuda.is_available():
        gpu = embed_rate(sample * 10, "cuda")
        print(f"embedding on {torch.cuda.get_device_name(0)}: {gpu:,.0f} paragraphs/s; the whole corpus "
              f"{distinct / gpu / 60:.1f} min")
    else:
        print("embedding on a GPU: none here (torch sees no CUDA device)")


if __name__ == "__main__":
    main()
