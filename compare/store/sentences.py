"""The multilingual sentence index of an index folder: every sentence of every paragraph (subject
lines too), as a vector of the multilingual encoder (`compare.multilingual`), so that a quote in
another language finds the passage it translates by meaning, which no word search across languages
can.

Three files beside the full-text index, written once by `compare index build --multilingual`:
`sentences.npy` (one half-precision 512-number row per sentence, read memory-mapped),
`sentence-spans.npy` (the paragraph row, start and end of each, in row order) and
`sentences.usearch` (an HNSW graph over the vectors, served memory-mapped, as the paragraph
vectors are: `store.vectors`). A search walks the graph (milliseconds at 372,219 sentences, where
a full matrix product took 0.8 s); how close a given paragraph comes is read from its own stored
sentence vectors, with nothing to encode.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .. import multilingual
from ..encoders import BatchEncoder, InProcess

VECTORS = "sentences.npy"
SPANS = "sentence-spans.npy"
GRAPH = "sentences.usearch"
FILES = (VECTORS, SPANS, GRAPH)
PARTS = "sentences.parts"  # a build's encoded batches, until the index is whole
BATCH = 512
CHUNK = 65_536  # rows multiplied at once: memory stays flat however large the corpus
MIN_WORDS = 4  # shorter pieces join the next sentence
MAX_WORDS = 40  # longer sentences are cut at a semicolon or comma into pieces of about half this
SENTENCE_RE = re.compile(r"[^.!?;]+(?:[.!?;]+[\"”’']?|$)")


@dataclass(frozen=True)
class SentenceHit:
    row: int  # the paragraph's row in the store
    start: int  # offsets in the paragraph's text
    end: int
    similarity: float


def split(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans of a paragraph: short pieces joined to the next, long ones cut at commas."""
    pending: int | None = None
    for m in SENTENCE_RE.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        if a >= b:
            continue
        if pending is not None:
            a, pending = pending, None
        if len(text[a:b].split()) < MIN_WORDS:
            pending = a
            continue
        yield from _cut(text, a, b)
    if pending is not None:
        yield pending, len(text.rstrip())


def _cut(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    if len(text[a:b].split()) <= MAX_WORDS:
        yield a, b
        return
    start, words = a, 0
    for m in re.finditer(r"\S+", text[a:b]):
        words += 1
        end = a + m.end()
        if words >= MAX_WORDS // 2 and text[end - 1] in ",;:" or words >= MAX_WORDS:
            yield start, end
            start, words = end + 1, 0
    if start < b and text[start:b].strip():
        yield start, b


def build(paragraphs: Iterator[tuple[int, str]], out: Path, progress: Callable[[str, int, int], None] | None = None,
          total: int = 0, encoder: BatchEncoder | None = None) -> int:
    """Encode every sentence of (row, text) paragraphs into `out` (by `encoder`: in this process
    unless given); returns the number of sentences. Each batch's vectors are kept in
    `sentences.parts/` under a hash of its texts until the index is whole, so a stopped build goes on
    where it was and encodes nothing twice; the index is written beside and renamed over, so that a
    stopped build leaves no half index."""
    spans: list[tuple[int, int, int]] = []
    texts: list[str] = []
    for k, (row, text) in enumerate(paragraphs, 1):
        for a, b in split(text):
            spans.append((row, a, b))
            texts.append(multilingual.readable(text[a:b]))
        if progress and k % 2000 == 0:
            progress("splitting sentences", k, total)
    parts = out / PARTS
    parts.mkdir(exist_ok=True)
    keys = {lo: _batch_key(texts[lo : lo + BATCH]) for lo in range(0, len(texts), BATCH)}
    todo = [lo for lo, key in keys.items() if not (parts / f"{key}.npy").is_file()]
    done = len(texts) - sum(len(texts[lo : lo + BATCH]) for lo in todo)
    for lo, vecs in (encoder or InProcess()).sentences((lo, texts[lo : lo + BATCH]) for lo in todo):
        tmp = parts / f"{keys[lo]}.tmp.npy"
        np.save(tmp, np.asarray(vecs, dtype=np.float16))
        os.replace(tmp, parts / f"{keys[lo]}.npy")
        done += len(vecs)
        if progress:
            progress("encoding sentences (multilingual)", done, len(texts))
    vecs = np.lib.format.open_memmap(out / (VECTORS + ".tmp"), mode="w+", dtype=np.float16,
                                     shape=(len(texts), multilingual.DIMENSION))
    for lo, key in keys.items():
        vecs[lo : lo + BATCH] = np.load(parts / f"{key}.npy")
    vecs.flush()
    del vecs
    np.save(out / (SPANS + ".tmp.npy"), np.asarray(spans, dtype=np.int32).reshape(-1, 3))
    os.replace(out / (SPANS + ".tmp.npy"), out / SPANS)
    os.replace(out / (VECTORS + ".tmp"), out / VECTORS)
    build_graph(out, progress)
    shutil.rmtree(parts, ignore_errors=True)
    return len(texts)


def _batch_key(texts: list[str]) -> str:
    """A batch of sentences by content (and the encoder that reads them)."""
    h = hashlib.sha256(f"{multilingual.MODEL_ID}\n".encode())
    for t in texts:
        h.update(t.encode("utf-8") + b"\0")
    return h.hexdigest()[:32]


def remove(out: Path) -> None:
    """Drop the sentence index (its rows no longer match the paragraphs')."""
    for name in FILES:
        (out / name).unlink(missing_ok=True)


def build_graph(out: Path, progress: Callable[[str, int, int], None] | None = None) -> None:
    """The HNSW graph over the stored sentence vectors (written beside, then renamed over)."""
    from usearch.index import Index

    vectors = np.load(out / VECTORS, mmap_mode="r")
    graph = Index(ndim=multilingual.DIMENSION, metric="cos", dtype="f16")
    for lo in range(0, len(vectors), CHUNK):
        part = np.asarray(vectors[lo : lo + CHUNK], dtype=np.float32)
        graph.add(np.arange(lo, lo + len(part), dtype=np.uint64), part)
        if progress:
            progress("linking sentence vectors", lo + len(part), len(vectors))
    graph.save(str(out / (GRAPH + ".tmp")))
    os.replace(out / (GRAPH + ".tmp"), out / GRAPH)


class SentenceIndex:
    def __init__(self, vectors: np.ndarray, spans: np.ndarray, graph: Any) -> None:
        self.vectors = vectors
        self.spans = spans
        self.graph = graph

    @classmethod
    def open(cls, folder: Path) -> SentenceIndex | None:
        """The folder's sentence index; None unless all its files are there (the graph is written last)."""
        if not all((folder / name).exists() for name in FILES):
            return None
        from usearch.index import Index

        graph = Index.restore(str(folder / GRAPH), view=True)
        return cls(np.load(folder / VECTORS, mmap_mode="r"), np.load(folder / SPANS), graph)

    def __len__(self) -> int:
        return len(self.spans)

    def search(self, vector: np.ndarray, k: int) -> list[SentenceHit]:
        """The `k` sentences nearest the (unit) vector, nearest first."""
        found = self.graph.search(np.asarray(vector, dtype=np.float32), k)
        return [SentenceHit(int(self.spans[i][0]), int(self.spans[i][1]), int(self.spans[i][2]), 1.0 - float(d))
                for i, d in zip(found.keys, found.distances, strict=True)]

    def closest_in(self, row: int, vector: np.ndarray) -> SentenceHit | None:
        """The sentence of paragraph `row` nearest the vector, from the stored vectors."""
        lo, hi = np.searchsorted(self.spans[:, 0], [row, row + 1])
        if lo >= hi:
            return None
        sims = np.asarray(self.vectors[lo:hi], dtype=np.float32) @ np.asarray(vector, dtype=np.float32)
        k = int(np.argmax(sims))
        return SentenceHit(row, int(self.spans[lo + k][1]), int(self.spans[lo + k][2]), float(sims[k]))
