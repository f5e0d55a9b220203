"""A bag-of-words encoder: each word's folded key (`tokens.keys`; stop words left out) hashed into
one of `dimension` signed buckets, the counts scaled to a unit vector. No model and nothing to load: texts that share
words land close, whatever their meaning. An `embeddings.Encoder`, for fast tests of every vector
path (index builds, paragraph and sentence search) and as a baseline a model has to beat."""

from __future__ import annotations

import hashlib

import numpy as np

from .embeddings import unit
from .tokens import STOPWORDS, keys


class HashedWords:
    def __init__(self, dimension: int = 256) -> None:
        self.dimension = dimension
        self.name = f"hashed-words-{dimension}"

    def load(self) -> None:
        """Nothing to load."""

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for key in keys(text):
                if key in STOPWORDS:
                    continue
                h = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")
                out[row, h % self.dimension] += 1.0 if h >> 63 else -1.0
        return unit(out)
