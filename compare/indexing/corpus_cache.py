"""Corpora given as files, indexed once: a dump of thousands of cables takes half a minute to parse,
an index opens at once. `cached_index(paths)` builds an index folder for the files the first time
(under the user's cache folder, keyed by every file's resolved path, size and modification time,
and the schema version), and returns the same folder on every later run; a changed, added or
removed file is a new key. Built beside and renamed into place: two runs building at once, or a
run killed mid-build, never leave a half index where a later run would open it. Small corpora are
parsed in memory instead (it is as fast as opening an index); `COMPARE_NO_CORPUS_CACHE=1` turns the
cache off."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .. import ingest
from ..store.cache import cache_dir
from ..store.schema import SCHEMA_VERSION, is_index
from . import build

MIN_BYTES = 2_000_000  # below this, parsing in memory costs less than a second: no cache


def key_of(files: Iterable[Path]) -> str:
    h = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    for f in sorted(files, key=lambda p: str(p.resolve())):
        st = f.stat()
        h.update(f"{f.resolve()}\t{st.st_size}\t{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:32]


def cached_index(paths: Iterable[str | Path]) -> Path | None:
    """The index folder for these cable files (built now if needed), or None when they are better
    parsed in memory (small, or the cache is off or cannot be written)."""
    if os.environ.get("COMPARE_NO_CORPUS_CACHE"):
        return None
    files = ingest.expand_paths(paths)
    if sum(f.stat().st_size for f in files) < MIN_BYTES:
        return None
    folder = cache_dir() / "corpora" / key_of(files)
    if is_index(folder):
        return folder
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=folder.parent))
    except OSError:
        return None
    try:
        build(files, tmp, embed=False)
        try:
            os.rename(tmp, folder)
        except OSError:  # another run finished the same index first: use that one
            if not is_index(folder):
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return folder
