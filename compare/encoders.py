"""Who encodes an index's texts: the one seam between building an index and the engine that runs
the models. A `BatchEncoder` takes batches of texts, each with a key, and gives back each batch's
vectors with its key, in any order; the builder (`compare.indexing`, `indexing.sentences`) decides what to
encode (only texts not encoded yet, keyed by content) and writes the vectors into the one index.

`InProcess` runs the models here, one batch after another (`compare index build`);
`compare.runners.ray_runner.RayEncoder` runs them on a Ray actor pool (`--engine ray`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

import numpy as np

Batch = tuple[Any, list[str]]  # (key, texts)
Encoded = tuple[Any, np.ndarray]  # (key, one unit vector a text)

PARAGRAPH_BATCH = 64  # texts a forward pass of the paragraph model


class BatchEncoder(Protocol):
    def paragraphs(self, model: str | None, batches: Iterable[Batch]) -> Iterator[Encoded]:
        """Paragraph vectors (sentence-transformers `model`; None: the packaged MiniLM)."""
        ...

    def sentences(self, batches: Iterable[Batch]) -> Iterator[Encoded]:
        """Multilingual sentence vectors (`compare.multilingual`)."""
        ...


def encode_paragraphs(model: Any, texts: list[str]) -> np.ndarray:
    """One batch of paragraph texts as unit vectors by a loaded sentence-transformers model, as every
    engine encodes them."""
    return np.asarray(model.encode(texts, batch_size=PARAGRAPH_BATCH, normalize_embeddings=True,
                                   show_progress_bar=False))


def encode_sentences(texts: list[str]) -> np.ndarray:
    from . import multilingual

    return multilingual.encoder().encode(texts)


class InProcess:
    """The models in this process, batch after batch. `load` loads the paragraph model by name
    (default: `embeddings.load_model`)."""

    def __init__(self, load: Callable[[str | None], Any] | None = None) -> None:
        self.load = load

    def paragraphs(self, model: str | None, batches: Iterable[Batch]) -> Iterator[Encoded]:
        if self.load is None:
            from .embeddings import load_model

            self.load = load_model
        loaded = self.load(model)
        for key, texts in batches:
            yield key, encode_paragraphs(loaded, texts)

    def sentences(self, batches: Iterable[Batch]) -> Iterator[Encoded]:
        for key, texts in batches:
            yield key, encode_sentences(texts)
