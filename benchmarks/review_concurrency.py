"""Concurrent review writes: throughput and lost writes, the v0.2 store (one shared connection,
the baseline) beside the current one, in the same run.

Threads share one store object, as the app's browser sessions do (each session is a thread);
processes share one file. Every writer writes N reviews of its own; afterwards every one is read
back: a missing or wrong row is a lost write, whether or not the writer saw an error.

    .venv/bin/python benchmarks/review_concurrency.py [--n 500]
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing as mp
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.store.reviews import ReviewStore  # noqa: E402


class OldReviewStore:
    """The v0.2 store, verbatim in substance: one connection shared by every thread."""

    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(path, check_same_thread=False)
        self.db.execute("CREATE TABLE IF NOT EXISTS reviews(article TEXT, start INTEGER, end INTEGER, status TEXT, "
                        "note TEXT, updated TEXT, PRIMARY KEY(article, start, end))")
        self.db.commit()

    def set(self, article: str, start: int, end: int, status: str, note: str = "") -> None:
        self.db.execute("INSERT OR REPLACE INTO reviews VALUES (?, ?, ?, ?, ?, ?)",
                        (article, start, end, status, note, time.strftime("%Y-%m-%dT%H:%M:%S")))
        self.db.commit()

    def of_article(self, article: str) -> list:
        return self.db.execute("SELECT start, end, status, note, updated FROM reviews WHERE article = ?",
                               (article,)).fetchall()


KINDS = {"old": OldReviewStore, "new": ReviewStore}


def write(store, who: int, n: int) -> int:
    errors = 0
    for k in range(n):
        try:
            store.set(f"article-{who}", k, k + 5, "flagged", f"note {who}/{k}")
        except Exception:
            errors += 1
    return errors


def lost(path: str, writers: int, n: int) -> int:
    db = sqlite3.connect(path)
    got = {(a, s, note) for a, s, note in db.execute("SELECT article, start, note FROM reviews")}
    return sum((f"article-{w}", k, f"note {w}/{k}") not in got for w in range(writers) for k in range(n))


def threads(kind: str, writers: int, n: int, with_reader: bool) -> tuple[float, int, int]:
    path = tempfile.mktemp(suffix=".sqlite")
    store = KINDS[kind](path)
    errors = [0] * writers
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            with contextlib.suppress(Exception):
                store.of_article("article-0")

    def run(w: int) -> None:
        errors[w] = write(store, w, n)

    ts = [threading.Thread(target=run, args=(w,)) for w in range(writers)]
    rd = threading.Thread(target=reader)
    t0 = time.perf_counter()
    if with_reader:
        rd.start()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    elapsed = time.perf_counter() - t0
    stop.set()
    if with_reader:
        rd.join()
    return writers * n / elapsed, sum(errors), lost(path, writers, n)


def _proc(kind: str, path: str, who: int, n: int) -> int:
    return write(KINDS[kind](path), who, n)


def processes(kind: str, writers: int, n: int) -> tuple[float, int, int]:
    path = tempfile.mktemp(suffix=".sqlite")
    KINDS[kind](path)
    t0 = time.perf_counter()
    with mp.get_context("spawn").Pool(writers) as pool:
        errors = pool.starmap(_proc, [(kind, path, w, n) for w in range(writers)])
    return writers * n / (time.perf_counter() - t0), sum(errors), lost(path, writers, n)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=500)
    args = ap.parse_args()
    print(f"{'case':<32} {'store':<5} {'writes/s':>9} {'errors':>7} {'lost':>6}")
    for label, fn in [("1 thread", lambda k: threads(k, 1, args.n, False)),
                      ("2 threads", lambda k: threads(k, 2, args.n, False)),
                      ("2 threads + a reader", lambda k: threads(k, 2, args.n, True)),
                      ("8 threads + a reader", lambda k: threads(k, 8, args.n, True)),
                      ("2 processes", lambda k: processes(k, 2, args.n)),
                      ("8 processes", lambda k: processes(k, 8, args.n))]:
        for kind in ("old", "new"):
            rate, errors, missing = fn(kind)
            print(f"{label:<32} {kind:<5} {rate:>9.0f} {errors:>7} {missing:>6}")


if __name__ == "__main__":
    main()
