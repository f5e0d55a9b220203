"""Embeddings cached on disk by (model, text) hash, so a text is embedded once across runs."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import numpy as np


def cache_dir() -> Path:
    base = os.environ.get("COMPARE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "compare"
    )
    return Path(base)


class EmbeddingCache:
    """Vectors by key in `embeddings.sqlite`; a cache that cannot be opened or written is no cache
    (the vectors are computed again), never an error."""

    def __init__(self, directory: Path | None = None) -> None:
        self.db: sqlite3.Connection | None = None
        try:
            d = directory or cache_dir()
            d.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(d / "embeddings.sqlite"), check_same_thread=False, timeout=30)
            self.db.execute("CREATE TABLE IF NOT EXISTS emb (k TEXT PRIMARY KEY, v BLOB)")
        except (OSError, sqlite3.Error):
            self.db = None

    def get(self, keys: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        if self.db is None:
            return out
        try:
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                rows = self.db.execute(f"SELECT k, v FROM emb WHERE k IN ({','.join('?' * len(chunk))})", chunk)
                out.update((k, np.frombuffer(v, dtype=np.float32)) for k, v in rows)
        except sqlite3.Error:
            pass
        return out

    def put(self, items: dict[str, np.ndarray]) -> None:
        if self.db is None or not items:
            return
        try:
            self.db.executemany("INSERT OR REPLACE INTO emb VALUES (?, ?)",
                                [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()])
            self.db.commit()
        except sqlite3.Error:
            pass
