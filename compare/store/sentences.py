"""The multilingual sentence index of an index folder: every sentence of every paragraph (subject
lines too), as a vector of the multilingual encoder (`compare.multilingual`), so that a quote in
another language finds the passage it translates by meaning, which no word search across languages
can.

Three files beside the full-text index, written once by `compare index build --multilingual`
(`compare.indexing.sentences` splits and encodes; this module stores and searches):
`sentences.npy` (one half-precision 512-number row per sentence, read memory-mapped),
`sentence-spans.npy` (the paragraph row, start and end of each, in row order) and
`sentences.usearch` (an HNSW graph over the vectors, served memory-mapped, as the paragraph
vectors are: `store.vectors`). A search walks the graph (milliseconds at 372,219 sentences, where
a full matrix product took 0.8 s); how close a given paragraph comes is read from its own stored
sentence vectors, with nothing to encode.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .vectors import VectorIndex, new_index, open_index

VECTORS = "sentences.npy"
SPANS = "sentence-spans.npy"
GRAPH = "sentences.usearch"
FILES = (VECTORS, SPANS, GRAPH)
CHUNK = 65_536  # rows multiplied at once: memory stays flat however large the corpus


@dataclass(frozen=True)
class SentenceHit:
    row: int  # the paragraph's row in the store
    start: int  # offsets in the paragraph's text
    end: int
    similarity: float


def write(out: Path, spans: list[tuple[int, int, int]], vectors: Iterable[np.ndarray], dimension: int,
          model: str, progress: Callable[[str, int, int], None] | None = None) -> None:
    """Store the sentence index: `spans` (paragraph row, start, end) and their vectors, given in the
    same order in parts (`compare.indexing.sentences` encodes them). Written beside and renamed over,
    so that a stopped build leaves no half index."""
    vecs = np.lib.format.open_memmap(out / (VECTORS + ".tmp"), mode="w+", dtype=np.float16,
                                     shape=(len(spans), dimension))
    lo = 0
    for part in vectors:
        vecs[lo : lo + len(part)] = part.astype(np.float16)
        lo += len(part)
    vecs.flush()
    del vecs
    np.save(out / (SPANS + ".tmp.npy"), np.asarray(spans, dtype=np.int32).reshape(-1, 3))
    os.replace(out / (SPANS + ".tmp.npy"), out / SPANS)
    os.replace(out / (VECTORS + ".tmp"), out / VECTORS)
    build_graph(out, model, progress)


def remove(out: Path) -> None:
    """Drop the sentence index (its rows no longer match the paragraphs')."""
    for name in FILES:
        (out / name).unlink(missing_ok=True)


def build_graph(out: Path, model: str, progress: Callable[[str, int, int], None] | None = None) -> None:
    """The nearest-neighbour graph over the stored sentence vectors (a `VectorIndex` keyed by row;
    written beside, then renamed over)."""
    vectors = np.load(out / VECTORS, mmap_mode="r")
    graph = new_index(vectors.shape[1], model)
    for lo in range(0, len(vectors), CHUNK):
        part = np.asarray(vectors[lo : lo + CHUNK], dtype=np.float32)
        graph.add(range(lo, lo + len(part)), part)
        if progress:
            progress("linking sentence vectors", lo + len(part), len(vectors))
    graph.save(out / GRAPH)


class SentenceIndex:
    def __init__(self, vectors: np.ndarray, spans: np.ndarray, graph: VectorIndex) -> None:
        self.vectors = vectors
        self.spans = spans
        self.graph = graph

    @classmethod
    def open(cls, folder: Path) -> SentenceIndex | None:
        """The folder's sentence index; None unless all its files are there (the graph is written last)."""
        if not all((folder / name).exists() for name in FILES):
            return None
        graph = open_index(folder, GRAPH, "multilingual")
        return cls(np.load(folder / VECTORS, mmap_mode="r"), np.load(folder / SPANS), graph)

    def __len__(self) -> int:
        return len(self.spans)

    def search(self, vector: np.ndarray, k: int) -> list[SentenceHit]:
        """The `k` sentences nearest the (unit) vector, nearest first."""
        found = self.graph.search(np.asarray(vector, dtype=np.float32), k)
        return [SentenceHit(int(self.spans[i][0]), int(self.spans[i][1]), int(self.spans[i][2]), similarity)
                for i, similarity in found]

    def closest_in(self, row: int, vector: np.ndarray) -> SentenceHit | None:
        """The sentence of paragraph `row` nearest the vector, from the stored vectors."""
        lo, hi = np.searchsorted(self.spans[:, 0], [row, row + 1])
        if lo >= hi:
            return None
        sims = np.asarray(self.vectors[lo:hi], dtype=np.float32) @ np.asarray(vector, dtype=np.float32)
        k = int(np.argmax(sims))
        return SentenceHit(row, int(self.spans[lo + k][1]), int(self.spans[lo + k][2]), float(sims[k]))
