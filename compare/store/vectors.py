"""Nearest neighbours: the `VectorIndex` protocol the pipeline uses for paragraph vectors and the
multilingual sentence vectors (`store.sentences`) alike, and the usearch engine behind it.

Swapping the vector engine is a change to this file alone (`new_index`, `open_index`). Keys are paragraph content hashes
(`schema.text_hash`), so one vector serves every paragraph with the same text.

Why usearch: a single-file HNSW index that can be served memory-mapped from disk (`view`), so a
check's memory does not grow with the corpus; half-precision vectors (768 bytes for a
384-dimension MiniLM vector) that halve the file; incremental `add` for incremental builds; and a
small wheel with no system dependencies. faiss-cpu serves memory-mapped only some index types and
is a much larger install; hnswlib loads the whole graph into memory.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from ..errors import BadIndexError
from .schema import VECTORS_NAME


class VectorIndex(Protocol):
    model: str  # the embedding model that made the vectors

    def add(self, keys: Sequence[int], vectors: Any) -> None: ...

    def search(self, vector: Any, k: int) -> list[tuple[int, float]]:
        """The `k` nearest keys with their cosine similarity, nearest first."""
        ...

    def __contains__(self, key: object) -> bool: ...

    def save(self, path: Path) -> None: ...


class UsearchIndex:
    def __init__(self, index: Any, model: str) -> None:
        self.index = index
        self.model = model

    def add(self, keys: Sequence[int], vectors: Any) -> None:
        self.index.add(list(keys), vectors)

    def search(self, vector: Any, k: int) -> list[tuple[int, float]]:
        found = self.index.search(vector, k)
        return [(int(key), 1.0 - float(dist)) for key, dist in zip(found.keys, found.distances, strict=True)]

    def __contains__(self, key: object) -> bool:
        return key in self.index

    def save(self, path: Path) -> None:
        """Written beside, then renamed over: a kill never leaves a half-written vector index."""
        tmp = path.with_suffix(".tmp")
        self.index.save(str(tmp))
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)


def new_index(ndim: int, model: str) -> UsearchIndex:
    """An empty index of `ndim`-number vectors (cosine, half precision)."""
    from usearch.index import Index

    return UsearchIndex(Index(ndim=ndim, metric="cos", dtype="f16"), model)


def open_index(directory: Path, name: str, model: str) -> UsearchIndex:
    """The index saved as `name` in an index folder, memory-mapped (read only)."""
    from usearch.index import Index

    try:
        index = Index.restore(str(directory / name), view=True)
    except Exception as e:  # usearch raises RuntimeError/ValueError on a broken file
        raise BadIndexError(directory, f"{name} cannot be read ({e})") from None
    if index is None:
        raise BadIndexError(directory, f"{name} is not a usearch index")
    return UsearchIndex(index, model)


def create_vectors(directory: Path, ndim: int, model: str) -> UsearchIndex:
    """The index folder's vectors, loaded for adding to (created empty when there are none)."""
    path = directory / VECTORS_NAME
    vectors = new_index(ndim, model)
    index = vectors.index
    if path.exists():
        try:
            index.load(str(path))
        except Exception as e:  # usearch raises RuntimeError/ValueError on a broken file
            raise BadIndexError(directory, f"{VECTORS_NAME} cannot be read ({e})") from None
    return vectors


def open_vectors(directory: Path, model: str | None) -> UsearchIndex | None:
    """The memory-mapped vectors of an index folder, when it has them."""
    path = directory / VECTORS_NAME
    if not path.is_file() or model is None:
        return None
    return open_index(directory, VECTORS_NAME, model)
