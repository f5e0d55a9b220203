"""Building the multilingual sentence index of an index folder: every sentence of every paragraph
(subject lines too), encoded by the multilingual encoder (`compare.multilingual`) and stored by
`store.sentences`, so that a quote in another language finds the passage it translates by meaning.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from .. import multilingual
from ..embeddings import Encoder
from ..encoders import BatchEncoder
from ..model import Progress
from ..store import sentences as stored

BATCH = 512
PARTS = "sentences.parts"  # a build's encoded batches, until the index is whole
MIN_WORDS = 4  # shorter pieces join the next sentence
MAX_WORDS = 40  # longer sentences are cut at a semicolon or comma into pieces of about half this
# Not `compare.sentences`: the index's pieces end at semicolons too and keep a closing quotation mark, short
# ones join the next and long ones are cut (`split`); the stored vectors depend on these pieces.
SENTENCE_RE = re.compile(r"[^.!?;]+(?:[.!?;]+[\"”’']?|$)")



def split(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans of a paragraph: short pieces joined to the next, long ones cut at commas."""
    pending: int | None = None
    for m in SENTENCE_RE.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        if a >= b:
            continue
        if pending is not None:
            a, pending = pending, None
        if len(text[a:b].split()) < MIN_WORDS:
            pending = a
            continue
        yield from _cut(text, a, b)
    if pending is not None:
        yield pending, len(text.rstrip())


def _cut(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    if len(text[a:b].split()) <= MAX_WORDS:
        yield a, b
        return
    start, words = a, 0
    for m in re.finditer(r"\S+", text[a:b]):
        words += 1
        end = a + m.end()
        if words >= MAX_WORDS // 2 and text[end - 1] in ",;:" or words >= MAX_WORDS:
            yield start, end
            start, words = end + 1, 0
    if start < b and text[start:b].strip():
        yield start, b


def build(paragraphs: Iterator[tuple[int, str]], out: Path, progress: Progress | None = None, total: int = 0,
          encoder: Encoder | None = None, runner: BatchEncoder | None = None) -> int:
    """Encode every sentence of (row, text) paragraphs into `out` (with `encoder`, by default the
    multilingual one in use, `multilingual.encoder()`; run by `runner`, `compare.encoders`, in this process unless given); returns
    the number of sentences. Each batch's vectors are kept in `sentences.parts/` under a hash of its
    texts until the index is whole, so a stopped build goes on where it was and encodes nothing
    twice."""
    encoder = encoder or multilingual.encoder()
    spans: list[tuple[int, int, int]] = []
    texts: list[str] = []
    for k, (row, text) in enumerate(paragraphs, 1):
        for a, b in split(text):
            spans.append((row, a, b))
            texts.append(multilingual.readable(text[a:b]))
        if progress and k % 2000 == 0:
            progress("splitting sentences", k, total)
    parts = out / PARTS
    parts.mkdir(exist_ok=True)
    keys = {lo: _batch_key(encoder.name, texts[lo : lo + BATCH]) for lo in range(0, len(texts), BATCH)}
    todo = [lo for lo, key in keys.items() if not (parts / f"{key}.npy").is_file()]
    done = len(texts) - sum(len(texts[lo : lo + BATCH]) for lo in todo)
    batches = ((lo, texts[lo : lo + BATCH]) for lo in todo)
    encoded = (runner.sentences(batches) if runner is not None
               else ((lo, encoder.encode(batch)) for lo, batch in batches))
    for lo, vecs in encoded:
        tmp = parts / f"{keys[lo]}.tmp.npy"
        np.save(tmp, np.asarray(vecs, dtype=np.float16))
        os.replace(tmp, parts / f"{keys[lo]}.npy")
        done += len(vecs)
        if progress:
            progress("encoding sentences (multilingual)", done, len(texts))
    stored.write(out, spans, (np.load(parts / f"{key}.npy") for key in keys.values()), encoder.dimension,
                 encoder.name, progress)
    shutil.rmtree(parts, ignore_errors=True)
    return len(texts)


def _batch_key(model: str, texts: list[str]) -> str:
    """A batch of sentences by content (and the encoder that reads them)."""
    h = hashlib.sha256(f"{model}\n".encode())
    for t in texts:
        h.update(t.encode("utf-8") + b"\0")
    return h.hexdigest()[:32]
